package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Column-level distributions and shaped ranges: statistics over fixed seeds, types, validation. */
class DistributionsTest {
  private static final int SEEDS = 20;

  private static List<String> values(long rows, long seed, TestSchemas.Col column) {
    Schema schema =
        schema(
            List.of(),
            List.of(TestSchemas.enumType("status", "active", "trial", "closed")),
            table("t", rows).col(column));
    return column(schema, "t", column.name, seed);
  }

  private static double[] numbers(List<String> values) {
    return values.stream().mapToDouble(Double::parseDouble).toArray();
  }

  private static void assertBetween(double[] xs, double low, double high) {
    for (double x : xs) {
      assertThat(x).isBetween(low, high);
    }
  }

  private static double mean(double[] xs) {
    return IntStream.range(0, xs.length).mapToDouble(i -> xs[i]).average().orElseThrow();
  }

  private static double stdDev(double[] xs) {
    double m = mean(xs);
    return Math.sqrt(
        IntStream.range(0, xs.length).mapToDouble(i -> (xs[i] - m) * (xs[i] - m)).sum()
            / (xs.length - 1));
  }

  private static Map<String, Double> shares(List<String> values) {
    Map<String, Double> shares = new HashMap<>();
    for (String v : values) {
      shares.merge(v, 1.0 / values.size(), Double::sum);
    }
    return shares;
  }

