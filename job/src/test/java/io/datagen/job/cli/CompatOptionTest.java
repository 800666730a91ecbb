package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --compat PG_MAJOR} picks the fastest codec that pg_restore reads and refuses the codecs it
 * cannot read; {@code --format directory}'s own usage errors. Dry runs: the choice shows in the
 * plan, nothing is generated.
 */
class CompatOptionTest {
  @TempDir Path dir;

  private DatagenCliTest.Run dryRun(String... options) throws Exception {
    Path schema = Paths.get(CompatOptionTest.class.getResource("/e2e/blog-core.json").toURI());
    List<String> args =
        new ArrayList<>(List.of("generate", schema.toString(), "--seed", "1", "--dry-run"));
    if (!List.of(options).contains("-o")) {
      args.addAll(List.of("-o", dir.resolve("out").toString()));
    }
    args.addAll(List.of(options));
    return DatagenCliTest.run(args.toArray(String[]::new));
  }

  @ParameterizedTest(name = "--compat {0} {1} -> {2}")
  @CsvSource({
    "12, custom, gzip:1",
    "15, custom, gzip:1",
    "15, directory, gzip:1",
    "16, custom, lz4:1",
    "17, directory, lz4:1",
    "18, custom, lz4:1"
  })
  void picksTheFastestCodecThatPgRestoreReads(String major, String format, String codec)
      throws Exception {
    DatagenCliTest.Run run = dryRun("--compat", major, "--format", format);
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).contains("dry run — " + format + ", " + codec + ",");
  }

  @Test
  void withoutCompatArchivesAreGzipAtLevel6() throws Exception {
    for (String format : List.of("custom", "directory")) {
      DatagenCliTest.Run run = dryRun("--format", format);
      assertThat(run.out() + run.err()).contains("dry run — " + format + ", gzip:6,");
    }
  }

  @Test
  void aCodecTheCompatVersionReadsIsKept() throws Exception {
    DatagenCliTest.Run run = dryRun("--compat", "16", "--compress", "zstd:7");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out() + run.err()).contains("dry run — custom, zstd:7,");
    DatagenCliTest.Run gzip = dryRun("--compat", "12", "--compress", "gzip:9");
    assertThat(gzip.out() + gzip.err()).contains("dry run — custom, gzip:9,");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "--compat 15 --compress zstd|Invalid --compress zstd:3 with --compat 15: pg_restore 15"
            + " cannot read it (zstd archives need pg_restore 16 or newer); use gzip or none, or"
            + " raise --compat",
        "--compat 12 --compress lz4:3 --format directory|Invalid --compress lz4:3 with --compat 12:"
            + " pg_restore 12 cannot read it",
        "--compat 11|Invalid --compat 11: datagen writes archives for pg_restore 12 to 18",
        "--compat 19|Invalid --compat 19: datagen writes archives for pg_restore 12 to 18",
        "--compat 16 --format copy|--compat is for archives (--format custom or directory), which"
            + " pg_restore reads; any psql reads a --format copy script",
        "--format directory -o -|--format directory writes a directory, which stdout (-o -)"
            + " cannot hold; give -o DIR",
        "--format tar|Invalid format: 'tar' (expected one of custom, directory, copy, sql)"
      })
  void refusesWhatPgRestoreCannotReadWithAUsageError(String options, String message)
      throws Exception {
    DatagenCliTest.Run run = dryRun(options.split(" "));
    assertThat(run.exitCode()).isOne();
    assertThat(run.err()).contains(message);
  }

  @Test
  void aNonEmptyDirectoryIsRefusedBeforeAnyWork() throws Exception {
    Path busy = Files.createDirectory(dir.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "mine");
    Path schema = Paths.get(CompatOptionTest.class.getResource("/e2e/blog-core.json").toURI());
    DatagenCliTest.Run run =
        DatagenCliTest.run(
            "generate", schema.toString(), "--format", "directory", "-o", busy.toString());
    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err())
        .contains("Cannot write " + busy + ": the directory is not empty")
        .contains("remove it or name a new one");
    assertThat(busy.resolve("keep.txt")).hasContent("mine");
  }
}
