package io.datagen.job.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.testing.SparkDistribution;
import io.datagen.job.testing.StandaloneCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster master that cannot run the job fails the launcher's {@code generate} with one line
 * naming the master and exit code 3, without stack traces (unless {@code --verbose}): a closed
 * loopback port, and a real standalone Master with no Worker.
 */
class MasterTimeoutIT {
  private static final Path ROOT =
      Path.of(System.getProperty("datagen.root", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("submit/datagen");

  @TempDir Path dir;

  record Result(int exitCode, List<String> errLines) {}

  private Result generate(String master, String... more) throws Exception {
    Path err = dir.resolve("err.txt");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                LAUNCHER.toString(),
                "generate",
                "--template",
                "blog",
                "--param",
                "scale=0.01",
                "--seed",
                "1",
                "-q",
                "-o",
                "out.dump",
                "--master",
                master));
    command.addAll(List.of(more));
    Process process =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
    return new Result(process.exitValue(), Files.readAllLines(err));
  }

  /** A loopback port that nothing listens on (bound, then released). */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Test
  void anUnreachableMasterIsOneLineNamingItAndExitCodeThree() throws Exception {
    String master = "spark://127.0.0.1:" + closedPort();
    Result run = generate(master);
    assertThat(run.exitCode()).as(String.join("\n", run.errLines())).isEqualTo(3);
    assertThat(run.errLines())
        .containsExactly(
            "datagen: Cannot reach the Spark master "
                + master
                + " ("
                + master.substring("spark://".length())
                + ": connection refused); check --master and that the master runs");
    assertThat(dir.resolve("out.dump")).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("no staging or temporary files")
          .containsExactlyInAnyOrder("out.txt", "err.txt");
    }

    Result verbose = generate(master, "--verbose");
    assertThat(verbose.exitCode()).isEqualTo(3);
    assertThat(verbose.errLines().get(0)).startsWith("datagen: Cannot reach the Spark master");
    assertThat(verbose.errLines())
        .as("--verbose adds the stack trace")
        .anyMatch(line -> line.startsWith("\tat io.datagen.job.spark.MasterConnection"));
  }

  @Test
  void aMasterWithoutWorkersIsOneLineNamingItAndExitCodeThree() throws Exception {
    SparkDistribution spark =
        SparkDistribution.create(Files.createDirectories(dir.resolve("spark-home")));
    try (StandaloneCluster cluster =
        StandaloneCluster.start(
            spark, Files.createDirectories(dir.resolve("cluster")), 0, 1, "512m")) {
      // Long enough for Spark's own start-up on a busy machine; the wait for an executor then
      // runs out.
      Result run = generate(cluster.masterUrl(), "--master-timeout", "60");
      assertThat(run.exitCode()).as(String.join("\n", run.errLines())).isEqualTo(3);
      assertThat(run.errLines()).hasSize(1);
      assertThat(run.errLines().get(0))
          .startsWith(
              "datagen: The Spark master "
                  + cluster.masterUrl()
                  + " gave this application no executor within 60 s (--master-timeout): no worker"
                  + " is registered with it")
          .doesNotContain("\tat ");
      assertThat(dir.resolve("out.dump")).doesNotExist();
    }
  }
}
