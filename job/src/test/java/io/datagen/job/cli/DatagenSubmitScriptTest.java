package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code submit/datagen-submit} splits its arguments between spark-submit and datagen, checked
 * against a stand-in spark-submit that prints what it receives (the real one runs in
 * DatagenSubmitIT).
 */
class DatagenSubmitScriptTest {
  @TempDir Path dir;
  private String jar;

  @BeforeEach
  void sparkHome() throws Exception {
    Path bin = Files.createDirectories(dir.resolve("spark/bin"));
    Path submit = bin.resolve("spark-submit");
    Files.writeString(submit, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    jar = Files.writeString(dir.resolve("datagen-job-cluster.jar"), "not really a jar").toString();
  }

  @Test
  void sparkOptionsGoBeforeTheClassAndJarDatagensAfter() throws Exception {
    assertThat(
            run(
                "--master",
                "yarn",
                "--name",
                "generate",
                "--verbose",
                "--conf",
                "spark.a=b",
                "generate",
                "s.json",
                "-o",
                "s3a://b/k.dump",
                "--master",
                "local[2]"))
        .containsExactly(
            "--master",
            "yarn",
            "--name",
            "generate",
            "--verbose",
            "--conf",
            "spark.a=b",
            "--class",
            "io.datagen.job.cli.DatagenCli",
            jar.toString(),
            "generate",
            "s.json",
            "-o",
            "s3a://b/k.dump",
            "--master",
            "local[2]");
  }

  @Test
  void aLoneDoubleDashAlsoEndsSparkSubmitsOptions() throws Exception {
    assertThat(run("--deploy-mode=client", "--", "validate", "s.json"))
        .containsExactly(
            "--deploy-mode=client",
            "--class",
            "io.datagen.job.cli.DatagenCli",
            jar.toString(),
            "validate",
            "s.json");
    assertThat(run("version"))
        .containsExactly("--class", "io.datagen.job.cli.DatagenCli", jar.toString(), "version");
  }

  @Test
  void aJarUriIsPassedToSparkSubmitAsItIs() throws Exception {
    // A Kubernetes image's jar (docs/operations.md): not a file here, spark-submit resolves it.
    jar = "local:///opt/datagen/datagen-job-cluster.jar";
    assertThat(run("version"))
        .containsExactly(
            "--class",
            "io.datagen.job.cli.DatagenCli",
            "local:///opt/datagen/datagen-job-cluster.jar",
            "version");
  }

  @Test
  void aMissingJarFileIsOneLineAndExitOne() throws Exception {
    jar = dir.resolve("missing.jar").toString();
    Process process = start("version");
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).isOne();
    assertThat(out)
        .isEqualTo(
            "datagen-submit: cannot find the job jar "
                + jar
                + "; build it with 'mvn -DskipTests package' or set DATAGEN_JAR\n");
  }

  private List<String> run(String... args) throws Exception {
    Process process = start(args);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out.lines().toList();
  }

  private Process start(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "bash",
                Path.of("")
                    .toAbsolutePath()
                    .getParent()
                    .resolve("submit/datagen-submit")
                    .toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("SPARK_HOME", dir.resolve("spark").toString());
    builder.environment().put("DATAGEN_JAR", jar.toString());
    return builder.start();
  }
}