  @Test
  void weightedSharesAreWithinThreePointsAtAThousandRowsForEverySeed() {
    List<TestSchemas.Col> shapes =
        List.of(
            col("s", TypeKind.TEXT)
                .distribution(
                    "type", "weighted", "weights", Map.of("active", 80, "trial", 15, "closed", 5)),
            col("s", TestSchemas.custom(TypeKind.ENUM, "status"))
                .distribution(
                    "type",
                    "weighted",
                    "values",
                    List.of("active", "trial", "closed"),
                    "weights",
                    List.of(0.8, 0.15, 0.05)),
            col("s", TypeKind.TEXT)
                .gen(
                    "weighted_enum",
                    "values",
                    List.of("active", "trial", "closed"),
                    "weights",
                    List.of(80, 15, 5)),
            col("s", TypeKind.TEXT)
                .gen(
                    "weighted_enum",
                    "values",
                    Map.of("active", 0.8, "trial", 0.15, "closed", 0.05)),
            col("s", TypeKind.TEXT)
                .gen("weighted_enum", "weights", Map.of("active", 16, "trial", 3, "closed", 1)));
    for (TestSchemas.Col shape : shapes) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        Map<String, Double> shares = shares(values(1_000, seed, shape));
        assertThat(shares.get("active")).as("seed %d", seed).isCloseTo(0.80, within(0.03));
        assertThat(shares.get("trial")).as("seed %d", seed).isCloseTo(0.15, within(0.03));
        assertThat(shares.get("closed")).as("seed %d", seed).isCloseTo(0.05, within(0.03));
      }
    }
  }

  @Test
  void weightedValuesDoNotFollowTheRowOrder() {
    List<String> v =
        values(
            1_000,
            3,
            col("s", TypeKind.TEXT)
                .distribution("type", "weighted", "weights", Map.of("a", 50, "b", 50)));
    long changes = IntStream.range(1, v.size()).filter(i -> !v.get(i).equals(v.get(i - 1))).count();
    assertThat(changes).isBetween(400L, 600L); // like independent draws (≈ 500), not sorted blocks
  }

  @Test
  void normalHasItsMeanAndStandardDeviationForEverySeed() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      double[] xs =
          numbers(
              values(
                  10_000,
                  seed,
                  col("n", TypeKind.INTEGER)
                      .distribution(
                          "type", "normal", "mean", 100, "std_dev", 15, "comment", "IQ-like")));
      assertThat(mean(xs)).as("seed %d", seed).isCloseTo(100, within(0.75));
      assertThat(stdDev(xs)).as("seed %d", seed).isCloseTo(15, within(0.75));
    }
  }

  @Test
  void boundedNormalStaysWithinItsBoundsAndIsRenderedInTheColumnType() {
    List<String> ratings =
        values(
            5_000,
            7,
            col("r", TypeKind.SMALLINT)
                .distribution("type", "normal", "mean", 4, "std_dev", 1, "min", 1, "max", 5));
    assertBetween(numbers(ratings), 1.0, 5.0);
    assertThat(ratings).allSatisfy(s -> assertThat(s).matches("[1-5]"));
    assertThat(TestSchemas.distinctNonNull(ratings)).hasSize(5);

    List<String> prices =
        values(
            2_000,
            7,
            col("p", TestSchemas.numeric(8, 2))
                .distribution("type", "lognormal", "mu", 3, "sigma", 0.8, "max", 999999.99));
    assertThat(prices).allSatisfy(s -> assertThat(s).matches("\\d{1,6}\\.\\d{2}"));
    List<String> floats =
        values(100, 7, col("f", TypeKind.REAL).distribution("type", "exponential", "rate", 2));
    assertBetween(numbers(floats), 0, Double.MAX_VALUE);
  }

  @Test
  void zipfRankFrequencySlopeIsMinusAlphaForEverySeedIncludingAlphaOne() {
    for (double alpha : new double[] {1.0, 1.5}) {
      for (long seed = 1; seed <= SEEDS; seed++) {
        List<String> v =
            values(
                20_000,
                seed,
                col("z", TypeKind.INTEGER)
                    .distribution("type", "zipf", "alpha", alpha, "min", 1, "max", 10_000));
        Map<String, Double> shares = shares(v);
        double slope =
            slope(
                IntStream.rangeClosed(1, 8).mapToDouble(Math::log).toArray(),
                IntStream.rangeClosed(1, 8)
                    .mapToDouble(k -> Math.log(shares.getOrDefault(Integer.toString(k), 1e-9)))
                    .toArray());
        assertThat(slope).as("alpha %s seed %d", alpha, seed).isCloseTo(-alpha, within(0.12));
        assertBetween(numbers(v), 1.0, 10_000.0);
      }
    }
  }

  static double slope(double[] x, double[] y) {
    double mx = IntStream.range(0, x.length).mapToDouble(i -> x[i]).average().orElseThrow();
    double my = IntStream.range(0, y.length).mapToDouble(i -> y[i]).average().orElseThrow();
    double num = 0;
    double den = 0;
    for (int i = 0; i < x.length; i++) {
      num += (x[i] - mx) * (y[i] - my);
      den += (x[i] - mx) * (x[i] - mx);
    }
    return num / den;
  }

  @Test
  void poissonMeanIsLambdaForEverySeed() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      double[] xs =
          numbers(
              values(
                  5_000,
                  seed,
                  col("k", TypeKind.INTEGER).distribution("type", "poisson", "mean", 3.5)));
      assertThat(mean(xs)).as("seed %d", seed).isCloseTo(3.5, within(0.15));
      assertThat(stdDev(xs)).isCloseTo(Math.sqrt(3.5), within(0.1));
    }
    double[] lambda =
        numbers(
            values(
                5_000,
                1,
                col("k", TestSchemas.numeric(10, 0))
                    .distribution("type", "poisson", "lambda", 40)));
    assertThat(mean(lambda)).isCloseTo(40, within(0.6));
  }

  @Test
  void uniformCoversItsWholeIntegerRangeEvenly() {
    List<String> v =
        values(
            10_000,
            2,
            col("u", TypeKind.BIGINT).distribution("type", "uniform", "min", -5, "max", 4));
    Map<String, Double> shares = shares(v);
    assertThat(shares).hasSize(10);
    shares.values().forEach(s -> assertThat(s).isCloseTo(0.1, within(0.015)));
  }

  @Test
  void aDistributionShapesIntegerAndDecimalRanges() {
    double[] xs =
        numbers(
            values(
                5_000,
                1,
                col("n", TypeKind.INTEGER)
                    .gen(
                        "integer_range",
                        "min",
                        0,
                        "max",
                        100,
                        "distribution",
                        Map.of("type", "normal", "mean", 90, "std_dev", 20))));
    assertBetween(xs, 0.0, 100.0);
    assertThat(mean(xs)).isBetween(75.0, 85.0); // truncated at 100: the mean moves left of 90
    List<String> decimals =
        values(
            1_000,
            1,
            col("d", TestSchemas.numeric(6, 3))
                .gen("decimal_range", "min", 1, "max", 2, "scale", 1)
                .distribution("type", "exponential", "mean", 0.2));
    assertThat(decimals)
        .allSatisfy(
            s -> assertThat(new BigDecimal(s)).isBetween(BigDecimal.ONE, BigDecimal.valueOf(2)))
        .allSatisfy(s -> assertThat(s).matches("\\d\\.\\d"));
  }

  // ---- validation

  private static List<SchemaProblem> errors(TestSchemas.Col column) {
    return GenerationValidator.validate(schema(table("t", 10).col(column))).stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  private static SchemaProblem onlyError(TestSchemas.Col column) {
    List<SchemaProblem> errors = errors(column);
    assertThat(errors).hasSize(1);
    assertThat(errors.get(0).location().known()).isTrue();
    return errors.get(0);
  }

  @Test
  void everyBadDistributionIsAnErrorAtItsPath() {
    String at = "$.tables.t.columns.c.distribution";
    SchemaProblem unknown = onlyError(col("c", TypeKind.INTEGER).distribution("type", "gaussian"));
    assertThat(unknown.message()).contains("Unknown distribution 'gaussian'");
    assertThat(unknown.path()).isEqualTo(at + ".type");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).distribution("type", "zpif", "alpha", 1))
                .message())
        .contains("did you mean 'zipf'?");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).distribution("type", "normal", "mean", 1))
                .message())
        .contains("Missing key 'std_dev'");
    SchemaProblem negative =
        onlyError(
            col("c", TypeKind.INTEGER).distribution("type", "normal", "mean", 1, "std_dev", -2));
    assertThat(negative.path()).isEqualTo(at + ".std_dev");
    assertThat(negative.message()).contains("expected a number > 0, got -2");
    SchemaProblem minMax =
        onlyError(col("c", TypeKind.INTEGER).distribution("type", "uniform", "min", 5, "max", 1));
    assertThat(minMax.message()).contains("min 5 > max 1");
    assertThat(minMax.path()).isEqualTo(at + ".min");
    assertThat(
            onlyError(col("c", TypeKind.INTEGER).distribution("type", "zipf", "alpha", 0))
                .message())
        .contains("expected a number > 0, got 0");
    assertThat(
            onlyError(
                    col("c", TypeKind.INTEGER)
                        .distribution("type", "poisson", "lambda", 2, "mean", 2))
                .message())
        .contains("either 'mean' or 'lambda'");
    assertThat(
            onlyError(
                    col("c", TypeKind.INTEGER)
                        .distribution("type", "normal", "mean", 1, "stddev", 1, "std_dev", 1))
                .message())
        .contains("Unknown key 'stddev'", "did you mean 'std_dev'?");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT).distribution("type", "normal", "mean", 1, "std_dev", 1))
                .message())
        .contains("does not fit", "only 'weighted'");
    assertThat(
            onlyError(
                    col("c", TypeKind.SMALLINT)
                        .distribution("type", "uniform", "min", 40_000, "max", 50_000))
                .message())
        .contains("no value of smallint lies in [40000, 50000]");
  }

  @Test
  void everyBadWeightIsAnErrorAtItsPath() {
    SchemaProblem empty =
        onlyError(col("c", TypeKind.TEXT).distribution("type", "weighted", "weights", Map.of()));
    assertThat(empty.message()).contains("no values");
    SchemaProblem negative =
        onlyError(
            col("c", TypeKind.TEXT).distribution("type", "weighted", "weights", Map.of("a", -1)));
    assertThat(negative.message()).contains("expected a number ≥ 0, got -1");
    assertThat(negative.path()).isEqualTo("$.tables.t.columns.c.distribution.weights.a");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT)
                        .distribution("type", "weighted", "weights", Map.of("a", 0)))
                .message())
        .contains("sum to 0");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT)
                        .distribution(
                            "type", "weighted", "values", List.of("a", "b"), "weights", List.of(1)))
                .message())
        .contains("as many weights");
    assertThat(
            onlyError(
                    col("c", TypeKind.SMALLINT)
                        .distribution("type", "weighted", "weights", Map.of("x", 1)))
                .message())
        .contains("Cannot use 'x'");
    assertThat(
            onlyError(
                    col("c", TypeKind.TEXT)
                        .gen("weighted_enum", "values", List.of("a"), "weights", List.of(-3)))
                .message())
        .contains("expected a number ≥ 0");
  }

  @Test
  void aDistributionCannotShapeOtherGenerators() {
    assertThat(
            onlyError(col("c", TypeKind.UUID).gen("uuid").distribution("type", "zipf", "alpha", 1))
                .message())
        .contains("cannot shape generator 'uuid'");
    List<Object> none = new ArrayList<>();
    assertThat(none).isEmpty();
    assertThat(
            errors(
                col("c", new PgType(TypeKind.NUMERIC, null, null, 5, 2, 0, false))
                    .distribution("type", "zipf", "alpha", 1.0, "comment", "views")))
        .isEmpty();
  }
}
