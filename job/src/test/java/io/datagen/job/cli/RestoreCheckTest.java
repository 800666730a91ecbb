package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.testing.PgTools;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.cli.DatagenCliTest.Run;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.scratch.PgClientTool;
import io.datagen.job.scratch.ScratchServer;
import io.datagen.job.spark.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate --validate-output=restore: every output format restores into the scratch server (one
 * shared server for those), two whole runs that each start and remove their own (one passes, one
 * fails on a row PostgreSQL rejects), and the refusals before any work.
 */
class RestoreCheckTest {
  @TempDir static Path dir;
  private static Path schema;
  private static ScratchServer server;
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private static final List<String> TABLES =
      List.of("users", "categories", "posts", "comments", "post_categories");

  /** Rows violate this CHECK: the generators do not understand its shape (a warning says so). */
  private static final String REJECTED_SCHEMA =
      """
      {
        "version": "1.0",
        "database": {"name": "readings"},
        "tables": {
          "readings": {
            "columns": {
              "id": {"type": "integer", "primary_key": true},
              "value": {"type": "integer", "nullable": false}
            },
            "check_constraints": [{"expression": "value % 7 = 3", "name": "readings_value_mod7"}],
            "row_count": 50
          }
        }
      }
      """;

  @BeforeAll
  static void startServer() throws Exception {
    schema = Paths.get(RestoreCheckTest.class.getResource("/e2e/blog-core.json").toURI());
    server =
        ScratchServer.start(
            ScratchServer.defaultBinariesCache(System.getenv()),
            Files.createDirectories(dir.resolve("shared-server")));
  }

