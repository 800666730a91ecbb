package io.datagen.job.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.cli.DatagenCli;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.spark.GenerateJob;
import io.datagen.job.spark.GenerateRequest;
import io.datagen.job.spark.SchemaInput;
import io.datagen.job.spark.SparkSetup;
import io.datagen.job.testing.RestoreChecks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in template generates and restores, at its defaults and at scale 10; merged templates
 * too.
 */
class TemplatesTest {
  private static JavaSparkContext spark;
  private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSetup.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  record Run(int exitCode, String out, String err) {}

  private static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DatagenCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Stream<Arguments> templatesAndScales() {
    return CATALOG.all().stream()
        .flatMap(
            t ->
                Stream.of(
                    Arguments.of(List.of(t.name()), Map.of()),
                    Arguments.of(List.of(t.name()), Map.of("scale", "10"))));
  }

  static Stream<Arguments> mergedPair() {
    return Stream.of(
        Arguments.of(List.of("ecommerce", "blog:blog_"), Map.of("rows.blog_comments", "5000")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource({"templatesAndScales", "mergedPair"})
  void generatesAndRestoresWithZeroOrphans(List<String> names, Map<String, String> parameters) {
    List<TemplateSchemas.TemplateRef> refs =
        names.stream().map(TemplateSchemas.TemplateRef::parse).toList();
    String text = TemplateSchemas.instantiate(CATALOG, refs, parameters);
    Schema schema = SchemaInput.load(TemplateSchemas.sourceName(refs), text, null, null);
    Path archive = dir.resolve("template.dump");
    GenerateRequest request =
        new GenerateRequest(
            TemplateSchemas.sourceName(refs),
            text,
            archive.toString(),
            OutputFormat.CUSTOM,
            CompressionOption.parse("gzip:1"),
            11,
            RunClock.SEEDED_EPOCH,
            null,
            null,
            SegmentPlanner.DEFAULT_SEGMENT_ROWS,
            null,
            false,
            100,
            null,
            SelectionRequest.ALL,
            false);
    GenerateJob.run(spark, schema, request, null);

    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-j", "2").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @Test
  void scaleMultipliesEveryTableAndRowsSetOne() throws Exception {
    Template ecommerce = CATALOG.get("ecommerce");
    JsonNode scaled =
        new ObjectMapper()
            .readTree(
                TemplateSchemas.instantiate(
                    CATALOG,
                    List.of(TemplateSchemas.TemplateRef.parse("ecommerce")),
                    Map.of("scale", "2.5", "rows.orders", "7")));
    ecommerce
        .defaultRows()
        .forEach(
            (table, rows) -> {
              long expected = table.equals("orders") ? 7 : Math.round(rows * 2.5);
              assertThat(scaled.get("tables").get(table).get("row_count").asLong())
                  .as(table)
                  .isEqualTo(expected);
            });
  }

  @Test
  void badParametersAndClashesAreUsageErrors() {
    List<TemplateSchemas.TemplateRef> ecommerce =
        List.of(TemplateSchemas.TemplateRef.parse("ecommerce"));
    assertThatThrownBy(
            () -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("rows.order", "5")))
        .hasMessageContaining("did you mean 'rows.orders'");
    assertThatThrownBy(() -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("scale", "-1")))
        .hasMessageContaining("greater than 0");
    assertThatThrownBy(
            () -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("orders", "many")))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(
            () ->
                TemplateSchemas.instantiate(
                    CATALOG,
                    List.of(
                        TemplateSchemas.TemplateRef.parse("ecommerce"),
                        TemplateSchemas.TemplateRef.parse("blog")),
                    Map.of()))
        .hasMessageContaining("both have a table 'categories'")
        .hasMessageContaining("--template blog:blog_");
    assertThatThrownBy(() -> CATALOG.get("ecommerse"))
        .hasMessageContaining("did you mean 'ecommerce'");
  }

  @Test
  void exportThenGenerateGivesTheSameArchiveAsTheTemplate() throws Exception {
    Run export = cli("template", "export", "ecommerce", "--template-param", "scale=0.1");
    assertThat(export.exitCode()).as(export.err()).isZero();
    Path file = dir.resolve("shop.json");
    Files.writeString(file, export.out());

    Path fromTemplate = dir.resolve("a.dump");
    Path fromFile = dir.resolve("b.dump");
    Run a =
        cli(
            "generate",
            "--template",
            "ecommerce",
            "--param",
            "scale=0.1",
            "-o",
            fromTemplate.toString(),
            "--seed",
            "4",
            "--master",
            "local[1]",
            "-q");
    Run b =
        cli(
            "generate",
            file.toString(),
            "-o",
            fromFile.toString(),
            "--seed",
            "4",
            "--master",
            "local[1]",
            "-q");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(Files.readAllBytes(fromTemplate)).isEqualTo(Files.readAllBytes(fromFile));

    Path exported = dir.resolve("exported.json");
    assertThat(
            cli(
                    "template",
                    "export",
                    "ecommerce",
                    "--param",
                    "scale=0.1",
                    "-o",
                    exported.toString())
                .exitCode())
        .isZero();
    assertThat(Files.readString(exported)).isEqualTo(export.out());
  }

  @Test
  void listAndShow() throws Exception {
    Run list = cli("template", "list");
    assertThat(list.exitCode()).isZero();
    for (Template template : CATALOG.all()) {
      assertThat(list.out()).contains(template.name()).contains(template.description());
    }
    JsonNode json = new ObjectMapper().readTree(cli("template", "list", "--json").out());
    assertThat(json.get("templates")).hasSize(CATALOG.all().size());
    assertThat(json.get("templates").get(0).get("default_rows").size()).isPositive();

    Run show = cli("template", "show", "ecommerce");
    assertThat(show.out()).contains("order_items").contains("scale=F").contains("rows.TABLE=N");
    Run unknown = cli("template", "show", "ecomerce");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).contains("did you mean 'ecommerce'");
    assertThat(cli("generate", "--template", "blog", "some.json").exitCode()).isEqualTo(1);
  }

