package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.ddl.Sql;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.scratch.ClientRun;
import io.datagen.job.scratch.PgClientTool;
import io.datagen.job.scratch.ScratchException;
import io.datagen.job.scratch.ScratchLibraries;
import io.datagen.job.scratch.ScratchServer;
import io.datagen.job.spark.RunSummary;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code generate --validate-output=restore}: after the read-back check, restores the output into a
 * throwaway PostgreSQL server ({@link ScratchServer}) with {@code pg_restore --exit-on-error}
 * (archives) or {@code psql -v ON_ERROR_STOP=1} (scripts), then counts each table's rows over JDBC
 * against the plan. A failure is exit 5 and leaves the (complete) output in place.
 */
final class RestoreCheck {
  /** The oldest client that reads what datagen writes: archive 1.14, and the scripts' SET lines. */
  static final int OLDEST_CLIENT_MAJOR = 12;

  private static final String DATABASE = "datagen_check";

  /** The client tool, found and its version checked before the run does any work. */
  private final PgClientTool client;

  private RestoreCheck(PgClientTool client) {
    this.client = client;
  }

  /**
   * Finds {@code pg_restore} (archives) or {@code psql} (scripts) and refuses, before any work, a
   * client that cannot read the output, or an output that cannot be restored into an empty
   * database.
   */
  static RestoreCheck prepare(
      OutputFormat format,
      CompressionOption compression,
      boolean dataOnly,
      String pgBin,
      Map<String, String> environment) {
    if (dataOnly) {
      throw usage(
          "--validate-output=restore restores into an empty database, where a --data-only output"
              + " has no tables to fill; use --validate-output (the read-back check) instead");
    }
    String tool = format.isArchive() ? "pg_restore" : "psql";
    try {
      ScratchLibraries.require(RestoreCheck.class.getClassLoader());
      PgClientTool client = PgClientTool.find(tool, pgBin, environment);
      client.requireAtLeast(OLDEST_CLIENT_MAJOR, "restoring datagen's output");
      if (!compression.readableByEveryPgRestore()) {
        client.requireAtLeast(
            CompressionOption.ZSTD_LZ4_PG_MAJOR,
            "a " + compression.algorithm().name().toLowerCase(java.util.Locale.ROOT) + " archive");
      }
      return new RestoreCheck(client);
    } catch (ScratchException e) {
      throw usage("--validate-output=restore: " + e.getMessage());
    }
  }

  PgClientTool client() {
    return client;
  }

  /**
   * Restores {@code written} into a fresh scratch server and checks every planned table's rows.
   *
   * @return one line per table checked
   */
  List<String> check(
      Path written, OutputFormat format, CompressionOption compression, RunSummary summary) {
    try (ScratchServer server =
        ScratchServer.start(
            ScratchServer.defaultBinariesCache(System.getenv()),
            Path.of(System.getProperty("java.io.tmpdir")))) {
      server.onShutdown(
          () ->
              System.err.println(
                  "datagen: interrupted while restoring "
                      + written
                      + " into the throwaway PostgreSQL server; stopped it and removed its data"
                      + " directory "
                      + server.dataDirectory()
                      + " (the output is complete and left in place)"));
      try {
        return restoreInto(server, DATABASE, written, format, compression, summary);
      } catch (ScratchException | DatagenException e) {
        if (server.stoppedByShutdown()) {
          awaitJvmExit();
        }
        throw e;
      }
    } catch (ScratchException e) {
      throw failed(written, e.getMessage());
    }
  }

  /**
   * Restores into a new database of a running server and counts the rows (tests share one server
   * through this).
   */
  List<String> restoreInto(
      ScratchServer server,
      String databaseName,
      Path written,
      OutputFormat format,
      CompressionOption compression,
      RunSummary summary) {
    String database = server.createDatabase(databaseName);
    ClientRun run =
        format.isArchive()
            ? server.restoreArchive(client, written, database)
            : server.runScript(
                client,
                written,
                compression.algorithm() != CompressionOption.NONE.algorithm(),
                database);
    if (!run.succeeded()) {
      throw failed(
          written,
          client.name()
              + " "
              + client.majorVersion()
              + " could not restore it into a scratch PostgreSQL "
              + ScratchServer.MAJOR_VERSION
              + " server: "
              + run.firstErrorLine());
    }
    return countRows(server, database, written, summary);
  }

  /**
   * The JVM is ending (Ctrl-C, SIGTERM) and the shutdown hook has said so in one line: the failure
   * this thread saw (a client cut off from the stopped server) is only a consequence, so it waits
   * for the exit instead of reporting it.
   */
  private static void awaitJvmExit() {
    try {
      new java.util.concurrent.CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<String> countRows(
      ScratchServer server, String database, Path written, RunSummary summary) {
    List<String> checked = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    try (Connection connection = server.connect(database);
        Statement statement = connection.createStatement()) {
      for (RunSummary.TableStats table : summary.tables()) {
        String name = Sql.name(QualifiedName.parse(table.table()));
        long rows;
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + name)) {
          result.next();
          rows = result.getLong(1);
        } catch (SQLException e) {
          problems.add("table " + table.table() + ": " + e.getMessage());
          continue;
        }
        if (rows != table.rows()) {
          problems.add(
              "table " + table.table() + " holds " + rows + " rows, " + table.rows() + " planned");
        } else {
          checked.add(table.table() + ": " + rows + (rows == 1 ? " row" : " rows"));
        }
      }
    } catch (SQLException e) {
      throw failed(written, "cannot query the restored database: " + e.getMessage());
    }
    if (!problems.isEmpty()) {
      throw failed(
          written, "the restored database does not match the run: " + String.join("; ", problems));
    }
    return checked;
  }

  private static DatagenException failed(Path written, String what) {
    return new DatagenException(
        ErrorCategory.VERIFY,
        "--validate-output=restore: "
            + written
            + ": "
            + what
            + ". The output is complete and left in place; restore it into a server of your own"
            + " to see every error, or fix the schema and generate again");
  }

  private static DatagenException usage(String message) {
    return new DatagenException(ErrorCategory.USAGE, message);
  }
}
