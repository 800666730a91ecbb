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

/** Every built-in template generates and restores, at its defaults and at scale 10; merged templates too. */
class TemplatesTest {
  private static JavaSparkContext spark;
  private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
  @TempDir
  Path dir;

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
    return CATALOG.all().stream().flatMap(t -> Stream.of(Arguments.of(List.of(t.name()), Map.of()),
        Arguments.of(List.of(t.name()), Map.of("scale", "10"))));
  }

  static Stream<Arguments> mergedPair() {
    return Stream.of(Arguments.of(List.of("ecommerce", "blog:blog_"), Map.of("rows.blog_comments", "5000")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource({"templatesAndScales", "mergedPair"})
  void generatesAndRestoresWithZeroOrphans(List<String> names, Map<String, String> parameters) {
    List<TemplateSchemas.TemplateRef> refs = names.stream().map(TemplateSchemas.TemplateRef::parse).toList();
    String text = TemplateSchemas.instantiate(CATALOG, refs, parameters);
    Schema schema = SchemaInput.load(TemplateSchemas.sourceName(refs), text, null, null);
    Path archive = dir.resolve("template.dump");
    GenerateRequest request = new GenerateRequest(TemplateSchemas.sourceName(refs), text, archive.toString(),
        OutputFormat.CUSTOM, CompressionOption.parse("gzip:1"), 11, RunClock.SEEDED_EPOCH, null, null,
        SegmentPlanner.DEFAULT_SEGMENT_ROWS, null, false, 100, null, SelectionRequest.ALL, false);
    GenerateJob.run(spark, schema, request, null);

    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-j", "2").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @Test
  void scaleMultipliesEveryTableAndRowsSetOne() throws Exception {
    Template ecommerce = CATALOG.get("ecommerce");
    JsonNode scaled = new ObjectMapper().readTree(TemplateSchemas.instantiate(CATALOG,
        List.of(TemplateSchemas.TemplateRef.parse("ecommerce")), Map.of("scale", "2.5", "rows.orders", "7")));
    ecommerce.defaultRows().forEach((table, rows) -> {
      long expected = table.equals("orders") ? 7 : Math.round(rows * 2.5);
      assertThat(scaled.get("tables").get(table).get("row_count").asLong()).as(table).isEqualTo(expected);
    });
  }

  @Test
  void badParametersAndClashesAreUsageErrors() {
    List<TemplateSchemas.TemplateRef> ecommerce = List.of(TemplateSchemas.TemplateRef.parse("ecommerce"));
    assertThatThrownBy(() -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("rows.order", "5")))
        .hasMessageContaining("did you mean 'rows.orders'");
    assertThatThrownBy(() -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("scale", "-1")))
        .hasMessageContaining("greater than 0");
    assertThatThrownBy(() -> TemplateSchemas.instantiate(CATALOG, ecommerce, Map.of("orders", "many")))
        .hasMessageContaining("not a whole number");
    assertThatThrownBy(() -> TemplateSchemas.instantiate(CATALOG,
        List.of(TemplateSchemas.TemplateRef.parse("ecommerce"), TemplateSchemas.TemplateRef.parse("blog")), Map.of()))
        .hasMessageContaining("both have a table 'categories'").hasMessageContaining("--template blog:blog_");
    assertThatThrownBy(() -> CATALOG.get("ecommerse")).hasMessageContaining("did you mean 'ecommerce'");
  }

  @Test
  void exportThenGenerateGivesTheSameArchiveAsTheTemplate() throws Exception {
    Run export = cli("template", "export", "ecommerce", "--template-param", "scale=0.1");
    assertThat(export.exitCode()).as(export.err()).isZero();
    Path file = dir.resolve("shop.json");
    Files.writeString(file, export.out());

    Path fromTemplate = dir.resolve("a.dump");
    Path fromFile = dir.resolve("b.dump");
    Run a = cli("generate", "--template", "ecommerce", "--param", "scale=0.1", "-o", fromTemplate.toString(), "--seed",
        "4", "--master", "local[1]", "-q");
    Run b = cli("generate", file.toString(), "-o", fromFile.toString(), "--seed", "4", "--master", "local[1]", "-q");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(Files.readAllBytes(fromTemplate)).isEqualTo(Files.readAllBytes(fromFile));

    Path exported = dir.resolve("exported.json");
    assertThat(cli("template", "export", "ecommerce", "--param", "scale=0.1", "-o", exported.toString()).exitCode())
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

  @Test
  void everyTemplateIsValidAndHasRows() {
    for (Template template : CATALOG.all()) {
      String text = CATALOG.schemaText(template);
      Schema schema = SchemaInput.load("template " + template.name(), text, null, null);
      assertThat(schema.tables()).extracting(TableSpec::rowCount).allMatch(rows -> rows > 0);
      assertThat(template.tables()).isEqualTo(schema.tables().stream().map(t -> t.name().toString()).toList());
    }
  }
}
