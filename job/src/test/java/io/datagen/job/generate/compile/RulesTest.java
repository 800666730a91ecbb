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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conditional values: rules read other columns of the same row, in any column order. */
class RulesTest {

  private static Map<String, Object> rule(Map<String, Object> condition, Map<String, Object> then) {
    return Map.of("if", condition, "then", then);
  }

  private static List<SchemaProblem> errors(TestSchemas.Table table) {
    return GenerationValidator.validate(schema(table)).stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  @Test
  void aRuleGivesAValueOrARangeDependingOnAnotherColumn() {
    // price comes before tier in column order: the rule still sees tier's value of the same row.
    Schema schema =
        schema(
            table("plans", 2_000)
                .col(
                    col("price", TestSchemas.numeric(10, 2))
                        .notNull()
                        .rules(
                            rule(
                                Map.of("tier", "pro"),
                                Map.of("min", 49.5, "max", 99.99, "comment", "paid")),
                            rule(
                                Map.of("tier", List.of("team", "enterprise")),
                                Map.of("min", 100, "max", 500)),
                            Map.of(
                                "if",
                                Map.of("tier", "free"),
                                "then",
                                Map.of("value", 0),
                                "else",
                                Map.of("value", 1))))
                .col(
                    col("tier", TypeKind.TEXT)
                        .notNull()
                        .gen(
                            "weighted_enum",
                            "values",
                            List.of("free", "pro", "team", "enterprise"),
                            "weights",
                            List.of(50, 30, 15, 5))));
    for (List<String> row : rows(schema, "plans", 9)) {
      BigDecimal price = new BigDecimal(row.get(0));
      switch (row.get(1)) {
        case "free" -> assertThat(price).isEqualByComparingTo("0");
        case "pro" -> assertThat(price).isBetween(new BigDecimal("49.5"), new BigDecimal("99.99"));
        default -> assertThat(price).isBetween(new BigDecimal("100"), new BigDecimal("500"));
      }
      assertThat(row.get(0)).matches("\\d+\\.\\d{2}");
    }
  }

  @Test
  void aRangeGeneratorInABranchMayCarryADistribution() {
    Schema schema =
        schema(
            table("orders", 4_000)
                .col(
                    col("amount", TestSchemas.numeric(10, 2))
                        .notNull()
                        .rules(
                            rule(
                                Map.of("kind", "refund"),
                                Map.of(
                                    "generator",
                                    "decimal_range",
                                    "config",
                                    Map.of(
                                        "min",
                                        1,
                                        "max",
                                        100,
                                        "distribution",
                                        Map.of("type", "normal", "mean", 20, "std_dev", 5))))))
                .col(
                    col("kind", TypeKind.TEXT)
                        .notNull()
                        .gen("enum", "values", List.of("sale", "refund"))));
    double sum = 0;
    int refunds = 0;
    for (List<String> row : rows(schema, "orders", 5)) {
      if (row.get(1).equals("refund")) {
        BigDecimal amount = new BigDecimal(row.get(0));
        assertThat(amount).isBetween(BigDecimal.ONE, BigDecimal.valueOf(100));
        sum += amount.doubleValue();
        refunds++;
      }
    }
    assertThat(sum / refunds)
        .as("mean of the normal distribution in the branch")
        .isBetween(19.0, 21.0);
  }

  @Test
  void theFirstRuleThatHoldsWinsAndElseEndsTheSearch() {
    Schema schema =
        schema(
            table("t", 500)
                .col(col("a", TypeKind.BOOLEAN).notNull())
                .col(col("b", TypeKind.INTEGER).notNull().gen("integer_range", "min", 1, "max", 2))
                .col(
                    col("c", TypeKind.TEXT)
                        .notNull()
                        .rules(
                            rule(Map.of("a", true, "b", 1), Map.of("value", "a&b1")),
                            Map.of(
                                "if",
                                Map.of("a", "yes"),
                                "then",
                                Map.of("value", "a"),
                                "else",
                                Map.of("value", "not a")),
                            rule(Map.of("b", 2), Map.of("value", "never reached")))));
    for (List<String> row : rows(schema, "t", 3)) {
      String expected = row.get(0).equals("t") ? (row.get(1).equals("1") ? "a&b1" : "a") : "not a";
      assertThat(row.get(2)).as("row %s", row).isEqualTo(expected);
    }
  }

  @Test
  void branchesCanBeGeneratorsDistributionsAndRulesCanChainAndTestNulls() {
    Schema schema =
        schema(
            table("addresses", 1_000)
                .col(
                    col("zip", TestSchemas.varchar(10))
                        .rules(
                            Map.of(
                                "if",
                                Map.of("country", "US"),
                                "then",
                                Map.of(
                                    "generator", "pattern", "config", Map.of("pattern", "\\d{5}")),
                                "else",
                                Map.of(
                                    "generator",
                                    "template",
                                    "config",
                                    Map.of("template", "{alpha:3} {random:3}")))))
                .col(
                    col("country", TypeKind.TEXT)
                        .nulls(0.2)
                        .rules(
                            rule(Map.of("region", "na"), Map.of("value", "US")),
                            rule(
                                Map.of("region", "eu"),
                                Map.of(
                                    "generator",
                                    "enum",
                                    "config",
                                    Map.of("values", List.of("FR", "DE"))))))
                .col(
                    col("region", TypeKind.TEXT)
                        .notNull()
                        .gen("enum", "values", List.of("na", "eu")))
                .col(
                    col("note", TypeKind.TEXT)
                        .rules(
                            rule(
                                Map.of("country", Arrays.asList((Object) null)),
                                Map.of("value", "no country")),
                            rule(
                                Map.of("region", "na"),
                                Map.of(
                                    "distribution",
                                    Map.of("type", "weighted", "weights", Map.of("x", 1)))))));
    int nulls = 0;
    for (List<String> row : rows(schema, "addresses", 4)) {
      String zip = row.get(0);
      String country = row.get(1);
      String region = row.get(2);
      if (country == null) {
        nulls++;
        assertThat(row.get(3)).isEqualTo("no country");
      } else {
        assertThat(country).isIn(region.equals("na") ? List.of("US") : List.of("FR", "DE"));
        assertThat(row.get(3)).isNotEqualTo("no country");
      }
      assertThat(zip).matches("US".equals(country) ? "\\d{5}" : "[A-Za-z]{3} \\d{3}");
    }
    assertThat(nulls).isBetween(150, 250);
  }

  @Test
  void cyclesAndBadRulesAreErrorsAtTheirPath() {
    List<SchemaProblem> cycle =
        errors(
            table("t", 10)
                .col(col("a", TypeKind.TEXT).rules(rule(Map.of("b", "x"), Map.of("value", "y"))))
                .col(col("b", TypeKind.TEXT).rules(rule(Map.of("a", "y"), Map.of("value", "x")))));
    assertThat(cycle)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message()).contains("form a cycle a → b → a");
              assertThat(p.path()).isEqualTo("$.tables.t.columns.a.rules");
            });
    SchemaProblem missing =
        errors(
                table("t", 10)
                    .col(col("tier", TypeKind.TEXT))
                    .col(
                        col("c", TypeKind.TEXT)
                            .rules(rule(Map.of("teir", "x"), Map.of("value", "y")))))
            .get(0);
    assertThat(missing.message()).contains("column 'teir' does not exist", "did you mean 'tier'?");
    assertThat(missing.path()).isEqualTo("$.tables.t.columns.c.rules[0].if.teir");
    assertThat(
            errors(
                    table("t", 10)
                        .col(
                            col("c", TypeKind.TEXT)
                                .rules(rule(Map.of("c", "x"), Map.of("value", "y")))))
                .get(0)
                .message())
        .contains("cannot test the column itself");
    assertThat(
            errors(
                    table("t", 10)
                        .col(col("n", TypeKind.INTEGER))
                        .col(
                            col("c", TypeKind.TEXT)
                                .rules(rule(Map.of("n", "abc"), Map.of("value", "y")))))
                .get(0)
                .message())
        .contains("Cannot use 'abc'");
    assertThat(
            errors(
                    table("t", 10)
                        .col(col("n", TypeKind.INTEGER))
                        .col(
                            col("c", TypeKind.INTEGER)
                                .rules(rule(Map.of("n", 1), Map.of("min", 5, "max", 1)))))
                .get(0)
                .message())
        .contains("min 5 > max 1");
    assertThat(
            errors(
                    table("t", 10)
                        .col(col("n", TypeKind.INTEGER))
                        .col(
                            col("c", TypeKind.INTEGER)
                                .rules(rule(Map.of("n", 1), Map.of("value", 1, "min", 0)))))
                .get(0)
                .message())
        .contains("exactly one of");
    assertThat(
            errors(
                    table("t", 10)
                        .col(col("n", TypeKind.INTEGER))
                        .col(
                            col("c", TypeKind.INTEGER)
                                .rules(rule(Map.of("n", 1), Map.of("generator", "integer_rang")))))
                .get(0)
                .message())
        .contains("did you mean 'integer_range'?");
    assertThat(
            errors(
                    table("t", 10)
                        .col(col("n", TypeKind.INTEGER))
                        .col(
                            col("c", TypeKind.INTEGER)
                                .unique()
                                .rules(rule(Map.of("n", 1), Map.of("value", 1)))))
                .get(0)
                .message())
        .contains("unique constraint");
  }

  @Test
  void aLongChainOfRulesReadingThePreviousColumnTwiceIsLinear() {
    // Each c_i reads c_(i-1) in two conditions: 2^40 evaluations per row if a column read by
    // others were recomputed for every read; one per column and row with RowMemo.
    int depth = 40;
    TestSchemas.Table table =
        table("chain", 200)
            .col(col("c0", TypeKind.INTEGER).notNull().gen("integer_range", "min", 0, "max", 1));
    for (int i = 1; i <= depth; i++) {
      String previous = "c" + (i - 1);
      table.col(
          col("c" + i, TypeKind.INTEGER)
              .notNull()
              .rules(
                  rule(Map.of(previous, 0), Map.of("value", 1)),
                  rule(Map.of(previous, 1), Map.of("value", 0))));
    }
    List<List<String>> rows = TestSchemas.rows(schema(table), "chain", 3);
    assertThat(rows).hasSize(200);
    for (List<String> row : rows) {
      int first = Integer.parseInt(row.get(0));
      for (int i = 1; i <= depth; i++) {
        assertThat(row.get(i)).isEqualTo(Integer.toString(first ^ (i & 1)));
      }
    }
  }
}
