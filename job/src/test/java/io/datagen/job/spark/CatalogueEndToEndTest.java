package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.generate.compile.GenerationValidator;
import io.datagen.job.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole catalogue end to end: a schema using every generator of this version, every
 * distribution, every placeholder spelling, rules with value / range / generator / distribution
 * branches, a skewed foreign key, time series of every shape and check constraints of every
 * understood shape → Spark local[2] → archive → pg_restore --exit-on-error into PostgreSQL 15 (a
 * row violating any constraint would fail the restore) → SQL on the restored data.
 */
class CatalogueEndToEndTest {
  private static JavaSparkContext spark;
  private static Schema schema;
  private static PostgresServers.Database db;
  @TempDir static Path dir;
  private static Path archive;

  @BeforeAll
  static void generateAndRestore() {
    spark = SparkSetup.start("local[2]");
    schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/catalogue.json").toString(), null, null);
    archive = dir.resolve("catalogue.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(archive, 42, 3), null);
    db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static double number(String sql) {
    return Double.parseDouble(PgTools.query(db, sql).get(0).get(0));
  }

  private static String text(String sql) {
    return PgTools.query(db, sql).get(0).get(0);
  }

  @Test
  void theSchemaValidatesWithoutAnyWarning() {
    assertThat(GenerationValidator.validate(schema)).isEmpty();
    assertThat(number("SELECT count(*) FROM customers")).isEqualTo(2_000);
    assertThat(number("SELECT count(*) FROM subscriptions")).isEqualTo(20_000);
  }

  @Test
  void rulesHoldOnEveryRow() {
    assertThat(number("SELECT count(*) FROM customers WHERE tier = 'free' AND credit_limit <> 0"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE tier = 'pro' AND credit_limit NOT BETWEEN 1000 AND 5000.5"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE tier = 'enterprise'"
                    + " AND credit_limit NOT BETWEEN 10000 AND 50000"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE support <> CASE WHEN tier IN ('pro', 'enterprise')"
                    + " AND region = 'eu' THEN 'eu-priority' ELSE 'standard' END"))
        .isZero();
    assertThat(number("SELECT count(DISTINCT support) FROM customers")).isEqualTo(2);
    assertThat(number("SELECT count(*) FROM subscriptions WHERE kind = 'trial' AND amount <> 0"))
        .isZero();
    assertThat(number("SELECT avg(amount) FROM subscriptions WHERE kind = 'paid'"))
        .isBetween(45.0, 56.0);
  }

  @Test
  void distributionsHaveTheirShapeInTheDatabase() {
    assertThat(number("SELECT avg((tier = 'free')::int) FROM customers")).isBetween(0.67, 0.73);
    assertThat(number("SELECT avg((tier = 'enterprise')::int) FROM customers"))
        .isBetween(0.02, 0.08);
    assertThat(number("SELECT avg((segment = 'consumer')::int) FROM customers"))
        .isBetween(0.57, 0.63);
    assertThat(number("SELECT avg((channel = 'web')::int) FROM customers")).isBetween(0.72, 0.78);
    assertThat(number("SELECT avg((plan_kind = 'yearly')::int) FROM customers"))
        .isBetween(0.17, 0.23);
    assertThat(number("SELECT avg((kind = 'trial')::int) FROM subscriptions"))
        .isBetween(0.19, 0.21);
    assertThat(number("SELECT avg(age) FROM customers")).isBetween(39.0, 43.0);
    assertThat(number("SELECT stddev(age) FROM customers")).isBetween(9.0, 12.5);
    assertThat(number("SELECT avg(visits) FROM customers")).isBetween(5.7, 6.3);
    assertThat(number("SELECT avg(session_minutes) FROM customers")).isBetween(13.5, 16.5);
    assertThat(number("SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY ltv) FROM customers"))
        .isBetween(120.0, 180.0); // e^5 ≈ 148
    assertThat(number("SELECT count(DISTINCT score) FROM customers")).isGreaterThan(95);
    // Zipf with alpha 1.0: frequency ∝ 1/rank.
    double first = number("SELECT count(*) FROM customers WHERE karma = 1");
    double second = number("SELECT count(*) FROM customers WHERE karma = 2");
    double fourth = number("SELECT count(*) FROM customers WHERE karma = 4");
    assertThat(first / second).isBetween(1.6, 2.5);
    assertThat(first / fourth).isBetween(3.0, 5.5);
    assertThat(number("SELECT avg(priority) FROM customers")).isBetween(4.7, 5.3);
    assertThat(number("SELECT avg((active)::int) FROM customers")).isBetween(0.87, 0.93);
  }

  @Test
  void theForeignKeyIsSkewedTowardsFewCustomers() {
    double top =
        number(
            "SELECT max(n) FROM (SELECT count(*) AS n FROM subscriptions GROUP BY customer_id) c");
    double distinct = number("SELECT count(DISTINCT customer_id) FROM subscriptions");
    assertThat(top).isGreaterThan(2_000); // uniform would give about 10 per customer
    assertThat(distinct).isLessThan(2_000);
    assertThat(
            number(
                "SELECT count(*) FROM subscriptions s WHERE NOT EXISTS"
                    + " (SELECT 1 FROM customers c WHERE c.id = s.customer_id)"))
        .isZero();
  }

  @Test
  void patternsAndPlaceholdersExpandExactly() {
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE phone !~ '^\\+1 \\(\\d{3}\\) \\d{3}-\\d{4}$'"))
        .isZero();
    assertThat(number("SELECT count(*) FROM customers WHERE sku !~ '^[A-Z]{2}-\\d{5}$'")).isZero();
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE email_local !~ '^[a-z]{3,10}(\\.[a-z]{2,8})?[0-9]*$'"))
        .isZero();
    assertThat(number("SELECT count(*) FROM customers WHERE api_key !~ '^sk_[A-Za-z0-9]{48}$'"))
        .isZero();
    assertThat(text("SELECT code FROM customers WHERE id = 7")).isEqualTo("CUS-007");
    assertThat(text("SELECT code FROM customers WHERE id = 2000")).isEqualTo("CUS-2000");
    // The reference time of a seeded run is its fixed epoch; dates come from it, never from the
    // clock.
    List<String> ref = List.of(text("SELECT ref FROM customers WHERE id = 12").split("/"));
    assertThat(ref.get(5)).isEqualTo("12");
    assertThat(ref.get(6)).isEqualTo("000012");
    assertThat(ref.get(12)).isEqualTo("12");
    assertThat(ref.get(13)).isEqualTo("customers");
    assertThat(ref.get(14)).isIn("prod", "test");
    assertThat(String.join("/", ref))
        .matches(
            "\\d{4}/\\d{2}/[A-Z][a-z]+/\\d{2}/\\d+/12/000012/\\d{3}/[0-9a-f]{4}/"
                + "[A-Za-z]{2}/[A-Za-z0-9]{3}/[0-9a-f-]{36}/12/customers/(prod|test)");
    assertThat(text("SELECT tagline FROM customers WHERE id = 3"))
        .matches("\\d{4}-\\d{2}-\\d{2} 00003 3 \\d{4} " + "[0-9a-f-]{36}");
    assertThat(number("SELECT count(DISTINCT tagline) FROM customers")).isEqualTo(2_000);
  }

  @Test
  void timeSeriesHaveTheirShapes() {
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE extract(isodow FROM created_at AT TIME ZONE 'UTC') > 5"
                    + " OR extract(hour FROM created_at AT TIME ZONE 'UTC') NOT BETWEEN 9 AND 16"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM customers WHERE extract(minute FROM created_at AT TIME ZONE 'UTC')::int"
                    + " % 5 <> 0"))
        .isZero();
    double nearPeaks =
        number(
            "SELECT min(share) FROM (SELECT avg((abs(extract(epoch FROM event_at::time) - 9 * 3600)"
                + " <= 3600 OR abs(extract(epoch FROM event_at::time) - 18 * 3600) <= 3600)::int) AS share"
                + " FROM subscriptions GROUP BY event_at::date) d");
    assertThat(nearPeaks).isGreaterThan(0.7);
    assertThat(number("SELECT count(DISTINCT event_at::date) FROM subscriptions")).isEqualTo(31);
    assertThat(
            number(
                "SELECT extract(epoch FROM max(logged_at) - min(logged_at)) / 86400 FROM subscriptions"))
        .isGreaterThan(29.9);
    assertThat(
            number(
                "SELECT count(*) FROM subscriptions WHERE extract(second FROM logged_at)::int % 30 <> 0"))
        .isZero();
  }

