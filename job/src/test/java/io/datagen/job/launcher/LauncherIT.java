package io.datagen.job.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher a user runs, on the packaged jar: {@code submit/datagen}, in a pseudo-terminal
 * (util-linux {@code script}) so the live progress display is exercised, and through shell
 * redirection for {@code template export > file}.
 */
class LauncherIT {
  private static final Path ROOT =
      Path.of(System.getProperty("datagen.root", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("submit/datagen");

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result shell(String command) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(List.of("bash", "-c", command))
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  @Test
  void aTerminalSessionShowsLiveProgressAndTheSummary() throws Exception {
    String generate =
        LAUNCHER
            + " generate --template ecommerce --param scale=20 -o shop.dump --seed 1"
            + " --segment-rows 8192 --partitions 64 --master local[2]";
    Result run = shell("script -qefc '" + generate + "' typescript.txt");
    assertThat(run.exitCode()).as(run.err()).isZero();
    String screen = Files.readString(dir.resolve("typescript.txt"), StandardCharsets.UTF_8);
    // The display redraws: cursor moved back to its first line, lines cleared, several states of
    // one table shown.
    assertThat(screen).contains("\033[2K  order_items").contains("F\033[2K");
    List<String> orderItemStates = new ArrayList<>();
    for (String line : screen.split("\n")) {
      int at = line.indexOf("order_items ");
      if (at >= 0 && line.contains("rows (")) {
        orderItemStates.add(line.substring(at).trim());
      }
    }
    assertThat(orderItemStates.stream().distinct().count())
        .as("distinct progress states")
        .isGreaterThan(1);
    io.datagen.job.templates.Template ecommerce =
        io.datagen.job.templates.TemplateCatalog.builtIn().get("ecommerce");
    long orderItems = ecommerce.defaultRows().get("order_items") * 20;
    long total = ecommerce.totalRows() * 20;
    assertThat(screen)
        .contains(
            String.format(java.util.Locale.ROOT, "%,d/%,d rows (100%%)", orderItems, orderItems))
        .contains("datagen: wrote shop.dump")
        .contains(String.format(java.util.Locale.ROOT, "%,d rows", total))
        .contains("seed 1");
    assertThat(PgTools.pgRestoreList(dir.resolve("shop.dump")).orThrow().stdoutText())
        .contains("TABLE DATA public orders");
  }

  @Test
  void exportedTemplateRedirectedToAFileGeneratesTheSameArchive() throws Exception {
    Result run =
        shell(
            LAUNCHER
                + " template export ecommerce --param scale=0.05 > shop.json && "
                + LAUNCHER
                + " generate shop.json -o a.dump --seed 2 -q && "
                + LAUNCHER
                + " generate --template ecommerce --param scale=0.05 -o b.dump --seed 2 -q && cmp a.dump b.dump");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(Files.size(dir.resolve("shop.json"))).isPositive();
  }

  @Test
  void archivesCanStreamToStdout() throws Exception {
    Result run =
        shell(
            LAUNCHER
                + " generate --template blog --param scale=0.1 -o - --seed 3 -q | pg_restore -l");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("TABLE DATA public comments");
  }

  @Test
  void writeErrorsOnStdoutAreOutputErrors() throws Exception {
    String generate =
        LAUNCHER + " generate --template blog --param scale=0.2 -o - --seed 3 -q --compress none";
    Result full = shell(generate + " > /dev/full");
    assertThat(full.exitCode()).as(full.err()).isEqualTo(4);
    assertThat(full.err().strip())
        .isEqualTo("datagen: Cannot write stdout: No space left on device");
    // A reader that stops early: the write fails with a broken pipe, which must not pass for
    // success.
    Result closed = shell("set -o pipefail; " + generate + " | head -c 100 > /dev/null");
    assertThat(closed.exitCode()).as(closed.err()).isEqualTo(4);
    assertThat(closed.err().strip()).isEqualTo("datagen: Cannot write stdout: Broken pipe");
    Result verbose = shell(generate + " --verbose > /dev/full");
    assertThat(verbose.exitCode()).isEqualTo(4);
    assertThat(verbose.err())
        .as("--verbose adds the stack trace")
        .startsWith("datagen: Cannot write stdout: No space left on device\n")
        .contains("\tat io.datagen.job.spark.GenerateJob");
  }

  @Test
  void failingTasksPrintOneLineWithoutStackTraces() throws Exception {
    // Staging on a full disk: every task attempt fails, which Spark logs with stack traces.
    Path small = Files.createDirectory(dir.resolve("small"));
    assertThat(shell("mount -t tmpfs -o size=64k tmpfs " + small).exitCode()).isZero();
    try {
      Result run =
          shell(
              LAUNCHER
                  + " generate --template blog --param scale=0.2 -o out.dump --seed 3 -q"
                  + " --compress none --staging "
                  + small.toUri());
      assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
      assertThat(run.err().lines().toList())
          .hasSize(1)
          .allMatch(line -> line.startsWith("datagen: Cannot write staging file"));
    } finally {
      shell("umount " + small);
    }
  }

  @Test
  void aSchemeWithoutAConnectorIsOneLineAndExitCodeFour() throws Exception {
    for (String[] uriAndConnector :
        new String[][] {
          {"gs://b/x.dump", "Google Cloud Storage connector (org.apache.hadoop:hadoop-gcp:3.5.0)"},
          {"foo://x/y.dump", "a Hadoop connector for 'foo'"}
        }) {
      Result run =
          shell(
              LAUNCHER
                  + " generate --template blog --param scale=0.01 --seed 1 -q --master local[1] -o "
                  + uriAndConnector[0]);
      assertThat(run.exitCode()).as(run.err()).isEqualTo(4);
      assertThat(run.err().lines().toList())
          .hasSize(1)
          .first()
          .asString()
          .startsWith("datagen: Cannot write -o " + uriAndConnector[0] + ": no Hadoop file system")
          .contains(uriAndConnector[1])
          .endsWith("to the class path, see docs/operations.md");
    }
  }

  @Test
  void exitCodesReachTheShell() throws Exception {
    Files.writeString(dir.resolve("bad.json"), "{\"version\": \"1.0\", \"tables\": {}");
    assertThat(shell(LAUNCHER + " validate bad.json").exitCode()).isEqualTo(2);
    assertThat(shell(LAUNCHER + " generate").exitCode()).isEqualTo(1);
  }

  @Test
  void theClassDataArchiveIsBuiltOnceThenMappedAndNeverFailsARun() throws Exception {
    Path cds = dir.resolve("cds");
    String env = "DATAGEN_CDS_DIR=" + cds + " ";
    Result built = shell(env + "DATAGEN_CDS=wait " + LAUNCHER + " template list");
    assertThat(built.exitCode()).as(built.err()).isZero();
    assertThat(built.err()).startsWith("datagen: building the class-data archive " + cds);
    List<Path> archives;
    try (var files = Files.list(cds)) {
      archives = files.filter(p -> p.toString().endsWith(".jsa")).toList();
    }
    assertThat(archives).as("one archive, no build leftovers").hasSize(1);
    try (var files = Files.list(cds)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(name -> name.startsWith(".build-") || name.endsWith(".lock"));
    }

    // The next command maps datagen's classes from it, and says nothing about it.
    Path classes = dir.resolve("classes.txt");
    Result mapped =
        shell(
            env
                + "DATAGEN_JAVA_OPTS=-Xlog:class+load:file="
                + classes
                + " "
                + LAUNCHER
                + " template list");
    assertThat(mapped.exitCode()).as(mapped.err()).isZero();
    assertThat(mapped.err()).isEmpty();
    assertThat(Files.readAllLines(classes))
        .anyMatch(
            line -> line.contains("io.datagen.job.cli.DatagenCli source: shared objects file"));

    // A directory that cannot be made (a file is in the way): runs work as without an archive.
    Path blocked = Files.writeString(dir.resolve("blocked"), "a file");
    Result waited =
        shell("DATAGEN_CDS_DIR=" + blocked + " DATAGEN_CDS=wait " + LAUNCHER + " version");
    assertThat(waited.exitCode()).as(waited.err()).isZero();
    assertThat(waited.out()).startsWith("datagen ");
    Result background = shell("DATAGEN_CDS_DIR=" + blocked + " " + LAUNCHER + " version");
    assertThat(background.exitCode()).as(background.err()).isZero();
    assertThat(background.err()).isEmpty();
    // A damaged archive under the expected name is skipped silently.
    assertThat(archives.get(0).toFile().setWritable(true)).isTrue();
    Files.write(archives.get(0), new byte[] {1, 2, 3});
    Result damaged = shell(env + LAUNCHER + " template list");
    assertThat(damaged.exitCode()).as(damaged.err()).isZero();
    assertThat(damaged.err()).isEmpty();
    assertThat(damaged.out()).contains("blog");
  }
}
