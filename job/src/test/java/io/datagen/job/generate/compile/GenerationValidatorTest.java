package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.CheckSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.ReferentialAction;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaException;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenerationValidatorTest {

  private static List<SchemaProblem> problems(TestSchemas.Table... tables) {
    return GenerationValidator.validate(schema(tables));
  }

  private static List<SchemaProblem> errors(TestSchemas.Table... tables) {
    return problems(tables).stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  private static SchemaProblem onlyError(TestSchemas.Col column) {
    List<SchemaProblem> errors = errors(table("t", 100).col(column));
    assertThat(errors).hasSize(1);
    return errors.get(0);
  }

  @Test
  void aValidSchemaHasNoProblems() {
    assertThat(
            problems(
                table("users", 10)
                    .col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk())
                    .col(
                        col("status", TypeKind.TEXT)
                            .gen(
                                "weighted_enum",
                                "values",
                                Map.of("a", 1, "b", 2),
                                "comment",
                                "ok")),
                table("posts", 100)
                    .col(col("user_id", TypeKind.INTEGER).notNull())
                    .fk("user_id", "users", "id")))
        .isEmpty();
  }

  @Test
  void unknownGeneratorsSuggestTheClosestName() {
    SchemaProblem problem =
        onlyError(col("c", TypeKind.INTEGER).gen("integer_rnage", "min", 1, "max", 2));
    assertThat(problem.message())
        .contains("Unknown generator 'integer_rnage'", "did you mean 'integer_range'?");
    assertThat(problem.path()).isEqualTo("$.tables.t.columns.c.generator");
    assertThat(onlyError(col("c", TypeKind.TEXT).gen("emial")).message())
        .contains("did you mean 'email'?");
    assertThat(onlyError(col("c", TypeKind.TEXT).gen("zzzzzzzz")).message())
        .doesNotContain("did you mean");
  }

  @Test
  void generatorsThatDoNotFitTheTypeAreErrors() {
    assertThat(onlyError(col("c", TypeKind.TEXT).distribution("type", "zipf")).message())
        .contains("Distribution 'zipf' does not fit", "of type text");
  }

  @Test
  void badConfigsPointAtTheOffendingNode() {
    SchemaProblem minMax =
        onlyError(col("c", TypeKind.INTEGER).gen("integer_range", "min", 10, "max", 2));
    assertThat(minMax.message()).contains("min 10 > max 2");
    assertThat(minMax.path()).isEqualTo("$.tables.t.columns.c.generator_config.min");
    assertThat(minMax.location().known()).isTrue();
    assertThat(minMax.describe()).contains("(line ");

    SchemaProblem missing = onlyError(col("c", TypeKind.INTEGER).gen("integer_range", "min", 1));
    assertThat(missing.message()).contains("Missing key 'max'");
    assertThat(missing.path()).isEqualTo("$.tables.t.columns.c.generator_config");

    SchemaProblem unknownKey =
        onlyError(col("c", TypeKind.BOOLEAN).gen("boolean", "true_ration", 0.2));
    assertThat(unknownKey.message())
        .contains("Unknown key 'true_ration'", "did you mean 'true_ratio'?");
    assertThat(unknownKey.path()).endsWith(".generator_config.true_ration");

    assertThat(onlyError(col("c", TypeKind.BOOLEAN).gen("boolean", "true_ratio", 2)).message())
        .contains("expected a number in [0, 1]");
    assertThat(errors(table("t", 1).col(col("c", TypeKind.INTEGER).gen("integer_range"))))
        .extracting(SchemaProblem::message)
        .containsExactly(
            "Missing key 'min' in generator_config of generator 'integer_range'",
            "Missing key 'max' in generator_config of generator 'integer_range'");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).gen("integer_range", "min", "x", "max", 1))
                .message())
        .contains("expected a number");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).gen("integer_range", "min", 1.5, "max", 2))
                .message())
        .contains("whole number");
    assertThat(onlyError(col("c", TypeKind.TEXT).gen("enum", "values", List.of())).message())
        .contains("non-empty array");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT)
                        .gen("weighted_enum", "values", List.of("a", "b"), "weights", List.of(1)))
                .message())
        .contains("1 weights for 2 values");
    assertThat(
            onlyError(col("c", TypeKind.TEXT).gen("weighted_enum", "values", Map.of("a", -1)))
                .message())
        .contains("expected a number ≥ 0");
    assertThat(
            onlyError(col("c", TypeKind.TEXT).gen("weighted_enum", "values", Map.of("a", 0)))
                .message())
        .contains("sum to 0");
    assertThat(onlyError(col("c", TypeKind.TEXT).gen("weighted_enum", "values", "a")).message())
        .contains("expected values");
    assertThat(
            onlyError(
                    col("c", TypeKind.DATE)
                        .gen("date_range", "start", "2020-02-30", "end", "2021-01-01"))
                .message())
        .contains("expected a date");
    assertThat(
            onlyError(
                    col("c", TypeKind.DATE)
                        .gen("date_range", "start", "2021-01-01", "end", "2020-01-01"))
                .message())
        .contains("is after end");
    assertThat(
            onlyError(
                    col("c", TestSchemas.numeric(5, 2))
                        .gen("decimal_range", "min", 0.001, "max", 0.004))
                .message())
        .contains("no value with 2 decimals");
    assertThat(
            onlyError(
                    col("c", TestSchemas.numeric(5, 2)).gen("decimal_range", "min", 0, "max", 5000))
                .message())
        .contains("does not fit");
    assertThat(onlyError(col("c", TypeKind.UUID).gen("uuid", "version", 5)).message())
        .contains("expected 4 or 7");
    assertThat(onlyError(col("c", TypeKind.INTEGER).gen("sequence", "increment", 0)).message())
        .contains("must not be 0");
    assertThat(onlyError(col("c", TypeKind.INTEGER).gen("sequence", "sequence", "nope")).message())
        .contains("Cannot find sequence 'nope'");
    assertThat(onlyError(col("c", TypeKind.INTEGER).gen("constant")).message())
        .contains("Missing key 'value'");
  }

  @Test
  void generatorsMustFitTheColumnType() {
    assertThat(onlyError(col("c", TypeKind.INTEGER).gen("boolean")).message())
        .contains("Generator 'boolean' does not fit column 'c' of table t of type integer");
    assertThat(
            onlyError(col("c", TypeKind.TEXT).gen("integer_range", "min", 1, "max", 2)).message())
        .contains("does not fit");
    assertThat(
            onlyError(col("c", TypeKind.SMALLINT).gen("integer_range", "min", 1, "max", 40_000))
                .message())
        .contains("40000 does not fit");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).gen("decimal_range", "min", 1, "max", 2))
                .message())
        .contains("does not fit");
    assertThat(onlyError(col("c", TestSchemas.varchar(10)).gen("uuid")).message())
        .contains("does not fit");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT)
                        .gen("date_range", "start", "2020-01-01", "end", "2020-02-01"))
                .message())
        .contains("does not fit");
    assertThat(
            onlyError(
                    col("c", TypeKind.DATE)
                        .gen("timestamp_range", "start", "2020-01-01", "end", "2020-02-01"))
                .message())
        .contains("does not fit");
    assertThat(onlyError(col("c", TypeKind.TEXT).gen("sequence")).message())
        .contains("does not fit");
    assertThat(
            onlyError(col("c", TestSchemas.varchar(3)).gen("constant", "value", "toolong"))
                .message())
        .contains("at most 3 allowed");
    assertThat(
            onlyError(col("c", TypeKind.SMALLINT).gen("enum", "values", List.of(1, 99_999)))
                .message())
        .contains("Cannot use 99999");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).notNull().gen("constant", "value", null))
                .message())
        .contains("NOT NULL");
  }

  @Test
  void sequencesMustFitTheirColumnAndBounds() {
    List<SchemaProblem> errors =
        errors(table("t", 40_000).col(col("id", TestSchemas.serial(TypeKind.SMALLINT))));
    assertThat(errors)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("40000 rows", "32767"));
    Schema schema =
        schema(
            List.of(TestSchemas.sequence("s", 1, 1, 1, 10, false)),
            List.of(),
            table("t", 11).col(col("c", TypeKind.INTEGER).gen("sequence", "sequence", "s")));
    assertThat(GenerationValidator.validate(schema))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("gives only 10 values"));
    assertThat(onlyError(col("c", TypeKind.SMALLINT).gen("sequence", "start", 32_700)).message())
        .contains("Cannot store value 32799");
  }

  @Test
  void impossibleUniquenessNamesTheTableColumnAndNumbers() {
    SchemaProblem single =
        onlyError(col("c", TypeKind.INTEGER).unique().gen("integer_range", "min", 1, "max", 50));
    assertThat(single.message())
        .contains("column 'c' of table t", "only 50 distinct values for 100 rows");
    assertThat(single.path()).isEqualTo("$.tables.t.columns.c.unique");
    assertThat(onlyError(col("c", TestSchemas.varchar(1)).unique()).message())
        .contains("only 36 distinct values");
    assertThat(onlyError(col("c", TypeKind.BOOLEAN).unique()).message())
        .contains("only 2 distinct");

    List<SchemaProblem> junction =
        errors(
            table("a", 5).col(col("id", TypeKind.INTEGER).pk()),
            table("b", 4).col(col("id", TypeKind.INTEGER).pk()),
            table("ab", 21)
                .col(col("a_id", TypeKind.INTEGER))
                .col(col("b_id", TypeKind.INTEGER))
                .pk("a_id", "b_id")
                .fk("a_id", "a", "id")
                .fk("b_id", "b", "id"));
    assertThat(junction)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .contains(
                      "columns [a_id, b_id] of table ab",
                      "only 20 distinct combinations for 21",
                      "a: 5 rows",
                      "b: 4 rows");
              assertThat(p.path()).isEqualTo("$.tables.ab.primary_key");
            });
    assertThat(
            errors(
                table("t", 10)
                    .col(col("x", TypeKind.REAL))
                    .col(col("y", TypeKind.INTEGER).gen("constant", "value", 1))
                    .unique("y")))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("$.tables.t.unique_constraints[0]"));
  }

  @Test
  void foreignKeyProblems() {
    List<SchemaProblem> empty =
        errors(
            table("p", 0).col(col("id", TypeKind.INTEGER).pk()),
            table("c", 10).col(col("p_id", TypeKind.INTEGER).notNull()).fk("p_id", "p", "id"));
    assertThat(empty)
        .singleElement()
        .satisfies(
            p -> assertThat(p.message()).contains("NOT NULL", "referenced table p has 0 rows"));

    assertThat(
            errors(table("c", 10).col(col("p_id", TypeKind.INTEGER)).fk("p_id", "missing", "id")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("table missing does not exist"));
    assertThat(
            errors(
                table("p", 5).col(col("id", TypeKind.INTEGER).pk()).col(col("n", TypeKind.INTEGER)),
                table("c", 10).col(col("p_n", TypeKind.INTEGER)).fk("p_n", "p", "n")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("not its primary key or a unique"));
    assertThat(
            errors(
                table("p", 5).col(col("id", TypeKind.INTEGER).pk()),
                table("c", 10).col(col("p_id", TypeKind.TEXT)).fk("p_id", "p", "id")))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("cannot hold the values"));
    assertThat(
            errors(
                table("p", 5).col(col("id", TypeKind.INTEGER).pk()),
                table("c", 10)
                    .col(col("p_id", TypeKind.INTEGER).notNull())
                    .fk("p", List.of("p_id"), List.of("id"), 0.5)))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("some of its columns are NOT NULL"));

    TestSchemas.Table zipf =
        table("c", 10)
            .col(col("p_id", TypeKind.INTEGER))
            .fkWith(
                new ForeignKeySpec(
                    "c_fk",
                    List.of("p_id"),
                    QualifiedName.parse("p"),
                    List.of("id"),
                    ReferentialAction.NO_ACTION,
                    ReferentialAction.NO_ACTION,
                    TestSchemas.config("$.tables.c.foreign_keys[0].distribution", "type", "zipf"),
                    0,
                    "$.tables.c.foreign_keys[0]"));
    assertThat(errors(table("p", 5).col(col("id", TypeKind.INTEGER).pk()), zipf))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("$.tables.c.foreign_keys[0].distribution"));
  }

  @Test
  void keyColumnsThatReferenceThemselvesThroughTablesAreACycle() {
    List<SchemaProblem> errors =
        errors(
            table("a", 5).col(col("id", TypeKind.INTEGER).pk()).fk("id", "b", "id"),
            table("b", 5).col(col("id", TypeKind.INTEGER).pk()).fk("id", "a", "id"));
    assertThat(errors).isNotEmpty().allSatisfy(p -> assertThat(p.message()).contains("cycle"));
  }

  @Test
  void everyTypeKindHasValuesButUnknownDomainChecksAreErrorsNotWrongData() {
    for (TypeKind kind :
        List.of(TypeKind.JSON, TypeKind.INTERVAL, TypeKind.BYTEA, TypeKind.MONEY, TypeKind.XML)) {
      assertThat(GenerationValidator.validate(schema(table("t", 3).col(col("c", kind)))))
          .as("%s", kind)
          .isEmpty();
    }
    assertThat(
            GenerationValidator.validate(
                schema(table("t", 3).col(col("c", TestSchemas.array(TypeKind.INTEGER))))))
        .isEmpty();
    CustomTypeSpec positive =
        new CustomTypeSpec(
            QualifiedName.parse("positive"),
            TypeKind.DOMAIN,
            List.of(),
            List.of(),
            TestSchemas.type(TypeKind.INTEGER),
            "VALUE > 0",
            "$.custom_types.positive");
    assertThat(
            GenerationValidator.validate(
                schema(
                    List.of(),
                    List.of(positive),
                    table("t", 1).col(col("c", TestSchemas.custom(TypeKind.DOMAIN, "positive"))))))
        .isEmpty();
    CustomTypeSpec code =
        new CustomTypeSpec(
            QualifiedName.parse("code"),
            TypeKind.DOMAIN,
            List.of(),
            List.of(),
            TestSchemas.type(TypeKind.TEXT),
            "VALUE ~ '^[A-Z]{3}$'",
            "$.custom_types.code");
    Schema schema =
        schema(
            List.of(),
            List.of(code),
            table("t", 1).col(col("c", TestSchemas.custom(TypeKind.DOMAIN, "code"))));
    assertThat(GenerationValidator.validate(schema))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .contains("code", "is not supported yet", "VALUE ~ '^[A-Z]{3}$'"));
  }

  @Test
  void warningsForIgnoredSettingsAndUncheckedConstraints() {
    Schema base =
        schema(
            table("p", 5).col(col("id", TypeKind.INTEGER).pk()),
            table("c", 10)
                .col(col("p_id", TypeKind.INTEGER).gen("uuid"))
                .col(col("n", TypeKind.INTEGER).notNull().nulls(0.5))
                .fk("p_id", "p", "id"));
    TableSpec withCheck = base.tables().get(1);
    withCheck =
        new TableSpec(
            withCheck.name(),
            withCheck.columns(),
            withCheck.rowCount(),
            withCheck.primaryKey(),
            withCheck.foreignKeys(),
            withCheck.uniqueConstraints(),
            List.of(new CheckSpec("c_n_check", "n % 2 = 0", "$.tables.c.check_constraints[0]")),
            withCheck.indexes(),
            null,
            withCheck.path());
    List<SchemaProblem> problems =
        GenerationValidator.validate(base.withTables(List.of(base.tables().get(0), withCheck)));
    assertThat(problems).hasSize(3).allMatch(p -> p.severity() == SchemaProblem.Severity.WARNING);
    assertThat(problems)
        .extracting(SchemaProblem::message)
        .anyMatch(m -> m.contains("is ignored: the values of a"))
        .anyMatch(m -> m.contains("null_ratio"))
        .anyMatch(m -> m.contains("not taken into account"));
  }

  @Test
  void createThrowsWhatTheValidatorReports() {
    Schema schema = schema(table("t", 10).col(col("c", TypeKind.INTEGER).gen("nope")));
    assertThatThrownBy(() -> TestSchemas.generator(schema, "t", 1))
        .isInstanceOf(SchemaException.class)
        .hasMessageContaining("Unknown generator 'nope'")
        .satisfies(
            e -> assertThat(((SchemaException) e).category()).isEqualTo(ErrorCategory.SCHEMA));
    assertThatThrownBy(() -> TestSchemas.generator(schema, "other", 1))
        .isInstanceOf(DatagenException.class)
        .hasMessageContaining("not in the schema");
    assertThat(SourceLocation.UNKNOWN.known()).isFalse();
  }
}
