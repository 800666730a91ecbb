package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.schema.Schema;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import net.datafaker.Faker;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 100,000 customers whose columns are filled by name (and a few explicit generators), restored with
 * {@code --exit-on-error} into PostgreSQL 15 — so no value overflows its varchar — then checked in
 * SQL: strict email pattern and uniqueness, phone formats, names, cities, states and countries from
 * Datafaker's lists, created_at ≤ updated_at on every row, realistic numbers.
 */
class SemanticRestoreTest {
  private static final String TABLE = "public.customers";
  private static final String STRICT_EMAIL =
      "^[a-z0-9]+([._][a-z0-9]+)*@[a-z0-9]+(-[a-z0-9]+)*(\\.[a-z0-9]+(-[a-z0-9]+)*)*\\.[a-z]{2,}$";
  private static JavaSparkContext spark;
  private static PostgresServers.Database db;
  @TempDir static Path dir;

  @BeforeAll
  static void generateAndRestore() {
    spark = SparkSetup.start("local[2]");
    Schema schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/people.json").toString(), null, null);
    Path archive = dir.resolve("people.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(archive, 11, null), null);
    db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void emailsMatchAStrictPatternAndUniqueOnesNeverRepeat() {
    assertThat(count("true")).isEqualTo(100_000);
    assertThat(count("email ~ '" + STRICT_EMAIL + "' AND contact_email ~ '" + STRICT_EMAIL + "'"))
        .isEqualTo(100_000);
    assertThat(query("SELECT count(DISTINCT email) FROM " + TABLE)).isEqualTo(100_000);
    assertThat(query("SELECT count(DISTINCT username) FROM " + TABLE)).isEqualTo(100_000);
    assertThat(query("SELECT count(DISTINCT sku) FROM " + TABLE)).isEqualTo(100_000);
    assertThat(query("SELECT count(DISTINCT slug) FROM " + TABLE)).isEqualTo(100_000);
    assertThat(count("sku ~ '^SKU-[0-9A-Z]{6,}$' AND slug ~ '^[a-z]+(-[a-z0-9]+)+$'"))
        .isEqualTo(100_000);
    assertThat(query("SELECT count(DISTINCT split_part(email, '@', 2)) FROM " + TABLE))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void phonesMatchTheirFormats() {
    assertThat(count("phone ~ '^\\([2-9][0-9]{2}\\) [2-9][0-9]{2}-[0-9]{4}$'")).isEqualTo(100_000);
    assertThat(count("mobile ~ '^\\+1[2-9][0-9]{9}$'")).isEqualTo(100_000);
    assertThat(count("uk_phone ~ '^\\+44 7[0-9]{3} [0-9]{6}$'")).isEqualTo(100_000);
  }

  /**
   * Checked against lists that do not go through the code under test ({@code Dictionaries}): the
   * fifty US states written out here, Java's ISO 3166 country codes, Datafaker's own YAML files
   * read directly, and the bundled city list read as the plain text file it is.
   */
  @Test
  void namesAndPlacesComeFromTheRealLists() throws Exception {
    Set<String> firstNames = new HashSet<>(datafaker("name", "male_first_name"));
    firstNames.addAll(datafaker("name", "female_first_name"));
    assertThat(distinct("first_name")).isSubsetOf(firstNames).hasSizeGreaterThan(1_000);
    assertThat(distinct("last_name"))
        .isSubsetOf(datafaker("name", "last_name"))
        .hasSizeGreaterThan(400);
    // English cities are real places (a bundled list), not Datafaker's inventions like "Port
    // Johnmouth".
    assertThat(distinct("city"))
        .isSubsetOf(bundledCities())
        .hasSizeGreaterThan(250)
        .contains("Chicago", "Toronto", "Edinburgh");
    assertThat(distinct("state")).isSubsetOf(US_STATES).contains("California", "Texas");
    assertThat(distinct("country"))
        .isSubsetOf(datafaker("address", "country"))
        .contains("Germany", "Japan");
    assertThat(distinct("country_code"))
        .isSubsetOf(Set.of(Locale.getISOCountries()))
        .contains("US", "FR");
    assertThat(distinct("currency"))
        .isSubsetOf(datafaker("currency", "code"))
        .contains("EUR", "USD");
    assertThat(distinct("favourite"))
        .isSubsetOf(datafaker("color", "name"))
        .contains("red", "teal");
    assertThat(count("full_name ~ '^[A-Z][A-Za-z''.-]*( [A-Z][A-Za-z''.-]*)*$'"))
        .isGreaterThan(99_000);
    assertThat(count("address ~ '^[1-9][0-9]* [A-Z]'")).isEqualTo(100_000);
    assertThat(count("postal_code ~ '^[0-9]{5}(-[0-9]{4})?$'")).isEqualTo(100_000);
    assertThat(count("website ~ '^https://[a-z.-]+\\.[a-z]{2,}(/[a-z]+)?$'")).isEqualTo(100_000);
    assertThat(count("family(ip_address) = 4")).isEqualTo(100_000);
  }

  @Test
  void timesAndNumbersAreRealistic() {
    assertThat(count("updated_at < created_at")).isZero();
    assertThat(count("updated_at IS NOT NULL")).isEqualTo(100_000);
    assertThat(count("updated_at = created_at")).isBetween(20_000L, 30_000L);
    assertThat(
            count(
                "age(timestamp '2025-01-01', birth_date) BETWEEN interval '18 years' AND interval '91 years'"))
        .isEqualTo(100_000); // the seeded run's reference date is the fixed epoch 2025-01-01
    assertThat(count("price BETWEEN 0.99 AND 999.99 AND scale(price) = 2")).isEqualTo(100_000);
    assertThat(count("quantity BETWEEN 1 AND 100 AND rating BETWEEN 1 AND 5")).isEqualTo(100_000);
    assertThat(count("latitude BETWEEN -90 AND 90 AND longitude BETWEEN -180 AND 180"))
        .isEqualTo(100_000);
    assertThat(count("cancelled_at IS NOT NULL")).isBetween(9_000L, 11_000L);
    assertThat(count("created_by BETWEEN 1 AND 1000000")).isEqualTo(100_000); // not a timestamp
    assertThat(count("zipper ~ '^[0-9]{5}$'")).isZero(); // not a postal code
    assertThat(count("iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{12,30}$' AND card ~ '^[0-9]{15,16}$'"))
        .isEqualTo(100_000);
    assertThat(count("bio IS NOT NULL AND bio ~ '^[A-Z][a-z]+( [a-z]+)*\\.'"))
        .isGreaterThan(70_000);
  }

  @Test
  void noValueFillsMoreThanItsColumn() {
    assertThat(query("SELECT max(char_length(first_name)) FROM " + TABLE)).isLessThanOrEqualTo(12);
    assertThat(query("SELECT max(char_length(full_name)) FROM " + TABLE)).isLessThanOrEqualTo(18);
    assertThat(query("SELECT max(char_length(contact_email)) FROM " + TABLE))
        .isLessThanOrEqualTo(24);
  }

  private static final Set<String> US_STATES =
      Set.of(
          "Alabama",
          "Alaska",
          "Arizona",
          "Arkansas",
          "California",
          "Colorado",
          "Connecticut",
          "Delaware",
          "Florida",
          "Georgia",
          "Hawaii",
          "Idaho",
          "Illinois",
          "Indiana",
          "Iowa",
          "Kansas",
          "Kentucky",
          "Louisiana",
          "Maine",
          "Maryland",
          "Massachusetts",
          "Michigan",
          "Minnesota",
          "Mississippi",
          "Missouri",
          "Montana",
          "Nebraska",
          "Nevada",
          "New Hampshire",
          "New Jersey",
          "New Mexico",
          "New York",
          "North Carolina",
          "North Dakota",
          "Ohio",
          "Oklahoma",
          "Oregon",
          "Pennsylvania",
          "Rhode Island",
          "South Carolina",
          "South Dakota",
          "Tennessee",
          "Texas",
          "Utah",
          "Vermont",
          "Virginia",
          "Washington",
          "West Virginia",
          "Wisconsin",
          "Wyoming");

  /** A list from Datafaker's English YAML file {@code en/FILE.yml}: {@code en.faker.FILE.KEY}. */
  private static Set<String> datafaker(String file, String key) throws Exception {
    try (InputStream in = Faker.class.getResourceAsStream("/en/" + file + ".yml")) {
      JsonNode list = new YAMLMapper().readTree(in).path("en").path("faker").path(file).path(key);
      assertThat(list.isArray()).as("en/%s.yml %s", file, key).isTrue();
      Set<String> values = new HashSet<>();
      list.forEach(value -> values.add(value.asText()));
      return values;
    }
  }

  private static Set<String> bundledCities() throws Exception {
    Path file = Path.of("src", "main", "resources", "datagen", "dictionaries", "en-cities.txt");
    return Files.readAllLines(file).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#"))
        .collect(Collectors.toSet());
  }

  private static Set<String> distinct(String column) {
    List<List<String>> rows =
        PgTools.query(
            db,
            "SELECT DISTINCT " + column + " FROM " + TABLE + " WHERE " + column + " IS NOT NULL");
    return rows.stream().map(r -> r.get(0).strip()).collect(Collectors.toSet());
  }

  private static long count(String where) {
    return query("SELECT count(*) FROM " + TABLE + " WHERE " + where);
  }

  private static long query(String sql) {
    return Long.parseLong(PgTools.query(db, sql).get(0).get(0));
  }
}
