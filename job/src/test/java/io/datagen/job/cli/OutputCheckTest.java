package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.cli.DatagenCliTest.Run;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.spark.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate --validate-output: what it accepts, and that a mismatch or a damaged output fails. */
class OutputCheckTest {
  @TempDir static Path dir;
  private static Path archive;
  private static Path script;

  private static final List<RunSummary.TableStats> PLANNED =
      List.of(
          new RunSummary.TableStats("users", 40, 0, 0),
          new RunSummary.TableStats("categories", 40, 0, 0),
          new RunSummary.TableStats("posts", 40, 0, 0),
          new RunSummary.TableStats("comments", 40, 0, 0),
          new RunSummary.TableStats("post_categories", 40, 0, 0));

  @BeforeAll
  static void generate() throws Exception {
    String schema =
        Paths.get(OutputCheckTest.class.getResource("/e2e/blog-core.json").toURI()).toString();
    archive = dir.resolve("blog.dump");
    script = dir.resolve("blog.copy.sql.gz");
    for (Path output : List.of(archive, script)) {
      Run run =
          DatagenCliTest.run(
              "generate",
              schema,
              "-o",
              output.toString(),
              "--seed",
              "4",
              "--rows",
              "40",
              "--master",
              "local[1]",
              "--validate-output");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.err())
          .contains("datagen: validated " + output)
          .contains("every table holds its planned rows (users: 40 rows");
    }
  }

  private static RunSummary summary(List<RunSummary.TableStats> tables) {
    return new RunSummary("x", "custom", 4, tables, 0, Duration.ZERO);
  }

  @Test
  void theRunsOwnOutputsPass() {
    assertThat(
            OutputCheck.check(
                archive, OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP, summary(PLANNED)))
        .hasSize(5)
        .contains("posts: 40 rows");
    assertThat(
            OutputCheck.check(
                script, OutputFormat.COPY, CompressionOption.DEFAULT_GZIP, summary(PLANNED)))
        .hasSize(5);
  }

  @Test
  void otherRowCountsOrTablesAreExitFiveNamingEveryDifference() {
    List<RunSummary.TableStats> other =
        List.of(
            new RunSummary.TableStats("users", 41, 0, 0),
            new RunSummary.TableStats("categories", 40, 0, 0),
            new RunSummary.TableStats("posts", 40, 0, 0),
            new RunSummary.TableStats("comments", 40, 0, 0),
            new RunSummary.TableStats("tags", 3, 0, 0));
    for (OutputFormat format : List.of(OutputFormat.CUSTOM, OutputFormat.COPY)) {
      Path output = format == OutputFormat.CUSTOM ? archive : script;
      assertThatThrownBy(
              () ->
                  OutputCheck.check(output, format, CompressionOption.DEFAULT_GZIP, summary(other)))
          .isInstanceOfSatisfying(
              DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.VERIFY))
          .hasMessageContaining("table users holds 40 rows, 41 planned")
          .hasMessageContaining("table tags has no data (3 rows planned)")
          .hasMessageContaining("table post_categories has data but was not planned");
    }
  }

  @Test
  void aDamagedOutputIsExitFive() throws Exception {
    byte[] bytes = Files.readAllBytes(archive);
    // The last table's data ends the archive: a byte changed in it breaks its deflate stream.
    bytes[bytes.length - 40] ^= 0x55;
    Path damaged = Files.write(dir.resolve("damaged.dump"), bytes);
    assertThatThrownBy(
            () ->
                OutputCheck.check(
                    damaged, OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP, summary(PLANNED)))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.VERIFY))
        .hasMessageStartingWith("--validate-output: ");
    byte[] gz = Files.readAllBytes(script);
    Path truncated =
        Files.write(
            dir.resolve("truncated.copy.sql.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
    assertThatThrownBy(
            () ->
                OutputCheck.check(
                    truncated, OutputFormat.COPY, CompressionOption.DEFAULT_GZIP, summary(PLANNED)))
        .isInstanceOf(DatagenException.class)
        .hasMessageContaining("cannot read back");
    assertThatThrownBy(
            () ->
                OutputCheck.check(
                    archive,
                    OutputFormat.DIRECTORY,
                    CompressionOption.DEFAULT_GZIP,
                    summary(PLANNED)))
        .hasMessageContaining("reads as a custom archive, not directory");
  }

  @Test
  void whatCannotBeReadBackIsRefusedBeforeAnyWork() throws Exception {
    String schema =
        Paths.get(OutputCheckTest.class.getResource("/e2e/blog-core.json").toURI()).toString();
    Path sql = dir.resolve("never.sql");
    Run run = DatagenCliTest.run("generate", schema, "-o", sql.toString(), "--validate-output");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("an INSERT script (--format sql) is not re-parsed");
    assertThat(sql).doesNotExist();
    Run stdout = DatagenCliTest.run("generate", schema, "-o", "-", "--validate-output");
    assertThat(stdout.exitCode()).isEqualTo(1);
    assertThat(stdout.err()).contains("stdout (-o -) cannot be re-read");
    Run restore =
        DatagenCliTest.run(
            "generate",
            schema,
            "-o",
            dir.resolve("r.dump").toString(),
            "--validate-output=everything");
    assertThat(restore.exitCode()).isEqualTo(1);
    assertThat(restore.err())
        .contains(
            "Invalid --validate-output=everything: use structure (read the output back; the"
                + " default) or restore");
  }
}
