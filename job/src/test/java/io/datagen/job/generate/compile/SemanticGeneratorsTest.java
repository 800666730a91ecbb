package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.fake.Dictionaries;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Name-based and explicit realistic generators: type fit and fallback, config errors, uniqueness,
 * determinism.
 */
class SemanticGeneratorsTest {
  private static final String EMAIL =
      "^[a-z0-9]+([._][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*\\.[a-z]{2,}$";

  private static List<String> values(long rows, TestSchemas.Col column) {
    return column(schema(table("t", rows).col(column)), "t", column.name, 5);
  }

  private static List<SchemaProblem> problems(TestSchemas.Col column) {
    return GenerationValidator.validate(schema(table("t", 10).col(column)));
  }

  @Test
  void namesPickARealisticGeneratorThatFitsTheType() {
    assertThat(values(200, col("email", TestSchemas.varchar(80)))).allMatch(v -> v.matches(EMAIL));
    assertThat(values(200, col("email", TypeKind.INTEGER)))
        .allSatisfy(v -> Long.parseLong(v)); // falls back
    assertThat(values(200, col("phone", TypeKind.TEXT)))
        .allMatch(v -> v.matches("\\([2-9]\\d\\d\\) [2-9]\\d\\d-\\d{4}"));
    Set<String> firstNames = Set.of(Dictionaries.of(Locale.ENGLISH).firstNames);
    assertThat(values(200, col("first_name", TestSchemas.varchar(40))))
        .allMatch(firstNames::contains);
    assertThat(values(200, col("price", TestSchemas.numeric(8, 2))))
        .allSatisfy(v -> assertThat(new BigDecimal(v).scale()).isEqualTo(2))
        .allSatisfy(
            v ->
                assertThat(new BigDecimal(v))
                    .isBetween(new BigDecimal("0.99"), new BigDecimal("999.99")));
    assertThat(values(200, col("price", TypeKind.INTEGER)))
        .allSatisfy(v -> assertThat(Long.parseLong(v)).isBetween(1L, 1000L));
    assertThat(values(500, col("rating", TestSchemas.numeric(2, 1))))
        .allSatisfy(
            v -> assertThat(new BigDecimal(v)).isBetween(BigDecimal.ONE, new BigDecimal("5.0")));
    assertThat(values(200, col("ip_address", TypeKind.INET)))
        .allMatch(v -> v.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"));
    assertThat(values(200, col("cancelled_at", TypeKind.TIMESTAMPTZ)))
        .allMatch(v -> v.endsWith("+00"));
    assertThat(values(200, col("zipper", TestSchemas.varchar(10))))
        .noneMatch(v -> v.matches("\\d{5}"));
  }

  @Test
  void textNeverExceedsTheColumnAndIsCutAtAWordBoundary() {
    for (String name :
        List.of(
            "full_name",
            "address",
            "company",
            "city",
            "job_title",
            "product_name",
            "description",
            "title",
            "email",
            "username",
            "url")) {
      for (int n : new int[] {8, 12, 20}) {
        List<String> values = values(300, col(name, TestSchemas.varchar(n)));
        assertThat(values)
            .as("%s varchar(%d)", name, n)
            .allSatisfy(v -> assertThat(v.codePointCount(0, v.length())).isBetween(1, n))
            .noneMatch(v -> v.endsWith(" "));
      }
    }
  }

  @Test
  void explicitGeneratorsCheckTheirConfigAndType() {
    assertThat(problems(col("c", TypeKind.TEXT).gen("phone", "format", "fr")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected us, uk or e164"));
    assertThat(problems(col("c", TypeKind.TEXT).gen("email", "domain", "not a domain")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Invalid 'domain'"));
    assertThat(problems(col("c", TypeKind.TEXT).gen("city", "locale", "xx_YY")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Unknown 'locale'"));
    assertThat(problems(col("c", TypeKind.TEXT).gen("faker", "expression", "#{Nope.nothing}")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("Datafaker cannot evaluate"));
    assertThat(problems(col("c", TestSchemas.varchar(10)).gen("phone")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("does not fit", "at least 14"));
    assertThat(problems(col("c", TypeKind.INTEGER).gen("city")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("does not fit"));
    assertThat(problems(col("c", TypeKind.TEXT).gen("credit_card"))).isEmpty();
  }

  @Test
  void explicitGeneratorsWriteTheirFormats() {
    assertThat(values(300, col("c", TypeKind.TEXT).gen("phone", "format", "uk")))
        .allMatch(v -> v.matches("\\+44 7\\d{3} \\d{6}"));
    assertThat(values(300, col("c", TypeKind.TEXT).gen("phone", "format", "e164")))
        .allMatch(v -> v.matches("\\+1[2-9]\\d{9}"));
    assertThat(values(300, col("c", TypeKind.TEXT).gen("email", "domain", "example.org")))
        .allMatch(v -> v.endsWith("@example.org"));
    assertThat(values(300, col("c", TypeKind.TEXT).gen("credit_card")))
        .allMatch(SemanticGeneratorsTest::luhn);
    assertThat(values(300, col("c", TypeKind.TEXT).gen("iban")))
        .allMatch(SemanticGeneratorsTest::ibanValid);
    assertThat(values(300, col("c", TypeKind.TEXT).gen("ip", "version", "v6")))
        .allMatch(v -> v.startsWith("2001:db8:"));
    assertThat(values(300, col("c", TypeKind.MACADDR).gen("mac")))
        .allMatch(v -> v.matches("[0-9a-f]{2}(:[0-9a-f]{2}){5}"));
    assertThat(values(300, col("c", TypeKind.TEXT).gen("lorem_ipsum", "words", 5)))
        .allMatch(v -> v.split(" ").length == 5);
    assertThat(values(300, col("c", TypeKind.TEXT).gen("city", "locale", "de_DE")))
        .allMatch(Set.of(Dictionaries.of(Locale.GERMANY).cities)::contains);
    assertThat(values(300, col("c", TestSchemas.numeric(9, 6)).gen("latitude")))
        .allSatisfy(
            v -> assertThat(new BigDecimal(v).abs()).isLessThanOrEqualTo(new BigDecimal(90)));
  }

  @Test
  void fakerExpressionsAreDeterministic() {
    TestSchemas.Col faker =
        col("c", TypeKind.TEXT).gen("faker", "expression", "#{Name.firstName} #{numerify '##'}");
    List<String> once = values(200, faker);
    assertThat(
            values(
                200,
                col("c", TypeKind.TEXT)
                    .gen("faker", "expression", "#{Name.firstName} #{numerify '##'}")))
        .isEqualTo(once);
    assertThat(new HashSet<>(once)).hasSizeGreaterThan(150);
    assertThat(once).allMatch(v -> v.matches("\\S+.* \\d\\d"));
  }

  @Test
  void uniqueEmailsUsernamesSkusAndSlugsNeverRepeat() {
    for (String name : List.of("email", "username", "sku", "slug")) {
      List<String> values = values(200_000, col(name, TestSchemas.varchar(60)).unique());
      assertThat(new HashSet<>(values)).as(name).hasSize(200_000);
    }
    // Far indexes too: the row-derived part alone tells them apart, whatever the scale.
    Schema schema =
        schema(table("t", 3_000_000_000L).col(col("email", TestSchemas.varchar(80)).unique()));
    TableRowGenerator generator = TestSchemas.generator(schema, "t", 9);
    Set<String> far = new HashSet<>();
    for (long row = 2_999_000_000L; row < 2_999_050_000L; row++) {
      TextRowSink sink = new TextRowSink();
      generator.generateRow(row, sink);
      far.add(sink.rows.get(0).get(0));
    }
    assertThat(far).hasSize(50_000).allMatch(v -> v.matches(EMAIL));
  }

  @Test
  void updatedAtIsNeverBeforeCreatedAtInTheSameRow() {
    Schema schema =
        schema(
            table("t", 20_000)
                .col(col("created_at", TypeKind.TIMESTAMPTZ))
                .col(col("updated_at", TypeKind.TIMESTAMPTZ).nulls(0.1))
                .col(col("modified_on", TypeKind.DATE)));
    List<List<String>> rows = TestSchemas.rows(schema, "t", 3);
    int equal = 0;
    for (List<String> row : rows) {
      if (row.get(1) != null) {
        assertThat(row.get(1).compareTo(row.get(0))).isGreaterThanOrEqualTo(0);
        equal += row.get(1).equals(row.get(0)) ? 1 : 0;
      }
      assertThat(row.get(2).compareTo(row.get(0).substring(0, 10))).isGreaterThanOrEqualTo(0);
    }
    assertThat(equal).isBetween(3_000, 6_000); // a quarter never updated
  }

  static boolean luhn(String digits) {
    int sum = 0;
    for (int i = digits.length() - 1, p = 0; i >= 0; i--, p++) {
      int d = digits.charAt(i) - '0';
      if (p % 2 == 1) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
    }
    return digits.matches("\\d{15,16}") && sum % 10 == 0;
  }

  static boolean ibanValid(String iban) {
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isLetter(c) ? String.valueOf(c - 'A' + 10) : String.valueOf(c));
    }
    return iban.matches("[A-Z]{2}\\d{2}[A-Z0-9]+")
        && new BigDecimal(digits.toString())
                .toBigInteger()
                .mod(java.math.BigInteger.valueOf(97))
                .intValue()
            == 1;
  }
}
