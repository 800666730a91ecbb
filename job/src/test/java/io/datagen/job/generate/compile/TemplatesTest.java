package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Placeholders of the template generator and the column-level pattern, expanded exactly. */
class TemplatesTest {

  private static List<String> values(long rows, TestSchemas.Col column) {
    Schema schema = schema(table("orders", rows).col(column));
    return column(schema, "orders", column.name, 5);
  }

  private static List<SchemaProblem> errors(TestSchemas.Col column) {
    return GenerationValidator.validate(schema(table("t", 10).col(column))).stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  @Test
  void doubleBracePlaceholdersOfTheTemplateGenerator() {
    List<String> v =
        values(
            3,
            col("no", TestSchemas.varchar(40))
                .gen(
                    "template",
                    "template",
                    "ORD-{{year}}{{month}}{{day}}-{{seq:6}}-{{seq}}-{{rand:3}}"));
    // The reference time is 2024-06-15T12:00:00Z.
    assertThat(v.get(0)).matches("ORD-20240615-000001-1-\\d{3}");
    assertThat(v.get(2)).matches("ORD-20240615-000003-3-\\d{3}");
    assertThat(values(2, col("id", TypeKind.TEXT).gen("template", "template", "{{uuid}}")))
        .allSatisfy(
            s ->
                assertThat(s)
                    .matches(
                        "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
  }

  @Test
  void singleBracePlaceholdersOfTheColumnPattern() {
    List<String> v =
        values(
            2,
            col("code", TypeKind.TEXT)
                .pattern(
                    "{year}/{month}/{month:name}/{day}/{timestamp}/"
                        + "{sequence}/{sequence:4}/{random:5}/{hex:6}/{alpha:3}/{alphanumeric:8}/{uuid}/{row}/{table}"));
    String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    assertThat(v.get(0))
        .matches(
            "2024/06/June/15/1718452800/1/0001/\\d{5}/[0-9a-f]{6}/[A-Za-z]{3}/[A-Za-z0-9]{8}/"
                + uuid
                + "/1/orders");
    assertThat(v.get(1)).startsWith("2024/06/June/15/1718452800/2/0002/").endsWith("/2/orders");
  }

  @Test
  void bothSpellingsWorkInBothPlacesAndTheObjectFormTakesVariables() {
    assertThat(values(1, col("a", TypeKind.TEXT).gen("template", "template", "{year}-{{seq:2}}")))
        .containsExactly("2024-01");
    assertThat(values(1, col("a", TypeKind.TEXT).pattern("{{year}}-{seq:2}")))
        .containsExactly("2024-01");
    List<String> v =
        values(
            200,
            col("key", TestSchemas.varchar(60))
                .pattern(
                    "template",
                    "sk_{tier}_{alphanumeric:48}",
                    "variables",
                    Map.of("tier", List.of("live", "test")),
                    "comment",
                    "API key"));
    assertThat(v).allSatisfy(s -> assertThat(s).matches("sk_(live|test)_[A-Za-z0-9]{48}"));
    assertThat(new HashSet<>(v.stream().map(s -> s.substring(3, 7)).toList()))
        .containsExactlyInAnyOrder("live", "test");
    assertThat(
            values(
                1,
                col("a", TypeKind.TEXT)
                    .gen(
                        "template",
                        "template",
                        "{{env}}-{{seq}}",
                        "variables",
                        Map.of("env", "prod"))))
        .containsExactly("prod-1");
  }

  @Test
  void aNarrowSequenceIsPaddedNeverCutAndUniquePerRow() {
    List<String> v =
        values(2_000, col("code", TestSchemas.varchar(12)).unique().pattern("TEN-{sequence:3}"));
    assertThat(v.get(0)).isEqualTo("TEN-001");
    assertThat(v.get(98)).isEqualTo("TEN-099");
    assertThat(v.get(999)).isEqualTo("TEN-1000");
    assertThat(v.get(1999)).isEqualTo("TEN-2000");
    assertThat(new HashSet<>(v)).hasSize(2_000);
    assertThat(errors(col("code", TestSchemas.varchar(12)).unique().pattern("TEN-{sequence:3}")))
        .isEmpty();
  }

  @Test
  void problemsAreErrorsAtThePattern() {
    SchemaProblem unknown = errors(col("c", TypeKind.TEXT).pattern("X-{sequense:4}")).get(0);
    assertThat(unknown.message())
        .contains("unknown placeholder {sequense:4}", "did you mean 'sequence'?");
    assertThat(unknown.path()).isEqualTo("$.tables.t.columns.c.pattern");
    assertThat(
            errors(col("c", TypeKind.TEXT).gen("template", "template", "{{year")).get(0).message())
        .contains("not closed with '}}'");
    assertThat(errors(col("c", TypeKind.TEXT).pattern("{seq:x}")).get(0).message())
        .contains("invalid width");
    assertThat(errors(col("c", TypeKind.TEXT).pattern("{row:3}")).get(0).message())
        .contains("takes no ':'");
    assertThat(
            errors(col("c", TestSchemas.varchar(5)).pattern("ORD-{sequence:4}")).get(0).message())
        .contains("reaches 8 characters");
    assertThat(errors(col("c", TypeKind.INTEGER).pattern("{sequence}")).get(0).message())
        .contains("makes text");
    assertThat(
            errors(
                    col("c", TypeKind.TEXT)
                        .pattern("template", "{x}", "variables", Map.of("x", List.of())))
                .get(0)
                .message())
        .contains("no values");
    assertThat(errors(col("c", TypeKind.TEXT).pattern("templat", "{x}")))
        .extracting(SchemaProblem::message)
        .anySatisfy(
            m -> assertThat(m).contains("Unknown key 'templat'", "did you mean 'template'?"));
  }

  @Test
  void aColumnPatternCanBeTheRegexOfThePatternGenerator() {
    assertThat(
            values(
                50, col("sku", TestSchemas.varchar(8)).gen("pattern").pattern("[A-Z]{3}-\\d{4}")))
        .allSatisfy(s -> assertThat(s).matches("[A-Z]{3}-\\d{4}"));
    assertThat(
            values(50, col("sku", TestSchemas.varchar(8)).gen("pattern", "pattern", "[a-c]{1,20}")))
        .allSatisfy(s -> assertThat(s).matches("[a-c]{1,8}"));
    SchemaProblem invalid = errors(col("c", TypeKind.TEXT).gen("pattern", "pattern", "[a-")).get(0);
    assertThat(invalid.message())
        .contains("Invalid regular expression '[a-'", "unclosed character class");
    assertThat(invalid.path()).isEqualTo("$.tables.t.columns.c.generator_config.pattern");
    assertThat(invalid.location().known()).isTrue();
    assertThat(
            errors(col("c", TestSchemas.varchar(3)).gen("pattern", "pattern", "\\d{4}"))
                .get(0)
                .message())
        .contains("shortest match has 4 characters");
  }

  @Test
  void aUniqueFixedShapeRegexColumnIsAPermutationOfItsStrings() {
    List<String> v =
        values(
            5_000,
            col("sku", TestSchemas.chars(8)).unique().gen("pattern", "pattern", "[A-Z]{2}-\\d{5}"));
    assertThat(new HashSet<>(v)).hasSize(5_000);
    assertThat(v).allSatisfy(s -> assertThat(s).matches("[A-Z]{2}-\\d{5}"));
    assertThat(
            GenerationValidator.validate(
                schema(
                    table("t", 30)
                        .col(
                            col("sku", TypeKind.TEXT)
                                .unique()
                                .gen("pattern", "pattern", "[ab]-\\d")))))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("only 20 distinct values for 30 rows"));
  }
}