  /**
   * Every template, alone at several scales and merged with all the others, validates without a
   * single warning.
   */
  @Test
  void noTemplateHasWarningsAtAnyScale() {
    for (Template template : CATALOG.all()) {
      for (String scale : List.of("1", "10", "0.01", "0.001")) {
        List<TemplateSchemas.TemplateRef> refs =
            List.of(TemplateSchemas.TemplateRef.parse(template.name()));
        String text = TemplateSchemas.instantiate(CATALOG, refs, Map.of("scale", scale));
        assertThat(SchemaInput.check(TemplateSchemas.sourceName(refs), text, null).warnings())
            .as("%s at scale %s", template.name(), scale)
            .isEmpty();
      }
    }
    List<TemplateSchemas.TemplateRef> all =
        ALL_MERGED.stream().map(TemplateSchemas.TemplateRef::parse).toList();
    assertThat(
            SchemaInput.check("all", TemplateSchemas.instantiate(CATALOG, all, Map.of()), null)
                .warnings())
        .isEmpty();
  }

  private static final List<String> ALL_MERGED =
      List.of("ecommerce", "saas", "healthcare", "iot", "finance:bank_", "blog:blog_");

  /**
   * SQL spot checks of the realism the templates promise — statuses and timestamps that agree,
   * identifier formats, values that follow other columns, skew and daily patterns — on all six
   * templates merged into one archive at scale 0.2, restored into PostgreSQL 15.
   */
  @Test
  void restoredTemplatesAreInternallyConsistent() {
    List<TemplateSchemas.TemplateRef> refs =
        ALL_MERGED.stream().map(TemplateSchemas.TemplateRef::parse).toList();
    String text = TemplateSchemas.instantiate(CATALOG, refs, Map.of("scale", "0.2"));
    Schema schema = SchemaInput.load("all", text, null, null);
    Path archive = dir.resolve("all.dump");
    GenerateRequest request =
        new GenerateRequest(
            "all",
            text,
            archive.toString(),
            OutputFormat.CUSTOM,
            CompressionOption.parse("gzip:1"),
            5,
            RunClock.SEEDED_EPOCH,
            null,
            null,
            SegmentPlanner.DEFAULT_SEGMENT_ROWS,
            null,
            false,
            100,
            null,
            SelectionRequest.ALL,
            false);
    GenerateJob.run(spark, schema, request, null);
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-j", "2").orThrow();

    Map<String, String> none = new LinkedHashMap<>();
    // ecommerce
    none.put(
        "order timestamps out of order",
        "SELECT count(*) FROM orders WHERE shipped_at < ordered_at"
            + " OR delivered_at < shipped_at OR cancelled_at < ordered_at");
    none.put(
        "cancelled_at iff cancelled",
        "SELECT count(*) FROM orders WHERE (status = 'cancelled') <> (cancelled_at IS NOT NULL)");
    none.put(
        "shipped_at iff shipped",
        "SELECT count(*) FROM orders"
            + " WHERE (status IN ('shipped', 'delivered', 'refunded')) <> (shipped_at IS NOT NULL)");
    none.put(
        "delivered_at iff delivered",
        "SELECT count(*) FROM orders"
            + " WHERE (status IN ('delivered', 'refunded')) <> (delivered_at IS NOT NULL)");
    none.put(
        "refunds only on refunded orders, within the subtotal",
        "SELECT count(*) FROM orders"
            + " WHERE (status = 'refunded') <> (refund_amount IS NOT NULL) OR refund_amount > subtotal");
    none.put(
        "order number format",
        "SELECT count(*) FROM orders WHERE order_number !~ '^ORD-[0-9]{8}$'");
    none.put("SKU format", "SELECT count(*) FROM products WHERE sku !~ '^[A-Z]{3}-[0-9]{6}$'");
    none.put(
        "sale prices above the price",
        "SELECT count(*) FROM products WHERE compare_at_price <= price");
    none.put(
        "inactive products are out of stock",
        "SELECT count(*) FROM products WHERE NOT active AND stock <> 0");
    none.put(
        "customer emails",
        "SELECT count(*) FROM customers WHERE email !~ '^[a-z0-9._]+@[a-z0-9-]+(\\.[a-z0-9-]+)+$'");
    none.put(
        "customers updated after created",
        "SELECT count(*) FROM customers WHERE updated_at < created_at");
    none.put("ratings 1..5", "SELECT count(*) FROM reviews WHERE rating NOT BETWEEN 1 AND 5");
    // saas
    none.put(
        "free plans cost nothing",
        "SELECT count(*) FROM subscriptions WHERE (plan = 'free') <> (monthly_price = 0)");
    none.put(
        "trial end iff trialing",
        "SELECT count(*) FROM subscriptions WHERE (status = 'trialing') <> (trial_ends_on IS NOT NULL)");
    none.put(
        "invoice number format", "SELECT count(*) FROM invoices WHERE number !~ '^INV-[0-9]{7}$'");
    none.put(
        "invoices due net 30",
        "SELECT count(*) FROM invoices WHERE abs(due_on - issued_on - 30) > 1");
    none.put(
        "paid_on iff paid, after issue",
        "SELECT count(*) FROM invoices"
            + " WHERE (status = 'paid') <> (paid_on IS NOT NULL) OR paid_on < issued_on");
    // healthcare
    none.put(
        "appointments on weekday business hours, quarter-hourly",
        "SELECT count(*) FROM appointments"
            + " WHERE extract(isodow FROM starts_at) > 5 OR starts_at::time < '09:00' OR starts_at::time >= '17:00'"
            + " OR extract(minute FROM starts_at)::int % 15 <> 0");
    none.put(
        "cancellation reason iff cancelled",
        "SELECT count(*) FROM appointments"
            + " WHERE (status = 'cancelled') <> (cancellation_reason IS NOT NULL)");
    none.put(
        "MRN format",
        "SELECT count(*) FROM patients WHERE medical_record_number !~ '^MRN[0-9]{8}$'");
    none.put(
        "license format",
        "SELECT count(*) FROM doctors WHERE license_number !~ '^MD-[A-Z]{2}-[0-9]{6}$'");
    none.put(
        "ICD-10 description matches the code",
        "SELECT count(*) FROM medical_records"
            + " WHERE diagnosis_code = 'I10' AND diagnosis <> 'Essential (primary) hypertension'");
    none.put(
        "blood pressure", "SELECT count(*) FROM medical_records WHERE systolic_bp <= diastolic_bp");
    none.put(
        "antibiotic courses",
        "SELECT count(*) FROM prescriptions WHERE medication = 'Amoxicillin'"
            + " AND (refills <> 0 OR days > 14 OR dose_mg NOT IN (250, 500, 875))");
    // iot
    none.put(
        "severity follows the event code",
        "SELECT count(*) FROM events WHERE code = 'HEARTBEAT' AND severity <> 'debug'"
            + " OR code = 'SENSOR_FAULT' AND severity NOT IN ('error', 'critical')");
    none.put(
        "acknowledged_at iff acknowledged, after the event",
        "SELECT count(*) FROM events"
            + " WHERE acknowledged <> (acknowledged_at IS NOT NULL) OR acknowledged_at < occurred_at");
    none.put(
        "retired iff decommissioned",
        "SELECT count(*) FROM devices WHERE (state = 'retired') <> (decommissioned_at IS NOT NULL)");
    // finance and blog (prefixed)
    none.put(
        "credit accounts owe, closed accounts are empty",
        "SELECT count(*) FROM bank_accounts"
            + " WHERE (type = 'credit' AND balance > 0) OR (status = 'closed' AND balance <> 0)");
    none.put(
        "merchants only on card payments",
        "SELECT count(*) FROM bank_transactions"
            + " WHERE (kind = 'card_payment') <> (merchant_name IS NOT NULL)");
    none.put(
        "credits and debits",
        "SELECT count(*) FROM bank_transactions"
            + " WHERE kind IN ('deposit', 'interest') AND direction <> 'credit' OR kind IN ('fee', 'card_payment') AND direction <> 'debit'");
    none.put(
        "drafts are unpublished and unread",
        "SELECT count(*) FROM blog_posts"
            + " WHERE (status = 'draft') <> (published_at IS NULL) OR status = 'draft' AND view_count <> 0");
    none.forEach((what, sql) -> assertThat(RestoreChecks.scalar(db, sql)).as(what).isZero());

    // Skew and daily patterns: the busiest customer orders far more than the average one, and most
    // orders fall within an hour of the lunch and evening peaks.
    long orders = RestoreChecks.scalar(db, "SELECT count(*) FROM orders");
    long customers = RestoreChecks.scalar(db, "SELECT count(*) FROM customers");
    assertThat(
            RestoreChecks.scalar(
                db, "SELECT max(n) FROM (SELECT count(*) n FROM orders GROUP BY customer_id) c"))
        .isGreaterThan(10 * orders / customers);
    assertThat(
            RestoreChecks.scalar(
                db,
                "SELECT count(*) FROM orders WHERE extract(hour FROM ordered_at) IN (11, 12, 19, 20)"))
        .isGreaterThan(orders / 2);
    assertThat(
            RestoreChecks.scalar(
                db,
                "SELECT (avg(systolic_bp) FILTER (WHERE diagnosis_code = 'I10')"
                    + " - avg(systolic_bp) FILTER (WHERE diagnosis_code <> 'I10'))::int FROM medical_records"))
        .isGreaterThan(15);
  }

  @Test
  void everyTemplateIsValidAndHasRows() {
    for (Template template : CATALOG.all()) {
      String text = CATALOG.schemaText(template);
      Schema schema = SchemaInput.load("template " + template.name(), text, null, null);
      assertThat(schema.tables()).extracting(TableSpec::rowCount).allMatch(rows -> rows > 0);
      assertThat(template.tables())
          .isEqualTo(schema.tables().stream().map(t -> t.name().toString()).toList());
    }
  }
}
