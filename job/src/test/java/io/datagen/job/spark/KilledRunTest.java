package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.cli.DatagenCli;
import io.datagen.job.leftovers.LeftoverName;
import io.datagen.job.testing.ChildJvm;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed mid-way (SIGKILL of the whole JVM: no shutdown hook, no cleanup) leaves an earlier
 * file under the output name untouched — both while executors are still generating and when the new
 * archive is already complete under its temporary name but not yet committed. A run stopped by
 * SIGTERM or SIGINT (Ctrl-C) removes its partial output and staging, says so in one line, and exits
 * 143 or 130, while generating and while writing the archive. What a killed run leaves, {@code
 * datagen clean} removes.
 */
class KilledRunTest {
  /** A staging directory as the interrupt message names it: a URI ending in its run's name. */
  private static final String STAGING_NAME =
      "file:\\S+/\\.datagen-staging-[0-9a-f]{12}-\\d{8}T\\d{6}Z";

  @TempDir Path dir;

  @Test
  void killedWhileGeneratingLeavesAnEarlierArchiveUntouched() throws Exception {
    // An implementation that opened (truncated) the output before generating would fail here.
    Path output = dir.resolve("out.dump");
    byte[] earlier = "an earlier archive".getBytes(StandardCharsets.UTF_8);
    Files.write(output, earlier);
    Path staging = dir.resolve("staging");
    try (ChildJvm run = startRun(output, staging, FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS)) {
      awaitStagedPiece(run, staging);
      run.kill();
    }
    assertThat(output).hasBinaryContent(earlier);
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void terminatedWhileGeneratingLeavesNothingAtAllAndExits143() throws Exception {
    assertInterruptedRunCleansUp("TERM", 143);
  }

  @Test
  void interruptedWhileGeneratingLeavesNothingAtAllAndExits130() throws Exception {
    assertInterruptedRunCleansUp("INT", 130);
  }

  private void assertInterruptedRunCleansUp(String signal, int exitCode) throws Exception {
    Path output = dir.resolve("out.dump");
    Path staging = dir.resolve("staging");
    try (ChildJvm run = startRun(output, staging, FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS)) {
      awaitStagedPiece(run, staging);
      assertThat(run.signal(signal, Duration.ofSeconds(60))).as("exit code").isEqualTo(exitCode);
      assertThat(run.log())
          .as("one line: what was interrupted, what was removed")
          .containsPattern(
              "(?m)^datagen: interrupted while generating data for "
                  + Pattern.quote(output.toString())
                  + "; removed staging "
                  + STAGING_NAME
                  + "$");
    }
    assertThat(output).doesNotExist();
    assertThat(temporaryFiles()).isEmpty();
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).as("the run's staging directory").isEmpty();
    }
  }

  @Test
  void terminatedAfterWritingButBeforeCommitLeavesNoTemporaryFile() throws Exception {
    assertStoppedWhileWritingCleansUp("TERM", 143);
  }

  @Test
  void interruptedAfterWritingButBeforeCommitLeavesNoTemporaryFile() throws Exception {
    assertStoppedWhileWritingCleansUp("INT", 130);
  }

  private void assertStoppedWhileWritingCleansUp(String signal, int exitCode) throws Exception {
    Path output = dir.resolve("out.dump");
    Path staging = dir.resolve("staging");
    try (ChildJvm run = startRun(output, staging, FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS)) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(temporaryFiles()).hasSize(1);
      Path temporary = temporaryFiles().get(0);
      assertThat(run.signal(signal, Duration.ofSeconds(60))).as("exit code").isEqualTo(exitCode);
      assertThat(run.log())
          .containsPattern(
              "(?m)^datagen: interrupted while writing "
                  + Pattern.quote(output.toString())
                  + "; removed the partial output "
                  + Pattern.quote(temporary.toString())
                  + " and staging "
                  + STAGING_NAME
                  + "$");
    }
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).as("the run's staging directory").isEmpty();
    }
    assertThat(output).doesNotExist();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aRunWithoutSparkTerminatedBeforeItsFifoIsReadRemovesItsStagingAndExits143()
      throws Exception {
    // No --master and a small local run: the in-process engine, whose interrupt hook is a plain
    // JVM shutdown hook (no Hadoop hook manager). Writing blocks in opening the FIFO until a reader
    // comes, which none does, so the signal finds the run with its pieces staged.
    Path fifo = dir.resolve("out.fifo");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    Path staging = dir.resolve("staging");
    List<String> command =
        ChildJvm.javaCommand(
            List.of("-Xmx768m"),
            String.join(File.pathSeparator, ChildJvm.testClassPath()),
            "io.datagen.job.cli.DatagenCli",
            "generate",
            SparkTestSupport.resource("/e2e/blog-core.json").toString(),
            "-o",
            fifo.toString(),
            "--seed",
            "5",
            "--staging",
            staging.toUri().toString(),
            "--segment-rows",
            "4096");
    try (ChildJvm run = ChildJvm.start("datagen", command, Map.of(), dir.resolve("run.log"))) {
      awaitStagedPiece(run, staging);
      assertThat(run.signal("TERM", Duration.ofSeconds(60))).as("exit code").isEqualTo(143);
      assertThat(run.log())
          .containsPattern(
              "(?m)^datagen: interrupted while writing "
                  + Pattern.quote(fifo.toString())
                  + "; removed (.* and )?staging "
                  + STAGING_NAME
                  + "$");
    }
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).as("the run's staging directory").isEmpty();
    }
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void aDirectoryArchiveTerminatedBeforeCommitLeavesNoDirectory() throws Exception {
    Path output = dir.resolve("out.dir");
    Path staging = dir.resolve("staging");
    try (ChildJvm run =
        startRun(
            output,
            staging,
            FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS,
            "--format",
            "directory",
            "--compress",
            "zstd")) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(temporaryFiles())
          .as("the complete archive, in its temporary directory")
          .hasSize(1);
      assertThat(temporaryFiles().get(0).resolve("toc.dat")).exists();
      run.close();
    }
    assertThat(output).doesNotExist();
    assertThat(temporaryFiles()).isEmpty();
  }

  @Test
  void killedAfterWritingButBeforeCommitLeavesAnEarlierArchiveUntouched() throws Exception {
    Path output = dir.resolve("out.dump");
    byte[] earlier = "an earlier archive".getBytes(StandardCharsets.UTF_8);
    Files.write(output, earlier);
    Path staging = dir.resolve("staging");
    try (ChildJvm run = startRun(output, staging, FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS)) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(temporaryFiles()).as("the complete archive, under its temporary name").hasSize(1);
      assertThat(Files.size(temporaryFiles().get(0))).isGreaterThan(100_000);
      run.kill();
    }
    assertThat(output).hasBinaryContent(earlier);
  }

  /**
   * A run killed with SIGKILL leaves its temporary output and staging; {@code datagen clean} keeps
   * them while they are younger than its default threshold, and removes them with {@code
   * --older-than 0s}.
   */
  @Test
  void cleanRemovesWhatAKilledRunLeft() throws Exception {
    Path output = dir.resolve("out.dump");
    Path staging = dir.resolve("staging");
    try (ChildJvm run = startRun(output, staging, FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS)) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      run.kill();
    }
    assertThat(temporaryFiles())
        .as("the killed run's archive, under its temporary name")
        .hasSize(1);
    Path temporary = temporaryFiles().get(0);
    List<Path> stagingLeft;
    try (Stream<Path> left = Files.list(staging)) {
      stagingLeft = left.toList();
    }
    assertThat(stagingLeft).hasSize(1);
    String runId = LeftoverName.parse(temporary.getFileName().toString()).orElseThrow().run().id();
    assertThat(LeftoverName.parse(stagingLeft.get(0).getFileName().toString()))
        .as("staging and temporary output carry the same run id")
        .hasValueSatisfying(name -> assertThat(name.run().id()).isEqualTo(runId));

    CliRun young = clean("--staging", staging.toString(), output.toString());
    assertThat(young.exitCode()).as(young.err()).isZero();
    assertThat(young.out()).contains("kept 2 younger than 1h");
    assertThat(temporary).exists();

    CliRun clean = clean("--older-than", "0s", "--staging", staging.toString(), output.toString());
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out())
        .contains(
            "removed temporary output for out.dump " + temporary,
            "removed staging directory " + stagingLeft.get(0),
            "datagen: removed 2 leftovers (");
    assertThat(temporaryFiles()).isEmpty();
    try (Stream<Path> left = Files.list(staging)) {
      assertThat(left).isEmpty();
    }
    assertThat(output).doesNotExist();
  }

  private record CliRun(int exitCode, String out, String err) {}

  private static CliRun clean(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    List<String> command = new java.util.ArrayList<>(List.of("clean"));
    command.addAll(List.of(args));
    int code =
        DatagenCli.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute(command.toArray(String[]::new));
    return new CliRun(code, out.toString(), err.toString());
  }

  private ChildJvm startRun(Path output, Path staging, String faultSwitch, String... options)
      throws Exception {
    List<String> command =
        ChildJvm.javaCommand(
            List.of("-Xmx768m", "-D" + faultSwitch + "=600000"),
            String.join(File.pathSeparator, ChildJvm.testClassPath()),
            "io.datagen.job.cli.DatagenCli",
            "generate",
            SparkTestSupport.resource("/e2e/blog-core.json").toString(),
            "-o",
            output.toString(),
            "--seed",
            "5",
            "--master",
            "local[2]",
            "--staging",
            staging.toUri().toString(),
            "--segment-rows",
            "4096");
    command = new java.util.ArrayList<>(command);
    command.addAll(List.of(options));
    return ChildJvm.start("datagen", command, Map.of(), dir.resolve("run.log"));
  }

  private static void awaitStagedPiece(ChildJvm run, Path staging) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(staging)) {
        try (Stream<Path> files = Files.walk(staging)) {
          if (files.anyMatch(p -> p.toString().endsWith(".pieces") && p.toFile().length() > 0)) {
            return;
          }
        }
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("no staged piece appeared; log:\n" + run.tail());
  }

  private List<Path> temporaryFiles() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
