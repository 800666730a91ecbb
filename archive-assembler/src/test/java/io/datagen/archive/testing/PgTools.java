package io.datagen.archive.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the system PostgreSQL client tools ({@code pg_restore}, {@code psql}; Debian
 * postgresql-client at /usr/bin) against embedded servers on 127.0.0.1, with a timeout.
 */
public final class PgTools {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);
  private static final String BIN_DIR_PROPERTY = "datagen.pgclient.bin";
  private static final String PG18_BIN_DIR_PROPERTY = "datagen.pg18.bin";

  private PgTools() {}

  /** Exit code and captured output of one tool run. */
  public record Result(List<String> command, int exitCode, byte[] stdout, String stderr) {
    public String stdoutText() {
      return new String(stdout, StandardCharsets.UTF_8);
    }

    public boolean succeeded() {
      return exitCode == 0;
    }

    /** Throws with the command and its stderr unless it exited 0. */
    public Result orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException(
            "Command failed with exit code "
                + exitCode
                + ": "
                + String.join(" ", command)
                + "\n--- stderr ---\n"
                + stderr);
      }
      return this;
    }
  }

  public static Path tool(String name) {
    return executable(
        Paths.get(System.getProperty(BIN_DIR_PROPERTY, "/usr/bin"), name),
        name,
        "install the PostgreSQL client (apt-get install postgresql-client) or set -D"
            + BIN_DIR_PROPERTY);
  }

  /**
   * A PostgreSQL 18 client tool, built from Debian's source package by {@code .ci/pg18-client} into
   * {@code $DATAGEN_PG18_HOME/bin} (default {@code ~/.cache/datagen/postgresql-18/bin}), or where
   * {@code -Ddatagen.pg18.bin} says: the client for archives 1.15+ (zstd, lz4), which Debian's
   * postgresql-client 15 cannot read.
   */
  public static Path pg18Tool(String name) {
    String home = System.getenv("DATAGEN_PG18_HOME");
    String dir =
        System.getProperty(
            PG18_BIN_DIR_PROPERTY,
            (home != null && !home.isBlank()
                    ? Paths.get(home)
                    : Paths.get(
                        System.getProperty("user.home"), ".cache", "datagen", "postgresql-18"))
                .resolve("bin")
                .toString());
    return executable(
        Paths.get(dir, name),
        "PostgreSQL 18's " + name,
        "build it with .ci/pg18-client (or set -D" + PG18_BIN_DIR_PROPERTY + ")");
  }

  private static Path executable(Path path, String what, String remedy) {
    if (!Files.isExecutable(path)) {
      throw new IllegalStateException("Cannot find " + what + " at " + path + ": " + remedy);
    }
    return path;
  }

  /** {@code pg_restore --version}, e.g. "pg_restore (PostgreSQL) 15.18 (Debian …)". */
  public static String pgRestoreVersion() {
    return run(List.of(tool("pg_restore").toString(), "--version")).orThrow().stdoutText().trim();
  }

  public static Result pgRestoreList(Path archive) {
    return run(List.of(tool("pg_restore").toString(), "-l", archive.toString()));
  }

  public static Result pgRestoreToScript(Path archive) {
    return run(List.of(tool("pg_restore").toString(), "-f", "-", archive.toString()));
  }

  /** Restores into a database with {@code --exit-on-error} as user postgres. */
  public static Result pgRestoreIntoDb(
      Path archive, int port, String database, String... extraArgs) {
    return pgRestoreIntoDb(tool("pg_restore"), archive, port, database, extraArgs);
  }

  /** As {@link #pgRestoreIntoDb(Path, int, String, String...)}, with that pg_restore. */
  public static Result pgRestoreIntoDb(
      Path pgRestore, Path archive, int port, String database, String... extraArgs) {
    List<String> options = new ArrayList<>(List.of("--exit-on-error"));
    options.addAll(Arrays.asList(extraArgs));
    return pgRestoreIntoDbKeepingOnAfterErrors(
        pgRestore, archive, port, database, options.toArray(String[]::new));
  }

  /**
   * Restores into a database as user postgres without {@code --exit-on-error}: pg_restore carries
   * on after a failed statement, reports each on stderr and exits 1 at the end.
   */
  public static Result pgRestoreIntoDbKeepingOnAfterErrors(
      Path pgRestore, Path archive, int port, String database, String... extraArgs) {
    List<String> command =
        new ArrayList<>(
            List.of(
                pgRestore.toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port),
                "-U",
                PostgresServers.SUPERUSER,
                "-d",
                database));
    command.addAll(Arrays.asList(extraArgs));
    command.add(archive.toString());
    return run(command);
  }

  /** {@code psql -v ON_ERROR_STOP=1 -f file}. */
  public static Result psqlFile(Path script, int port, String database) {
    return run(
        List.of(
            tool("psql").toString(),
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            "127.0.0.1",
            "-p",
            Integer.toString(port),
            "-U",
            PostgresServers.SUPERUSER,
            "-d",
            database,
            "-f",
            script.toString()));
  }

  /** Runs a query over JDBC and returns every row as strings (SQL NULL as Java null). */
  public static List<List<String>> query(PostgresServers.Database database, String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet resultSet = statement.executeQuery(sql)) {
      ResultSetMetaData meta = resultSet.getMetaData();
      List<List<String>> rows = new ArrayList<>();
      while (resultSet.next()) {
        List<String> row = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(resultSet.getString(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run query on " + database + ": " + sql, e);
    }
  }

  public static Result run(List<String> command) {
    return run(command, DEFAULT_TIMEOUT);
  }

  public static Result run(List<String> command, Duration timeout) {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    builder.environment().put("LC_ALL", "C.UTF-8");
    builder.environment().remove("PGPASSWORD");
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
    try {
      process.getOutputStream().close();
      ByteArrayOutputStream stdout = new ByteArrayOutputStream();
      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Thread out = drain(process.getInputStream(), stdout);
      Thread err = drain(process.getErrorStream(), stderr);
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "Command timed out after " + timeout + ": " + String.join(" ", command));
      }
      out.join();
      err.join();
      return new Result(
          List.copyOf(command),
          process.exitValue(),
          stdout.toByteArray(),
          stderr.toString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot run " + command, e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command, e);
    }
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream target) {
    Thread thread =
        new Thread(
            () -> {
              try (in) {
                in.transferTo(target);
              } catch (IOException e) {
                // the process died; whatever was read is kept
              }
            },
            "pg-tool-drain");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
