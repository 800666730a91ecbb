package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InspectCommandTest {
  @TempDir Path dir;

  private static DatagenCliTest.Run run(String... args) {
    return DatagenCliTest.run(args);
  }

  @Test
  void listsTheTocAndCountsRowsOfPgDumpsOwnArchive() throws Exception {
    Path file = dir.resolve("pg_dump.dump");
    PostgresServers.Database database =
        dumpItems(15, PgTools.tool("pg_dump"), "E'\\n'", 1234, file, "-Fc");

    DatagenCliTest.Run run = run("inspect", file.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(";     dbname: " + database.name())
        .contains("Dump Version: 1.14-0")
        .containsPattern("\\d+; \\d+ \\d+ TABLE DATA public items postgres")
        .contains(";     data: 1,234 rows")
        .contains("; Total rows: 1,234");
    assertThat(run("inspect", "--no-data", file.toString()).out()).doesNotContain("Total rows");
  }

  @Test
  void countsRowsOfDatagensOwnArchive() throws Exception {
    Path schema = dir.resolve("s.json");
    Files.writeString(
        schema,
        """
        {"version": "1.0", "database": {"name": "tiny"},
         "tables": {"t": {"row_count": 777, "columns": {"id": {"type": "serial", "primary_key": true},
                                                          "note": {"type": "text", "null_ratio": 0.5}}}}}
        """);
    Path archive = dir.resolve("tiny.dump");
    DatagenCliTest.Run generated =
        run(
            "generate",
            schema.toString(),
            "-o",
            archive.toString(),
            "--seed",
            "1",
            "--master",
            "local[1]",
            "-q");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    assertThat(generated.err()).isEmpty();
    DatagenCliTest.Run run = run("inspect", archive.toString());
    assertThat(run.out())
        .contains("Archive created at 2025-01-01 00:00:00 UTC")
        .contains("data: 777 rows")
        .contains("SEQUENCE SET public t_id_seq");
  }

  /** pg_dump's own -Fd archives: 15 (gzip, .dat.gz files) and 18 (zstd, .dat.zst files). */
  @ParameterizedTest(name = "pg_dump {0} -Fd -Z {1}")
  @CsvSource({"15, 6, gzip, 1.14-0", "18, zstd, zstd, 1.16-0"})
  void readsPgDumpsOwnDirectoryArchives(int major, String level, String codec, String version)
      throws Exception {
    Path pgDump = major == 18 ? PgTools.pg18Tool("pg_dump") : PgTools.tool("pg_dump");
    Path archive = dir.resolve("pg_dump-" + major);
    dumpItems(major, pgDump, "E'\\t'", 4321, archive, "-Fd", "-Z", level);

    DatagenCliTest.Run run = run("inspect", archive.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Dump Version: " + version)
        .contains(";     Format: DIRECTORY")
        .contains(";     Compression: " + codec)
        .contains(";     data: 4,321 rows")
        .contains("; Total rows: 4,321");
  }

  @Test
  void countsRowsOfDatagensOwnDirectoryArchive() throws Exception {
    Path schema = dir.resolve("d.json");
    Files.writeString(
        schema,
        """
        {"version": "1.0", "database": {"name": "tiny"},
         "tables": {"t": {"row_count": 5555, "columns": {"id": {"type": "serial", "primary_key": true}}}}}
        """);
    Path archive = dir.resolve("tiny.dir");
    DatagenCliTest.Run generated =
        run(
            "generate",
            schema.toString(),
            "-o",
            archive.toString(),
            "--format",
            "directory",
            "--compress",
            "lz4",
            "--segment-rows",
            "500",
            "--seed",
            "1",
            "--master",
            "local[1]",
            "-q");
    assertThat(generated.exitCode()).as(generated.err()).isZero();
    DatagenCliTest.Run run = run("inspect", archive.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Dump Version: 1.15-0")
        .contains(";     Format: DIRECTORY")
        .contains(";     Compression: lz4")
        .contains("data: 5,555 rows");
    Files.delete(archive.resolve("toc.dat"));
    DatagenCliTest.Run incomplete = run("inspect", archive.toString());
    assertThat(incomplete.exitCode()).isEqualTo(5);
    assertThat(incomplete.err()).contains("has no toc.dat");
  }

  @Test
  void aFileThatIsNotAnArchiveIsAVerifyError() throws Exception {
    Path file = dir.resolve("not.dump");
    Files.writeString(file, "-- a plain SQL script\n");
    DatagenCliTest.Run run = run("inspect", file.toString());
    assertThat(run.exitCode()).isEqualTo(5);
    assertThat(run.err()).contains("Cannot inspect").contains("PGDMP");
    assertThat(run("inspect", dir.resolve("missing.dump").toString()).exitCode()).isEqualTo(1);
  }

  /**
   * A table {@code items} of {@code rows} rows ({@code 'line ' || g || end}) in a fresh database of
   * that major, dumped to {@code file} by that pg_dump with the {@code format} options.
   */
  private static PostgresServers.Database dumpItems(
      int major, Path pgDump, String end, int rows, Path file, String... format) throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(major);
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE items (id integer PRIMARY KEY, label text); "
              + "INSERT INTO items SELECT g, 'line ' || g || "
              + end
              + " FROM generate_series(1, "
              + rows
              + ") g");
    }
    List<String> command = new java.util.ArrayList<>(List.of(pgDump.toString()));
    command.addAll(List.of(format));
    command.addAll(
        List.of(
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(database.port()),
            "-U",
            PostgresServers.SUPERUSER,
            "-f",
            file.toString(),
            database.name()));
    PgTools.run(command).orThrow();
    return database;
  }
}
