package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.read.ArchiveReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The real commands, driven through picocli with captured streams. */
class DatagenCliTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  /**
   * Generates {@code archive} from {@code schema} with the real command line, checks it succeeded,
   * and returns the archive (shared by the restore tests).
   */
  static Path generate(Path schema, Path archive, long seed) {
    Run run =
        run(
            "generate",
            schema.toString(),
            "-o",
            archive.toString(),
            "--seed",
            Long.toString(seed),
            "-q");
    org.assertj.core.api.Assertions.assertThat(run.exitCode()).as(run.err()).isZero();
    return archive;
  }

  /** Runs the real command line with captured out and err (shared by the CLI tests). */
  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = DatagenCli.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private Path schema(String json) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(file, json);
    return file;
  }

  private static final String VALID =
      """
      {
        "version": "1.0",
        "database": {"name": "shop"},
        "tables": {
          "customers": {
            "row_count": 300,
            "columns": {
              "id": {"type": "serial", "primary_key": true},
              "code": {"type": "varchar(12)", "unique": true}
            }
          },
          "orders": {
            "row_count": 1000,
            "columns": [
              {"name": "id", "type": "bigserial", "primary_key": true},
              {"name": "customer_id", "type": "integer", "nullable": false},
              {"name": "total", "type": "numeric(10,2)"}
            ],
            "foreign_keys": [{"columns": ["customer_id"], "referenced_table": "customers", "referenced_columns": ["id"]}]
          }
        }
      }
      """;

  static Stream<Arguments> badSchemas() {
    return Stream.of(
        Arguments.of("malformed JSON", "{\n  \"version\": \"1.0\",\n  \"tables\": {,\n}", "line 3"),
        Arguments.of(
            "unknown type", VALID.replace("\"numeric(10,2)\"", "\"datetime\""), "timestamp"),
        Arguments.of(
            "FK to a missing table",
            VALID.replace(
                "\"referenced_table\": \"customers\"", "\"referenced_table\": \"customer\""),
            "customers"),
        Arguments.of(
            "FK to a missing column",
            VALID.replace(
                "\"referenced_columns\": [\"id\"]", "\"referenced_columns\": [\"ident\"]"),
            "ident"),
        Arguments.of(
            "impossible uniqueness", VALID.replace("\"varchar(12)\"", "\"varchar(1)\""), "code"),
        Arguments.of(
            "negative row count", VALID.replace("\"row_count\": 300", "\"row_count\": -5"), "-5"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSchemas")
  void badInputExitsWithCodeTwoAClearMessageAndNoOutput(String name, String json, String mentioned)
      throws Exception {
    Path output = dir.resolve("out.dump");
    Run run =
        run(
            "generate",
            schema(json).toString(),
            "-o",
            output.toString(),
            "--seed",
            "1",
            "--master",
            "local[1]");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid schema at $").contains(mentioned);
    assertThat(output).doesNotExist();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).allMatch(p -> p.getFileName().toString().equals("schema.json"));
    }
  }

  static Stream<Arguments> schemesWithoutAConnector() {
    return Stream.of(
        Arguments.of(
            "-o",
            "gs://bucket/shop.dump",
            "scheme 'gs'; add Hadoop's Google Cloud Storage connector"
                + " (org.apache.hadoop:hadoop-gcp:3.5.0) to the class path, see docs/operations.md"),
        Arguments.of(
            "-o",
            "abfss://data@account.dfs.core.windows.net/shop.dump",
            "scheme 'abfss'; add Hadoop's Azure connector (org.apache.hadoop:hadoop-azure:3.5.0)"),
        Arguments.of(
            "-o",
            "foo://x/shop.dump",
            "scheme 'foo'; add a Hadoop connector for 'foo' to the class path"),
        Arguments.of(
            "--manifest",
            "wasb://data@account.blob.core.windows.net/shop.json",
            "scheme 'wasb'; add Hadoop's Azure connector"));
  }

  /** Checked before any data is generated: one line naming the option, the scheme and the fix. */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("schemesWithoutAConnector")
  void aSchemeWithoutAConnectorIsAnOutputErrorNamingTheConnector(
      String option, String uri, String message) throws Exception {
    Path local = dir.resolve("out.dump");
    List<String> args =
        new ArrayList<>(List.of("generate", schema(VALID).toString(), "--seed", "1", "-q"));
    // --schema-only: no Spark job, so this costs nothing; the same check runs before a data job.
    args.add("--schema-only");
    if (option.equals("-o")) {
      args.addAll(List.of("-o", uri));
    } else {
      args.addAll(List.of("-o", local.toString(), option, uri));
    }
    Run run = run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
    assertThat(run.err().lines().toList())
        .hasSize(1)
        .first()
        .asString()
        .startsWith("datagen: Cannot write " + option + " " + uri + ": no Hadoop file system for")
        .contains(message);
    assertThat(local).doesNotExist();
  }

  @Test
  void validateReportsSuccessOnStdout() throws Exception {
    Run run = run("validate", schema(VALID).toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("is valid: 2 tables, 1,300 rows");
  }

  @Test
  void validateOfABadFileExitsTwo() throws Exception {
    Run run = run("validate", schema(VALID.replace("\"1.0\"", "\"2.0\"")).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("$.version").contains("1.0");
  }

  @Test
  void usageErrorsExitOne() throws Exception {
    assertThat(run("generate").exitCode()).isEqualTo(1);
    assertThat(run("generate", schema(VALID).toString(), "--compress", "zip").err())
        .contains("Invalid compression");
    assertThat(run("generate", schema(VALID).toString(), "--compress", "zip").exitCode())
        .isEqualTo(1);
    assertThat(run("generate", schema(VALID).toString(), "--format", "tar").exitCode())
        .isEqualTo(1);
    assertThat(run("generate", "missing.json").exitCode()).isEqualTo(1);
    assertThat(run("frobnicate").exitCode()).isEqualTo(1);
    DatagenCliTest.Run master = run("generate", schema(VALID).toString(), "--master", "bogus");
    assertThat(master.exitCode()).isEqualTo(1);
    assertThat(master.err().strip())
        .isEqualTo(
            "datagen: Invalid --master 'bogus': expected local, local[N], local[*],"
                + " spark://HOST:PORT, yarn or k8s://https://HOST:PORT (see datagen generate --help)");
    DatagenCliTest.Run tables =
        run(
            "generate",
            schema(VALID).toString(),
            "-o",
            dir.resolve("t.dump").toString(),
            "--seed",
            "1",
            "--tables",
            "");
    assertThat(tables.exitCode()).isEqualTo(1);
    assertThat(tables.err()).contains("Invalid --tables '': name a table");
  }

  @Test
  void versionPrintsTheVersion() {
    Run run = run("version", "--short");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim()).matches("\\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void generateWritesAnArchiveWithTheOriginalInputSpelling() throws Exception {
    Path output = dir.resolve("shop.dump");
    Run run =
        run(
            "generate",
            "-i",
            schema(VALID).toString(),
            "-o",
            output.toString(),
            "--seed",
            "5",
            "--master",
            "local[1]",
            "--segment-rows",
            "128");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("wrote " + output).contains("1,300 rows").contains("seed 5");
    ArchiveReader archive = ArchiveReader.of(Files.readAllBytes(output));
    assertThat(archive.header().databaseName()).isEqualTo("shop");
    assertThat(archive.entries()).anyMatch(e -> e.entry().desc().equals("FK CONSTRAINT"));
  }

  @Test
  void jsonSummaryGoesToStdout() throws Exception {
    Path output = dir.resolve("shop.dump");
    Run run =
        run(
            "generate",
            schema(VALID).toString(),
            "-o",
            output.toString(),
            "--seed",
            "5",
            "--master",
            "local[1]",
            "--json",
            "-q");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    com.fasterxml.jackson.databind.JsonNode summary =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(summary.get("output").asText()).isEqualTo(output.toString());
    assertThat(summary.get("rows").asLong()).isEqualTo(1300);
    assertThat(summary.get("seed").asLong()).isEqualTo(5);
    assertThat(summary.get("archive_bytes").asLong()).isEqualTo(Files.size(output));
    assertThat(summary.get("tables")).hasSize(2);
    assertThat(run("generate", schema(VALID).toString(), "-o", "-", "--json").exitCode())
        .isEqualTo(1);
  }

  @Test
  void validateJsonListsErrorsWithLocations() throws Exception {
    Run run =
        run(
            "validate",
            "--json",
            schema(VALID.replace("\"numeric(10,2)\"", "\"datetime\"")).toString());
    assertThat(run.exitCode()).isEqualTo(2);
    com.fasterxml.jackson.databind.JsonNode result =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(result.get("valid").asBoolean()).isFalse();
    com.fasterxml.jackson.databind.JsonNode error = result.get("errors").get(0);
    assertThat(error.get("path").asText()).isEqualTo("$.tables.orders.columns[2].type");
    assertThat(error.get("line").asInt()).isEqualTo(17);
    assertThat(error.get("message").asText()).contains("timestamp");
    Run valid = run("validate", "--json", schema(VALID).toString());
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(valid.out()).get("tables"))
        .hasSize(2);
  }

  @Test
  void versionJson() throws Exception {
    Run run = run("version", "--json");
    com.fasterxml.jackson.databind.JsonNode version =
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(version.get("archive_format").asText()).isEqualTo("1.14");
    assertThat(version.get("spark").asText()).startsWith("4.");
  }

  @Test
  void unseededRunsPrintTheSeedTheyDrew() throws Exception {
    Path output = dir.resolve("shop.dump");
    Run run =
        run("generate", schema(VALID).toString(), "-o", output.toString(), "--master", "local[1]");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).containsPattern("no --seed given; used seed \\d+");
  }
}
