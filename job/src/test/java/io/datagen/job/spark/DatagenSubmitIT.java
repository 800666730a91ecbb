package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.job.cli.DatagenCli;
import io.datagen.job.testing.ChildJvm;
import io.datagen.job.testing.SparkDistribution;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit/datagen-submit} the way a user runs it: through a Spark distribution's {@code
 * bin/spark-submit} (Spark's launcher and {@code SparkSubmit}, from the same jars as the tests),
 * with the thin job jar; spark-submit's options before the datagen command, datagen's after.
 */
class DatagenSubmitIT {
  @TempDir static Path dir;
  private static SparkDistribution spark;

  @BeforeAll
  static void distribution() throws Exception {
    spark = SparkDistribution.create(Files.createDirectories(dir.resolve("spark-home")));
  }

  @Test
  void generatesTheSameArchiveAsTheLocalLauncherWithSparkSubmitsMaster() throws Exception {
    String schema = SparkTestSupport.resource("/e2e/blog-core.json").toString();
    Path submitted = dir.resolve("submitted.dump");
    Path manifest = dir.resolve("submitted.json");
    Result result =
        datagenSubmit(
            "--master",
            "local[2]",
            "--driver-memory",
            "768m",
            "--conf",
            "spark.ui.enabled=false",
            "generate",
            schema,
            "-o",
            submitted.toString(),
            "--seed",
            "42",
            "--manifest",
            manifest.toString());
    assertThat(result.exitCode()).as(result.log()).isZero();
    assertThat(result.log()).contains("datagen: wrote " + submitted);

    Path local = dir.resolve("local.dump");
    int code =
        DatagenCli.commandLine(
                new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
            .execute(
                "generate",
                schema,
                "-o",
                local.toString(),
                "--seed",
                "42",
                "--master",
                "local[1]",
                "-q");
    assertThat(code).isZero();
    assertThat(Files.readAllBytes(submitted)).isEqualTo(Files.readAllBytes(local));

    JsonNode json = new ObjectMapper().readTree(manifest.toFile());
    assertThat(json.path("run").path("spark_master").asText())
        .as("the master came from spark-submit")
        .isEqualTo("local[2]");
    assertThat(json.path("archive").path("sha256").asText())
        .isEqualTo(SchemaInput.sha256(Files.readAllBytes(local)));
  }

  @Test
  void passesDatagensExitCodeThrough() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"version\": \"1.0\", \"tables\": {,}}");
    Result result =
        datagenSubmit(
            "--master",
            "local[1]",
            "--",
            "generate",
            bad.toString(),
            "-o",
            dir.resolve("bad.dump").toString());
    assertThat(result.exitCode()).as(result.log()).isEqualTo(2);
    assertThat(result.log()).contains("Invalid schema");
    assertThat(dir.resolve("bad.dump")).doesNotExist();
  }

  private record Result(int exitCode, String log) {}

  private static Result datagenSubmit(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(SparkDistribution.projectRoot().resolve("submit/datagen-submit").toString());
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "datagen-submit", ".log");
    try (ChildJvm run = ChildJvm.start("datagen-submit", command, spark.environment(), log)) {
      int code = run.awaitExit(Duration.ofMinutes(4));
      return new Result(code, run.log());
    }
  }
}