  @Test
  void checkConstraintsShapedTheData() {
    assertThat(number("SELECT max(discount) FROM customers")).isEqualTo(30);
    assertThat(number("SELECT count(DISTINCT status) FROM customers")).isEqualTo(3);
    assertThat(number("SELECT count(*) FROM customers WHERE nickname IS NULL")).isZero();
    assertThat(number("SELECT max(length(nickname)) FROM customers")).isLessThanOrEqualTo(8);
    assertThat(number("SELECT avg((starts_on = ends_on)::int) FROM subscriptions"))
        .isLessThan(0.01);
    assertThat(
            number(
                "SELECT count(*) FROM pg_constraint WHERE contype = 'c'"
                    + " AND connamespace = 'public'::regnamespace"))
        .isEqualTo(12);
  }

  @Test
  void theArchiveIsIdenticalUnderOtherPartitionCounts() throws Exception {
    byte[] reference = Files.readAllBytes(archive);
    for (int partitions : new int[] {1, 8}) {
      Path other = dir.resolve("catalogue-" + partitions + ".dump");
      GenerateJob.run(spark, schema, SparkTestSupport.request(other, 42, partitions), null);
      assertThat(Files.readAllBytes(other)).as("%d partitions", partitions).isEqualTo(reference);
    }
  }
}
