package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.ddl.Sql;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.testing.RestoreChecks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The PostgreSQL 12 to 18 restore matrix: one small archive of the all-types schema per archive
 * variant, generated once, restored with {@code pg_restore -j 2} into a fresh database on every
 * server major from the variant's oldest reader to 18, by every pg_restore we have that reads it
 * (Debian's 15 and the 18 of .ci/pg18-client). Each restore must hold every row, the constraints,
 * and the same values as the reference restore (pg_restore 15 into PostgreSQL 15, the pair {@link
 * AllTypesRestoreTest} checks value by value). Each server starts once per JVM ({@link
 * PostgresServers}).
 *
 * <p>Restores run with {@code --exit-on-error}, except pg_restore 17+ into a server before 17:
 * pg_restore 17 and 18 open every session with {@code SET transaction_timeout = 0}
 * (pg_backup_archiver.c, _doSetFixedOutputState, unconditionally), a setting older servers reject.
 * That pair restores without {@code --exit-on-error}, and those SETs must be its only errors.
 */
class PostgresMatrixRestoreTest {
  /**
   * What the matrix restores: one archive each.
   *
   * @param oldestMajor the oldest PostgreSQL whose pg_restore reads it; it is restored into every
   *     server from that major to 18, by every pg_restore from that major on
   */
  record ArchiveVariant(
      String name, OutputFormat format, CompressionOption compression, int oldestMajor) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A pg_restore of one major. */
  record PgRestore(int major, Path path) {
    /**
     * The first pg_restore that sends {@code SET transaction_timeout}, and the first server that
     * knows it.
     */
    static final int TRANSACTION_TIMEOUT_MAJOR = 17;

    /** Whether this pg_restore restores into that server without a failing statement. */
    boolean runsCleanlyOn(int serverMajor) {
      return major < TRANSACTION_TIMEOUT_MAJOR || serverMajor >= TRANSACTION_TIMEOUT_MAJOR;
    }

    @Override
    public String toString() {
      return "pg_restore " + major;
    }
  }

  /** The archive variants; a new format or codec is one more line. */
  static final List<ArchiveVariant> VARIANTS =
      List.of(
          new ArchiveVariant(
              "gzip custom", OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP, 12),
          new ArchiveVariant(
              "zstd custom", OutputFormat.CUSTOM, CompressionOption.parse("zstd"), 16),
          new ArchiveVariant("lz4 custom", OutputFormat.CUSTOM, CompressionOption.parse("lz4"), 16),
          new ArchiveVariant(
              "gzip directory", OutputFormat.DIRECTORY, CompressionOption.DEFAULT_GZIP, 12),
          new ArchiveVariant(
              "zstd directory", OutputFormat.DIRECTORY, CompressionOption.parse("zstd"), 16),
          new ArchiveVariant(
              "lz4 directory", OutputFormat.DIRECTORY, CompressionOption.parse("lz4"), 16));

  private static final long ROWS = 2_000;
  private static final int REFERENCE_MAJOR = 15;
  private static final String TRANSACTION_TIMEOUT_ERROR =
      "pg_restore: error: could not execute query: ERROR:  unrecognized configuration parameter"
          + " \"transaction_timeout\"";

  private static final Pattern ERRORS_IGNORED =
      Pattern.compile(
          "^pg_restore: warning: errors ignored on restore: (\\d+)$", Pattern.MULTILINE);

  @TempDir static Path dir;
  private static Schema schema;
  private static final Map<ArchiveVariant, Path> ARCHIVES = new LinkedHashMap<>();
  private static Restored reference;

  /** The pg_restore clients of the build: Debian's (15) and the one .ci/pg18-client builds. */
  static List<PgRestore> clients() {
    return List.of(
        new PgRestore(15, PgTools.tool("pg_restore")),
        new PgRestore(18, PgTools.pg18Tool("pg_restore")));
  }

  static Stream<Arguments> matrix() {
    List<Arguments> cases = new ArrayList<>();
    for (ArchiveVariant variant : VARIANTS) {
      for (int server : PostgresServers.MAJOR_VERSIONS) {
        for (PgRestore client : clients()) {
          if (server >= variant.oldestMajor() && client.major() >= variant.oldestMajor()) {
            cases.add(Arguments.of(variant, server, client));
          }
        }
      }
    }
    return cases.stream();
  }

  @BeforeAll
  static void generateEveryVariantOnce() {
    schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/all-types.json").toString(), ROWS, null);
    JavaSparkContext spark = SparkSetup.start("local[2]");
    try {
      for (ArchiveVariant variant : VARIANTS) {
        Path archive = dir.resolve(variant.name().replace(' ', '-'));
        GenerateJob.run(
            spark,
            schema,
            SparkTestSupport.request(archive, 7, 2, variant.format(), variant.compression()),
            null);
        ARCHIVES.put(variant, archive);
      }
    } finally {
      spark.stop();
    }
    PostgresServers.Database db = PostgresServers.createDatabase(REFERENCE_MAJOR);
    PgTools.pgRestoreIntoDb(ARCHIVES.get(VARIANTS.get(0)), db.port(), db.name(), "-j", "2")
        .orThrow();
    reference = Restored.of(db, schema);
  }

  @ParameterizedTest(name = "{0} archive, {2} into PostgreSQL {1}")
  @MethodSource("matrix")
  void restoresIntoAFreshDatabase(ArchiveVariant variant, int server, PgRestore client) {
    PostgresServers.Database db = PostgresServers.createDatabase(server);
    Path archive = ARCHIVES.get(variant);
    if (client.runsCleanlyOn(server)) {
      PgTools.pgRestoreIntoDb(client.path(), archive, db.port(), db.name(), "-j", "2").orThrow();
    } else {
      assertOnlyTransactionTimeoutFails(
          PgTools.pgRestoreIntoDbKeepingOnAfterErrors(
              client.path(), archive, db.port(), db.name(), "-j", "2"));
    }
    assertThat(PgTools.query(db, "SHOW server_version_num").get(0).get(0))
        .startsWith(Integer.toString(server));
    RestoreChecks.assertCountsAndIntegrity(db, schema);
    Restored restored = Restored.of(db, schema);
    assertThat(restored.constraints()).isEqualTo(reference.constraints());
    assertThat(restored.tableDigests()).isEqualTo(reference.tableDigests());
  }

  /**
   * Every error is the rejected SET (one per session). pg_restore's closing count covers the
   * sessions of the leader only, so it is at most the number of errors printed.
   */
  private static void assertOnlyTransactionTimeoutFails(PgTools.Result result) {
    List<String> errors =
        result.stderr().lines().filter(line -> line.startsWith("pg_restore: error:")).toList();
    assertThat(errors).as(result.stderr()).isNotEmpty().allMatch(TRANSACTION_TIMEOUT_ERROR::equals);
    assertThat(result.stderr().lines().filter(line -> line.startsWith("Command was:")))
        .as(result.stderr())
        .allMatch("Command was: SET transaction_timeout = 0;"::equals);
    Matcher ignored = ERRORS_IGNORED.matcher(result.stderr());
    assertThat(ignored.find()).as(result.stderr()).isTrue();
    assertThat(Integer.parseInt(ignored.group(1))).isBetween(1, errors.size());
    assertThat(result.exitCode()).isOne();
  }

  @Test
  void theMatrixCoversEveryMajorAndTheClientsAreTheMajorsItNames() {
    assertThat(matrix().map(arguments -> (Integer) arguments.get()[1]).distinct().sorted())
        .containsExactly(12, 13, 14, 15, 16, 17, 18);
    List<ArchiveVariant> defaults =
        VARIANTS.stream()
            .filter(v -> v.compression().equals(CompressionOption.DEFAULT_GZIP))
            .toList();
    assertThat(defaults)
        .extracting(ArchiveVariant::format)
        .containsExactly(OutputFormat.CUSTOM, OutputFormat.DIRECTORY);
    for (ArchiveVariant gzip : defaults) {
      for (int server : PostgresServers.MAJOR_VERSIONS) {
        assertThat(
                matrix()
                    .map(Arguments::get)
                    .anyMatch(
                        arguments ->
                            arguments[0] == gzip
                                && (Integer) arguments[1] == server
                                && ((PgRestore) arguments[2]).runsCleanlyOn(server)))
            .as("PostgreSQL %d restores the default %s with --exit-on-error", server, gzip)
            .isTrue();
      }
    }
    for (PgRestore client : clients()) {
      assertThat(PgTools.run(List.of(client.path().toString(), "--version")).orThrow().stdoutText())
          .startsWith("pg_restore (PostgreSQL) " + client.major() + ".");
    }
    assertThat(reference.tableDigests()).hasSize(schema.tables().size());
    assertThat(reference.constraints()).isNotEmpty();
  }

  /**
   * What a restored database holds, in a form that does not depend on the server's version: each
   * table's rows as text (sorted, rendered with fixed session settings) digested, and the names and
   * kinds of the constraints.
   */
  record Restored(Map<String, String> tableDigests, List<String> constraints) {
    static Restored of(PostgresServers.Database db, Schema schema) {
      try (Connection connection = db.connect();
          Statement statement = connection.createStatement()) {
        statement.execute(
            "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'; SET IntervalStyle = 'postgres';"
                + " SET extra_float_digits = 1; SET bytea_output = 'hex'");
        Map<String, String> digests = new LinkedHashMap<>();
        for (TableSpec table : schema.tables()) {
          digests.put(
              table.name().toString(),
              single(
                  statement,
                  "SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) FROM "
                      + Sql.name(table.name())
                      + " t"));
        }
        // PostgreSQL 18 records NOT NULL constraints in pg_constraint too (contype 'n'); older
        // servers keep them in pg_attribute only, so they are left out to compare across majors.
        List<String> constraints = new ArrayList<>();
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || c.contype::text"
                    + " FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace"
                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.contype <> 'n'"
                    + " ORDER BY 1")) {
          while (rows.next()) {
            constraints.add(rows.getString(1));
          }
        }
        return new Restored(digests, constraints);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot read back " + db, e);
      }
    }

    private static String single(Statement statement, String sql) throws SQLException {
      try (ResultSet rows = statement.executeQuery(sql)) {
        rows.next();
        return rows.getString(1);
      }
    }
  }
}
