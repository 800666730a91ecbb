package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.rows;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Check constraints of the usual shapes narrow the generators so that every row satisfies them. */
class CheckConstraintsTest {

  private static List<List<String>> generate(TestSchemas.Table table) {
    Schema schema = schema(table);
    List<SchemaProblem> problems = GenerationValidator.validate(schema);
    assertThat(problems).as("problems").isEmpty();
    return rows(schema, table.name.name(), 11);
  }

  @Test
  void boundsBetweenAndInNarrowColumnsWithoutGenerator() {
    List<List<String>> rows =
        generate(
            table("t", 2_000)
                .col(col("price", TestSchemas.numeric(10, 2)).notNull())
                .col(col("qty", TypeKind.SMALLINT).notNull())
                .col(col("status", TestSchemas.varchar(10)).notNull())
                .col(col("temp", TypeKind.DOUBLE).notNull())
                .col(col("score", TypeKind.INTEGER).nulls(0.3))
                .check("price > 0")
                .check("qty BETWEEN 1 AND 5")
                .check("status IN ('new', 'paid', 'shipped')")
                .check("-10 < temp AND temp <= 40.5")
                .check("(score >= 0) AND (score <= 100) AND score IS NOT NULL")
                .check("price <= 99.99::numeric"));
    Set<String> quantities = new HashSet<>();
    Set<String> statuses = new HashSet<>();
    for (List<String> row : rows) {
      assertThat(new BigDecimal(row.get(0)))
          .isGreaterThan(BigDecimal.ZERO)
          .isLessThanOrEqualTo(new BigDecimal("99.99"));
      assertThat(Integer.parseInt(row.get(1))).isBetween(1, 5);
      assertThat(Double.parseDouble(row.get(3))).isGreaterThan(-10).isLessThanOrEqualTo(40.5);
      assertThat(row.get(4)).isNotNull();
      assertThat(Integer.parseInt(row.get(4))).isBetween(0, 100);
      quantities.add(row.get(1));
      statuses.add(row.get(2));
    }
    assertThat(quantities).hasSize(5);
    assertThat(statuses).containsExactlyInAnyOrder("new", "paid", "shipped");
  }

  @Test
  void orderedColumnsHoldOnEveryRowWithoutCollapsingOntoEachOther() {
    List<List<String>> rows =
        generate(
            table("t", 2_000)
                .col(col("starts", TypeKind.DATE).notNull())
                .col(col("ends", TypeKind.DATE).notNull())
                .col(
                    col("min_price", TestSchemas.numeric(8, 2))
                        .notNull()
                        .gen("decimal_range", "min", 1, "max", 100))
                .col(
                    col("max_price", TestSchemas.numeric(8, 2))
                        .notNull()
                        .gen("decimal_range", "min", 1, "max", 100))
                .check("starts <= ends")
                .check("max_price > min_price"));
    int equalDates = 0;
    for (List<String> row : rows) {
      LocalDate starts = LocalDate.parse(row.get(0));
      LocalDate ends = LocalDate.parse(row.get(1));
      assertThat(ends).isAfterOrEqualTo(starts);
      equalDates += starts.equals(ends) ? 1 : 0;
      assertThat(new BigDecimal(row.get(3)))
          .isGreaterThan(new BigDecimal(row.get(2)))
          .isLessThanOrEqualTo(new BigDecimal("100"));
    }
    assertThat(equalDates).isLessThan(20);
  }

  @Test
  void explicitGeneratorsAreNarrowedOrClampedAndLengthIsCapped() {
    List<List<String>> rows =
        generate(
            table("t", 2_000)
                .col(
                    col("pct", TypeKind.INTEGER)
                        .notNull()
                        .gen("integer_range", "min", 0, "max", 100))
                .col(col("fixed", TypeKind.INTEGER).notNull().gen("constant", "value", 500))
                .col(col("code", TypeKind.TEXT).notNull())
                .col(col("tag", TypeKind.TEXT).notNull().pattern("TAG-{sequence:3}"))
                .check("pct >= 10")
                .check("fixed <= 100")
                .check("length(code) <= 5")
                .check("char_length(\"tag\") < 12"));
    int tens = 0;
    for (List<String> row : rows) {
      int pct = Integer.parseInt(row.get(0));
      assertThat(pct).isBetween(10, 100);
      tens += pct == 10 ? 1 : 0;
      assertThat(row.get(1)).isEqualTo("100");
      assertThat(row.get(2).length()).isBetween(1, 5);
    }
    assertThat(tens).as("narrowed, not piled up at the bound").isLessThan(60);
  }

  @Test
  void unknownShapesAreWarningsAndConflictsAreErrors() {
    List<SchemaProblem> warnings =
        GenerationValidator.validate(
            schema(
                table("t", 10)
                    .col(col("a", TypeKind.INTEGER))
                    .col(col("b", TypeKind.INTEGER))
                    .check("a % 2 = 0")
                    .check("a > 0 OR b > 0")
                    .check("a > 0 AND lower(b::text) <> 'x'")));
    assertThat(warnings)
        .hasSize(3)
        .allMatch(p -> p.severity() == SchemaProblem.Severity.WARNING)
        .allSatisfy(
            p -> assertThat(p.message()).contains("is not taken into account", "stays in the DDL"));
    assertThat(warnings.get(2).message()).contains("'lower").doesNotContain("'a > 0'");

    List<SchemaProblem> conflict =
        GenerationValidator.validate(
            schema(
                table("t", 10)
                    .col(col("s", TypeKind.TEXT).gen("enum", "values", List.of("a", "z")))
                    .check("s IN ('a', 'b')")));
    assertThat(conflict)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("does not allow"));
    List<SchemaProblem> impossible =
        GenerationValidator.validate(
            schema(table("t", 10).col(col("n", TypeKind.SMALLINT)).check("n > 40000")));
    assertThat(impossible)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("no value of type"));
    List<SchemaProblem> cycle =
        GenerationValidator.validate(
            schema(
                table("t", 10)
                    .col(col("a", TypeKind.INTEGER))
                    .col(col("b", TypeKind.INTEGER))
                    .check("a <= b")
                    .check("b < a")));
    assertThat(cycle)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("form a cycle"));
  }
}
