package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.schema.Schema;
import io.datagen.job.templates.Template;
import io.datagen.job.templates.TemplateCatalog;
import io.datagen.job.templates.TemplateSchemas;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process engine (no Spark context) writes exactly the bytes of Spark {@code local[2]}: the
 * catalogue schema in every output format, and every built-in template. Each pair of runs also
 * records in its manifest which engine ran it, so a run that silently took the other engine fails.
 */
class InProcessEngineTest {
  private static final TemplateCatalog CATALOG = TemplateCatalog.builtIn();
  private static JavaSparkContext spark;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    spark = SparkSetup.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of(OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP),
        Arguments.of(OutputFormat.CUSTOM, CompressionOption.parse("zstd")),
        Arguments.of(OutputFormat.SQL, CompressionOption.NONE),
        Arguments.of(OutputFormat.COPY, CompressionOption.parse("gzip:1")),
        Arguments.of(OutputFormat.DIRECTORY, CompressionOption.parse("lz4")));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formats")
  void catalogueIsByteIdenticalToSparkLocal2(OutputFormat format, CompressionOption compression)
      throws IOException {
    Schema schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/catalogue.json").toString(), null, null);
    assertSameBytes(
        schema,
        request("catalogue", null, format, compression, SegmentPlanner.DEFAULT_SEGMENT_ROWS / 8));
  }

  static Stream<String> templates() {
    return CATALOG.all().stream().map(Template::name);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("templates")
  void everyTemplateIsByteIdenticalToSparkLocal2(String name) throws IOException {
    List<TemplateSchemas.TemplateRef> refs = List.of(TemplateSchemas.TemplateRef.parse(name));
    String text = TemplateSchemas.instantiate(CATALOG, refs, Map.of());
    Schema schema = SchemaInput.load(TemplateSchemas.sourceName(refs), text, null, null);
    assertSameBytes(
        schema,
        request(
            TemplateSchemas.sourceName(refs),
            text,
            OutputFormat.CUSTOM,
            CompressionOption.parse("gzip:1"),
            SegmentPlanner.DEFAULT_SEGMENT_ROWS / 16));
  }

  private void assertSameBytes(Schema schema, GenerateRequest request) throws IOException {
    Path viaSpark = dir.resolve("spark");
    Path inProcess = dir.resolve("in-process");
    GenerateJob.run(
        spark,
        schema,
        request.withOutput(viaSpark.toString()).withManifest(viaSpark + ".json"),
        null);
    GenerateJob.run(
        null,
        schema,
        request.withOutput(inProcess.toString()).withManifest(inProcess + ".json"),
        null);

    assertThat(engine(viaSpark)).isEqualTo("local[2]");
    assertThat(engine(inProcess)).startsWith("in-process[");
    assertThat(contents(inProcess)).isNotEmpty().isEqualTo(contents(viaSpark));
  }

  /** What ran a run, as its manifest records it. */
  private static String engine(Path output) throws IOException {
    return new ObjectMapper()
        .readTree(Path.of(output + ".json").toFile())
        .get("run")
        .get("spark_master")
        .asText();
  }

  /** A file's bytes, or a directory archive's files by name (hex of each, for readable diffs). */
  private static Map<String, String> contents(Path output) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(output)) {
      files.put("", java.util.HexFormat.of().formatHex(Files.readAllBytes(output)));
      return files;
    }
    try (Stream<Path> listed = Files.list(output)) {
      for (Path file : listed.toList()) {
        files.put(
            file.getFileName().toString(),
            java.util.HexFormat.of().formatHex(Files.readAllBytes(file)));
      }
    }
    return files;
  }

  private static GenerateRequest request(
      String source,
      String text,
      OutputFormat format,
      CompressionOption compression,
      long segmentRows) {
    return new GenerateRequest(
        source,
        text,
        "unused",
        format,
        compression,
        42,
        RunClock.SEEDED_EPOCH,
        null,
        null,
        segmentRows,
        null,
        false,
        100,
        null,
        SelectionRequest.ALL,
        false);
  }
}
