package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.ReferentialAction;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A foreign key's distribution decides how often each parent is picked. */
class ForeignKeySkewTest {

  private static ForeignKeySpec fk(String column, Object... distribution) {
    return new ForeignKeySpec(
        "orders_" + column + "_fkey",
        List.of(column),
        QualifiedName.parse("customers"),
        List.of("id"),
        ReferentialAction.NO_ACTION,
        ReferentialAction.NO_ACTION,
        TestSchemas.config("$.tables.orders.foreign_keys[0].distribution", distribution),
        0,
        "$.tables.orders.foreign_keys[0]");
  }

  private static Schema shop(long customers, long orders, ForeignKeySpec fk, boolean unique) {
    TestSchemas.Col customerId = col("customer_id", TypeKind.INTEGER).notNull();
    return schema(
        table("customers", customers).col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk()),
        table("orders", orders)
            .col(col("id", TestSchemas.serial(TypeKind.BIGINT)).pk())
            .col(unique ? customerId.unique() : customerId)
            .fkWith(fk));
  }

  /** Children per parent, most popular first. */
  private static List<Integer> popularity(List<String> parentIds) {
    Map<String, Integer> counts = new HashMap<>();
    parentIds.forEach(id -> counts.merge(id, 1, Integer::sum));
    return counts.values().stream().sorted((a, b) -> b - a).toList();
  }

  @Test
  void zipfSkewHasARankFrequencySlopeOfMinusAlphaForEverySeed() {
    for (double alpha : new double[] {1.0, 1.3}) {
      Set<String> topParents = new HashSet<>();
      for (long seed = 1; seed <= 20; seed++) {
        Schema schema =
            shop(1_000, 20_000, fk("customer_id", "type", "zipf", "alpha", alpha), false);
        List<String> ids = column(schema, "orders", "customer_id", seed);
        assertThat(ids).allSatisfy(id -> assertThat(Integer.parseInt(id)).isBetween(1, 1_000));
        List<Integer> byRank = popularity(ids);
        double slope =
            DistributionsTest.slope(
                IntStream.rangeClosed(1, 8).mapToDouble(Math::log).toArray(),
                IntStream.range(0, 8).mapToDouble(i -> Math.log(byRank.get(i))).toArray());
        assertThat(slope).as("alpha %s seed %d", alpha, seed).isCloseTo(-alpha, within(0.2));
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        topParents.add(
            counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
      }
      // The most popular parent is a different row from seed to seed, not always the first one.
      assertThat(topParents.size()).isGreaterThan(10);
    }
  }

  @Test
  void uniformAndOtherDistributionsStayWithinTheParents() {
    for (Object[] distribution :
        List.of(
            new Object[] {"type", "uniform"},
            new Object[] {"type", "exponential", "mean", 20},
            new Object[] {"type", "normal", "mean", 500, "std_dev", 50},
            new Object[] {"type", "poisson", "lambda", 3, "comment", "a few hot customers"})) {
      List<String> ids =
          column(
              shop(1_000, 5_000, fk("customer_id", distribution), false),
              "orders",
              "customer_id",
              1);
      assertThat(ids).allSatisfy(id -> assertThat(Integer.parseInt(id)).isBetween(1, 1_000));
    }
    List<Integer> exponential =
        popularity(
            column(
                shop(1_000, 5_000, fk("customer_id", "type", "exponential", "mean", 20), false),
                "orders",
                "customer_id",
                1));
    assertThat(exponential.size()).isLessThan(300); // concentrated on a few dozen ranks
  }

  @Test
  void aUniqueForeignKeyStaysUniqueAndTheDistributionIsIgnoredWithAWarning() {
    Schema schema = shop(1_000, 800, fk("customer_id", "type", "zipf", "alpha", 2), true);
    assertThat(new HashSet<>(column(schema, "orders", "customer_id", 1))).hasSize(800);
    List<SchemaProblem> problems = GenerationValidator.validate(schema);
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
              assertThat(p.message()).contains("is ignored", "unique key");
            });
  }

  @Test
  void badForeignKeyDistributionsAreErrorsAtTheirPath() {
    List<SchemaProblem> weighted =
        GenerationValidator.validate(
            shop(10, 10, fk("customer_id", "type", "weighted", "weights", Map.of("1", 1)), false));
    assertThat(weighted)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .contains("'weighted' does not apply to foreign key orders_customer_id_fkey");
              assertThat(p.path()).isEqualTo("$.tables.orders.foreign_keys[0].distribution.type");
            });
    assertThat(
            GenerationValidator.validate(
                shop(10, 10, fk("customer_id", "type", "zipf", "alpha", -1), false)))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("expected a number > 0, got -1"));
    assertThat(
            GenerationValidator.validate(shop(10, 10, fk("customer_id", "type", "zipff"), false)))
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("did you mean 'zipf'?"));
  }
}