  @AfterAll
  static void theServerIsGoneAfterClose() {
    long pid = server.postmasterPid();
    Path data = server.dataDirectory();
    assertThat(ProcessHandle.of(pid)).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());
    server.close();
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive)).isEmpty();
    assertThat(data).doesNotExist();
    server.close(); // idempotent
  }

  private static Path generate(String name, String... options) {
    Path output = dir.resolve(name);
    List<String> args =
        Stream.concat(
                Stream.of(
                    "generate", schema.toString(), "-o", output.toString(), "--seed", "4", "-q"),
                Stream.of(options))
            .toList();
    Run run = DatagenCliTest.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return output;
  }

  private static RunSummary planned(long users) {
    List<RunSummary.TableStats> tables =
        TABLES.stream()
            .map(t -> new RunSummary.TableStats(t, t.equals("users") ? users : 40, 0, 0))
            .toList();
    return new RunSummary("x", "x", 4, tables, 0, Duration.ZERO);
  }

  private static List<String> restore(
      Path output, OutputFormat format, CompressionOption compression, String pgBin) {
    RestoreCheck check = RestoreCheck.prepare(format, compression, false, pgBin, System.getenv());
    return check.restoreInto(
        server, "check_" + DATABASES.incrementAndGet(), output, format, compression, planned(40));
  }

  private static String pg18Bin() {
    return PgTools.pg18Tool("pg_restore").getParent().toString();
  }

  @Test
  void archivesAndScriptsRestoreWithTheirClientAndHoldThePlannedRows() {
    Path zstdDirectory =
        generate("zstd-dir", "--rows", "40", "--format", "directory", "--compress", "zstd");
    assertThat(
            restore(
                zstdDirectory, OutputFormat.DIRECTORY, CompressionOption.parse("zstd"), pg18Bin()))
        .containsExactly(
            "users: 40 rows",
            "categories: 40 rows",
            "posts: 40 rows",
            "comments: 40 rows",
            "post_categories: 40 rows");
    Path copyScript = generate("blog.copy.sql.gz", "--rows", "40");
    assertThat(restore(copyScript, OutputFormat.COPY, CompressionOption.DEFAULT_GZIP, "/usr/bin"))
        .hasSize(5);
    Path insertScript = generate("blog.sql", "--rows", "40");
    assertThat(restore(insertScript, OutputFormat.SQL, CompressionOption.NONE, "/usr/bin"))
        .hasSize(5);
  }

  @Test
  void rowsOtherThanPlannedAreExitFiveNamingTheTable() {
    Path archive = generate("counts.dump", "--rows", "40");
    RestoreCheck check =
        RestoreCheck.prepare(
            OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP, false, null, System.getenv());
    assertThatThrownBy(
            () ->
                check.restoreInto(
                    server,
                    "check_" + DATABASES.incrementAndGet(),
                    archive,
                    OutputFormat.CUSTOM,
                    CompressionOption.DEFAULT_GZIP,
                    planned(41)))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.VERIFY))
        .hasMessageContaining("table users holds 40 rows, 41 planned")
        .hasMessageContaining("The output is complete and left in place");
  }

  @Test
  void aGenerateThatRestoresPassesAndLeavesNoServerBehind() throws IOException {
    Set<Path> before = scratchDirectories();
    Path output = dir.resolve("passes.dump");
    Run run =
        DatagenCliTest.run(
            "generate",
            schema.toString(),
            "-o",
            output.toString(),
            "--seed",
            "4",
            "--rows",
            "30",
            "--validate-output=restore");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("datagen: validated " + output)
        .contains(
            "datagen: restored "
                + output
                + " with pg_restore, and every table holds its planned rows there (users: 30 rows")
        .contains("the server and its data directory are removed");
    assertNoServerLeft(before);
  }

  @Test
  void aRowPostgresRejectsIsExitFiveWithPgRestoresFirstErrorAndTheOutputKept() throws IOException {
    Path rejected = Files.writeString(dir.resolve("readings.json"), REJECTED_SCHEMA);
    Path output = dir.resolve("readings.dump");
    Set<Path> before = scratchDirectories();
    Run run =
        DatagenCliTest.run(
            "generate",
            rejected.toString(),
            "-o",
            output.toString(),
            "--seed",
            "1",
            "--validate-output=restore");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(5);
    // The read-back check passes: the archive is sound; PostgreSQL refuses its rows.
    assertThat(run.err()).contains("datagen: validated " + output);
    String failure =
        run.err()
            .lines()
            .filter(l -> l.startsWith("datagen: --validate-output=restore"))
            .findFirst()
            .orElseThrow();
    assertThat(failure)
        .startsWith(
            "datagen: --validate-output=restore: "
                + output
                + ": pg_restore 15 could not restore it into a scratch PostgreSQL 18 server:"
                + " pg_restore: error: COPY failed for table \"readings\"")
        .contains("violates check constraint \"readings_value_mod7\"")
        .endsWith(
            "The output is complete and left in place; restore it into a server of your own to"
                + " see every error, or fix the schema and generate again");
    assertThat(output).isRegularFile();
    assertNoServerLeft(before);
  }

  @Test
  void aClientThatCannotReadTheOutputIsRefusedBeforeAnyWork() {
    Path zstd = dir.resolve("never.dump");
    Run tooOld =
        DatagenCliTest.run(
            "generate",
            schema.toString(),
            "-o",
            zstd.toString(),
            "--compress",
            "zstd",
            "--validate-output=restore",
            "--pg-bin",
            "/usr/bin");
    assertThat(tooOld.exitCode()).isEqualTo(1);
    assertThat(tooOld.err())
        .contains(
            "--validate-output=restore: Cannot use /usr/bin/pg_restore (\"pg_restore (PostgreSQL)"
                + " 15.")
        .contains("a zstd archive needs pg_restore 16 or newer, this one is 15; pass --pg-bin DIR");
    assertThat(zstd).doesNotExist();

    Path missing = dir.resolve("missing");
    Run notFound =
        DatagenCliTest.run(
            "generate",
            schema.toString(),
            "-o",
            dir.resolve("never.copy.sql").toString(),
            "--validate-output=restore",
            "--pg-bin",
            missing.toString());
    assertThat(notFound.exitCode()).isEqualTo(1);
    assertThat(notFound.err())
        .contains("Cannot find psql in --pg-bin " + missing + ": install the PostgreSQL client");
    assertThat(dir.resolve("never.copy.sql")).doesNotExist();

    Run dataOnly =
        DatagenCliTest.run(
            "generate",
            schema.toString(),
            "-o",
            dir.resolve("never2.dump").toString(),
            "--data-only",
            "--validate-output=restore");
    assertThat(dataOnly.exitCode()).isEqualTo(1);
    assertThat(dataOnly.err()).contains("a --data-only output has no tables to fill");
  }

  @Test
  void theClientIsFoundThroughPgBinTheVariableOrPath() {
    String pg18 = pg18Bin();
    assertThat(PgClientTool.find("pg_restore", pg18, Map.of()).majorVersion()).isEqualTo(18);
    assertThat(
            PgClientTool.find("pg_restore", null, Map.of(PgClientTool.BIN_DIR_VARIABLE, pg18))
                .majorVersion())
        .isEqualTo(18);
    PgClientTool onPath = PgClientTool.find("psql", null, Map.of("PATH", "/nowhere:/usr/bin"));
    assertThat(onPath.path()).isEqualTo(Path.of("/usr/bin/psql"));
    assertThat(onPath.majorVersion()).isEqualTo(15);
  }

  /** The scratch servers' data directories under java.io.tmpdir (where generate makes them). */
  private static Set<Path> scratchDirectories() throws IOException {
    try (Stream<Path> entries = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return entries
          .filter(p -> p.getFileName().toString().startsWith("datagen-scratch-pg-"))
          .collect(Collectors.toSet());
    }
  }

  private static void assertNoServerLeft(Set<Path> before) throws IOException {
    assertThat(scratchDirectories()).isSubsetOf(before);
    // The postmaster leaves pg_ctl's process tree (it daemonizes), so look at every process.
    String ownDataDirectories = "-D " + Path.of(System.getProperty("java.io.tmpdir"));
    assertThat(
            ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> String.join(" ", p.info().arguments().orElse(new String[0])))
                .filter(
                    arguments -> arguments.contains(ownDataDirectories + "/datagen-scratch-pg-"))
                .filter(
                    arguments -> before.stream().noneMatch(d -> arguments.contains(d.toString()))))
        .as("scratch servers left running")
        .isEmpty();
  }
}
