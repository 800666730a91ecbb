package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One table with a column of every supported type — arrays (1, 2 and 3 dimensions, of text, bytea,
 * jsonb, composites, enums with quotes and spaces in their labels), enum, composite and domain
 * types — 20,000 rows, restored with {@code --exit-on-error} into a real PostgreSQL 15; then read
 * back through SQL casts and functions that prove each value is what its type claims. The same
 * table is also loaded as an INSERT script ({@code sql} format) to prove the INSERT literals.
 */
class AllTypesRestoreTest {
  private static final String TABLE = "public.every_type";
  private static JavaSparkContext spark;
  private static Schema schema;
  private static PostgresServers.Database db;
  @TempDir static Path dir;

  @BeforeAll
  static void generateAndRestore() {
    spark = SparkSetup.start("local[2]");
    schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/all-types.json").toString(), null, null);
    Path archive = dir.resolve("all-types.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(archive, 7, null), null);
    db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void everyRowIsRestored() {
    assertThat(count("true")).isEqualTo(20_000);
    assertThat(schema.tables().get(0).columns()).hasSizeGreaterThan(50);
  }

  @Test
  void scalarsReadBackAsTheirTypes() {
    assertThat(count("c_money BETWEEN 0::money AND 10000::money")).isEqualTo(20_000);
    assertThat(
            count(
                "c_time >= '00:00' AND c_time < '24:00' AND date_part('microseconds', c_time)::bigint % 1000000 = 0"))
        .isEqualTo(20_000);
    assertThat(count("c_timetz IS NOT NULL")).isEqualTo(20_000);
    assertThat(count("date_part('timezone', c_timetz) <> 0")).isGreaterThan(1_000);
    assertThat(count("c_interval > interval '0' AND c_interval < interval '4 years'"))
        .isEqualTo(20_000);
    assertThat(count("c_interval >= interval '1 month'")).isBetween(2_000L, 6_000L);
    assertThat(count("json_typeof(c_json) = 'object' AND (c_json->>'id')::int > 0"))
        .isEqualTo(20_000);
    assertThat(count("jsonb_typeof(c_jsonb) = 'object' AND c_jsonb ? 'id'"))
        .isBetween(18_500L, 19_500L);
    assertThat(count("jsonb_typeof(c_jsonb->'tags') = 'array'")).isGreaterThan(10_000);
    assertThat(count("length(c_bytea) BETWEEN 8 AND 32 AND encode(c_bytea, 'hex') ~ '^[0-9a-f]+$'"))
        .isEqualTo(20_000);
    assertThat(count("family(c_inet) = 4 AND masklen(c_inet) = 32")).isBetween(15_000L, 17_000L);
    assertThat(count("family(c_inet) = 6 AND c_inet << inet '2001:db8::/32'"))
        .isBetween(3_000L, 5_000L);
    assertThat(count("c_cidr = network(c_cidr)")).isEqualTo(20_000);
    assertThat(count("c_macaddr::text ~ '^[0-9a-f]{2}(:[0-9a-f]{2}){5}$'")).isEqualTo(20_000);
    assertThat(count("c_point[0] BETWEEN -180 AND 180 AND c_point[1] BETWEEN -90 AND 90"))
        .isEqualTo(20_000);
    assertThat(
            count(
                "length(c_tsvector) BETWEEN 1 AND 8 AND c_tsvector @@ to_tsquery('simple', split_part(strip(c_tsvector)::text, '''', 2))"))
        .isEqualTo(20_000);
    assertThat(
            count(
                "xml_is_well_formed_document(c_xml::text) AND (xpath('/item/@id', c_xml))[1]::text::int > 0"))
        .isEqualTo(20_000);
    assertThat(count("c_citext = upper(c_citext::text)::citext"))
        .isEqualTo(20_000); // case-insensitive: the extension is there
    assertThat(count("c_plain_name = lower(c_plain_name::text)::citext")).isEqualTo(20_000);
    assertThat(count("c_integer IS NULL")).isBetween(1_700L, 2_300L);
    assertThat(count("c_uuid IS NOT NULL"))
        .isEqualTo(query("SELECT count(DISTINCT c_uuid) FROM " + TABLE));
  }

  @Test
  void arraysHaveTheirDimensionsAndQuotedElementsSurvive() {
    assertThat(count("array_ndims(c_int_array) = 1 AND cardinality(c_int_array) BETWEEN 1 AND 4"))
        .isEqualTo(20_000);
    assertThat(count("array_ndims(c_text_2d) = 2")).isEqualTo(20_000);
    assertThat(count("array_ndims(c_bool_3d) = 3 AND cardinality(c_bool_3d) <= 8"))
        .isEqualTo(20_000);
    assertThat(count("array_position(c_text_array, NULL) IS NOT NULL"))
        .as("rows with NULL elements")
        .isGreaterThan(500);
    assertThat(count("EXISTS (SELECT 1 FROM unnest(c_text_array) e WHERE e LIKE '% %')"))
        .as("elements with spaces")
        .isGreaterThan(10_000);
    assertThat(count("EXISTS (SELECT 1 FROM unnest(c_bytea_array) e WHERE length(e) < 8)"))
        .isZero();
    assertThat(
            count(
                "EXISTS (SELECT 1 FROM unnest(c_jsonb_array) e WHERE jsonb_typeof(e) <> 'object')"))
        .isZero();
    assertThat(count("EXISTS (SELECT 1 FROM unnest(c_inet_array) e WHERE family(e) NOT IN (4, 6))"))
        .isZero();
    assertThat(
            count(
                "EXISTS (SELECT 1 FROM unnest(c_mood_array) e WHERE e IN ('very happy', 'it''s \"fine\"'))"))
        .isGreaterThan(5_000);
    // Values chosen to need every quoting rule: comma, braces, quote, backslash, tab, the word
    // NULL, empty.
    List<List<String>> special =
        PgTools.query(
            db, "SELECT DISTINCT e FROM " + TABLE + ", unnest(c_enum_gen_array) e ORDER BY e");
    assertThat(special.stream().map(r -> r.get(0)).toList())
        .containsExactlyInAnyOrder("", "NULL", "a,b", "back\\slash", "q\"uote", "tab\there", "{x}");
    assertThat(count("c_constant_inet = inet '192.168.0.1/24'")).isEqualTo(20_000);
    assertThat(
            count(
                "jsonb_typeof(c_json_fields->'age') = 'number' AND (c_json_fields->>'age')::int BETWEEN 18 AND 90"
                    + " AND jsonb_typeof(c_json_fields->'vip') = 'boolean' AND c_json_fields->>'email' LIKE '%@%'"
                    + " AND (c_json_fields->>'id')::uuid IS NOT NULL AND jsonb_typeof(c_json_fields->'score') = 'number'"
                    + " AND c_json_fields->>'city' <> ''"))
        .isEqualTo(20_000);
  }

  @Test
  void customTypesHoldValidValues() {
    assertThat(count("c_mood IN ('sad', 'ok', 'very happy', 'it''s \"fine\"')")).isEqualTo(20_000);
    assertThat(
            count(
                "(c_place).street IS NOT NULL AND length((c_place).zip) <= 5 AND (c_place).seen IS NOT NULL"
                    + " AND array_ndims((c_place).tags) = 1 AND (c_place).weight >= 0"))
        .isEqualTo(20_000);
    assertThat(
            count(
                "EXISTS (SELECT 1 FROM unnest(c_place_array) p WHERE p.street IS NULL OR p.mood IS NULL)"))
        .isZero();
    assertThat(
            count(
                "c_positive > 0 AND c_percent BETWEEN 0 AND 100 AND c_state IN ('CA', 'NY', 'TX')"
                    + " AND char_length(c_short) BETWEEN 1 AND 10"))
        .isEqualTo(20_000);
    assertThat(query("SELECT count(DISTINCT c_state) FROM " + TABLE)).isEqualTo(3);
  }

  @Test
  void insertScriptOfTheSameTableLoadsWithPsql() {
    Path script = dir.resolve("all-types.sql");
    Schema small =
        SchemaInput.load(SparkTestSupport.resource("/e2e/all-types.json").toString(), 2_000L, null);
    GenerateJob.run(
        spark,
        small,
        SparkTestSupport.request(script, 7, 2, OutputFormat.SQL, CompressionOption.NONE),
        null);
    PostgresServers.Database target = PostgresServers.createDatabase(15);
    PgTools.psqlFile(script, target.port(), target.name()).orThrow();
    assertThat(
            Long.parseLong(
                PgTools.query(
                        target,
                        "SELECT count(*) FROM "
                            + TABLE
                            + " WHERE jsonb_typeof(c_json::jsonb) = 'object' AND array_ndims(c_text_2d) = 2 AND length(c_bytea) >= 8")
                    .get(0)
                    .get(0)))
        .isEqualTo(2_000);
  }

  private static long count(String where) {
    return query("SELECT count(*) FROM " + TABLE + " WHERE " + where);
  }

  private static long query(String sql) {
    return Long.parseLong(PgTools.query(db, sql).get(0).get(0));
  }
}
