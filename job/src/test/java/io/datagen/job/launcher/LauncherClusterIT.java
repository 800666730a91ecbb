package io.datagen.job.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.job.testing.SparkDistribution;
import io.datagen.job.testing.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The laptop launcher ({@code submit/datagen}) as the driver of a real standalone cluster on
 * loopback: {@code --master spark://HOST:PORT} runs the job on the cluster's executors (JVMs of
 * their own, with only Spark on their class path), which get datagen from the thin cluster jar the
 * launcher ships as {@code spark.jars}, and the archive is byte-identical to an in-process run.
 */
class LauncherClusterIT {
  private static final Path ROOT =
      Path.of(System.getProperty("datagen.root", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("submit/datagen");

  @TempDir Path dir;

  private record Result(int exitCode, String err) {}

  private Result generate(String output, String... more) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                LAUNCHER.toString(),
                "generate",
                "--template",
                "blog",
                "--param",
                "scale=0.01",
                "--seed",
                "7",
                "-q",
                "-o",
                output,
                "--manifest",
                output + ".json"));
    command.addAll(List.of(more));
    Path err = dir.resolve(output + ".err");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve(output + ".out").toFile())
            .redirectError(err.toFile());
    // Executors small enough for the worker's memory.
    builder
        .environment()
        .putAll(
            Map.of(
                "DATAGEN_JAVA_OPTS",
                "-Dspark.executor.memory=512m -Dspark.executor.cores=1",
                "DATAGEN_CDS",
                "off"));
    Process process = builder.start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished").isTrue();
    return new Result(process.exitValue(), Files.readString(err));
  }

  private String engine(String output) throws Exception {
    return new ObjectMapper()
        .readTree(dir.resolve(output + ".json").toFile())
        .get("run")
        .get("spark_master")
        .asText();
  }

  @Test
  void theLauncherDrivesAClusterWhoseExecutorsGetDatagenFromTheClusterJar() throws Exception {
    Result local = generate("local.dump");
    assertThat(local.exitCode()).as(local.err()).isZero();
    assertThat(engine("local.dump")).startsWith("in-process[");

    SparkDistribution spark =
        SparkDistribution.create(Files.createDirectories(dir.resolve("spark-home")));
    Path clusterDir = Files.createDirectories(dir.resolve("cluster"));
    try (StandaloneCluster cluster = StandaloneCluster.start(spark, clusterDir, 1, 1, "1g")) {
      Result run = generate("cluster.dump", "--master", cluster.masterUrl());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(engine("cluster.dump")).isEqualTo(cluster.masterUrl());
      assertThat(Files.readAllBytes(dir.resolve("cluster.dump")))
          .isEqualTo(Files.readAllBytes(dir.resolve("local.dump")));
      // The worker's executor fetched the thin jar into its application folder: datagen's
      // classes came from there, not from the executor's class path (Spark's jars only).
      try (Stream<Path> files = Files.walk(clusterDir.resolve("worker-0"))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("files in the worker's application folders")
            .contains("datagen-job-cluster.jar");
      }
    }
  }
}
