package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.testing.RestoreChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The product's main path, end to end: a five-table schema (uuid and serial keys, a self-reference,
 * a junction table with a composite key and a composite unique, an enum, 50,000 rows in the largest
 * table) → Spark local[2] → archive → real pg_restore (15, the client CI installs) into real
 * PostgreSQL 12, 15 and 18 servers, with the pg_restore options the README promises: {@code -j},
 * {@code -l}/{@code -L}, {@code --section}, {@code -t} and {@code --clean}.
 */
class EndToEndRestoreTest {
  private static JavaSparkContext spark;
  private static Schema schema;
  @TempDir static Path dir;
  private static Path archive;

  @BeforeAll
  static void generate() {
    spark = SparkSetup.start("local[2]");
    schema = SparkTestSupport.blogSchema();
    archive = dir.resolve("blog.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(archive, 42, null), null);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void largestTableHasAtLeastFiftyThousandRows() {
    assertThat(schema.tables().stream().mapToLong(TableSpec::rowCount).max().orElseThrow())
        .isGreaterThanOrEqualTo(50_000);
  }

  @ParameterizedTest(name = "into PostgreSQL {0}")
  @ValueSource(ints = {12, 15, 18})
  void restoresWithExactCountsNoOrphansValidForeignKeysAndWorkingSequences(int version) {
    PostgresServers.Database db = PostgresServers.createDatabase(version);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();

    RestoreChecks.assertCountsAndIntegrity(db, schema);
    assertThat(
            scalar(
                db,
                "SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace "
                    + "AND contype = 'p'"))
        .isEqualTo(5);

    // Sequences continue after the generated maximum: inserts without an id succeed.
    assertThat(
            scalar(db, "INSERT INTO public.categories (name) VALUES ('new category') RETURNING id"))
        .isEqualTo(61);
    assertThat(
            scalar(
                db,
                "INSERT INTO public.comments (post_id, user_id, body, rating, created_at) "
                    + "SELECT post_id, user_id, 'another', rating, created_at FROM public.comments LIMIT 1 RETURNING id"))
        .isEqualTo(50_001);
    // The enum column holds only the type's labels (the restore would fail otherwise) and uses
    // several.
    assertThat(scalar(db, "SELECT count(DISTINCT status) FROM public.posts")).isEqualTo(3);
  }

  @Test
  void pgRestore18ReadsItAndRestoresItIntoPostgreSQL18InParallel() {
    Path pgRestore18 = PgTools.pg18Tool("pg_restore");
    assertThat(PgTools.run(List.of(pgRestore18.toString(), "--version")).orThrow().stdoutText())
        .startsWith("pg_restore (PostgreSQL) 18.");
    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(pgRestore18, archive, db.port(), db.name(), "-j", "2").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
    // Both clients print the same script from it, but for the lines each writes itself: the random
    // \restrict key, and 18's SET transaction_timeout.
    String script15 = PgTools.pgRestoreToScript(archive).orThrow().stdoutText();
    String script18 =
        PgTools.run(List.of(pgRestore18.toString(), "-f", "-", archive.toString()))
            .orThrow()
            .stdoutText();
    assertThat(withoutRestrictLines(script18)).isEqualTo(withoutRestrictLines(script15));
  }

  private static String withoutRestrictLines(String script) {
    return script
        .lines()
        .filter(line -> !line.startsWith("\\restrict ") && !line.startsWith("\\unrestrict "))
        .filter(line -> !line.equals("SET transaction_timeout = 0;"))
        .collect(Collectors.joining("\n"));
  }

  @ParameterizedTest(name = "into PostgreSQL {0}")
  @ValueSource(ints = {12, 18})
  void restoresInParallelWithFourJobs(int version) {
    PostgresServers.Database db = PostgresServers.createDatabase(version);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-j", "4").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @Test
  void aListFileRestoresExactlyTheEntriesItKeeps() throws Exception {
    // pg_restore -l, then comment out one table's data and one index, as a user edits the list.
    List<String> list = PgTools.pgRestoreList(archive).orThrow().stdoutText().lines().toList();
    List<String> edited =
        list.stream()
            .map(
                line ->
                    line.endsWith(" TABLE DATA public comments ")
                            || line.endsWith(" INDEX public comments_post_id_idx ")
                        ? ";" + line
                        : line)
            .toList();
    assertThat(edited.stream().filter(line -> line.matches(";\\d+;.*")))
        .as("the two entries commented out")
        .hasSize(2);
    Path listFile = dir.resolve("edited.list");
    Files.write(listFile, edited);

    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-L", listFile.toString()).orThrow();

    assertThat(scalar(db, "SELECT count(*) FROM public.comments")).isZero();
    assertThat(scalar(db, "SELECT count(*) FROM public.posts")).isEqualTo(rowsOf("posts"));
    assertThat(
            scalar(db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'comments_post_id_idx'"))
        .isZero();
    assertThat(
            scalar(
                db, "SELECT count(*) FROM pg_indexes WHERE indexname = 'posts_published_at_idx'"))
        .isOne();
    // The foreign keys of the empty table are still created (and valid).
    assertThat(
            scalar(
                db,
                "SELECT count(*) FROM pg_constraint WHERE conrelid = 'public.comments'::regclass "
                    + "AND contype = 'f' AND convalidated"))
        .isEqualTo(2);
  }

  @Test
  void dashTRestoresOneTableAndItsDataWithoutItsSubsidiaryObjects() {
    // pg_restore's -t selects the TABLE and TABLE DATA entries of that name only: no indexes,
    // constraints, comments, sequences or types (pg_restore's documentation says so).
    PostgresServers.Database db = PostgresServers.createDatabase(12);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-t", "users").orThrow();

    assertThat(PgTools.query(db, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))
        .containsExactly(List.of("users"));
    assertThat(scalar(db, "SELECT count(*) FROM public.users")).isEqualTo(rowsOf("users"));
    assertThat(
            scalar(
                db,
                "SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"))
        .isZero();
  }

  @Test
  void dashTOfATableWithAnEnumColumnNeedsItsTypeRestoredFirst() throws Exception {
    // The caveat the README states: -t does not restore the types a table uses ...
    PostgresServers.Database db = PostgresServers.createDatabase(12);
    PgTools.Result alone = PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-t", "posts");
    assertThat(alone.exitCode()).isNotZero();
    assertThat(alone.stderr()).contains("type \"public.post_status\" does not exist");

    // ... a list file naming the type too does.
    Path listFile = dir.resolve("posts.list");
    Files.write(
        listFile,
        PgTools.pgRestoreList(archive)
            .orThrow()
            .stdoutText()
            .lines()
            .filter(
                line ->
                    line.endsWith(" TYPE public post_status ")
                        || line.endsWith(" TABLE public posts ")
                        || line.endsWith(" TABLE DATA public posts "))
            .toList());
    PostgresServers.Database typed = PostgresServers.createDatabase(12);
    PgTools.pgRestoreIntoDb(archive, typed.port(), typed.name(), "-L", listFile.toString())
        .orThrow();
    assertThat(scalar(typed, "SELECT count(*) FROM public.posts")).isEqualTo(rowsOf("posts"));
  }

  @Test
  void cleanRestoresOverAnEarlierRestoreWithoutDoublingAnything() {
    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "--clean").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);

    // Into an empty database --clean alone would fail on the first DROP; with --if-exists it works.
    PostgresServers.Database empty = PostgresServers.createDatabase(12);
    PgTools.pgRestoreIntoDb(archive, empty.port(), empty.name(), "--clean", "--if-exists")
        .orThrow();
    RestoreChecks.assertCountsAndIntegrity(empty, schema);
  }

  @Test
  void theThreeSectionsRestoredOneAfterAnotherMakeTheWholeDatabase() {
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    for (String section : List.of("pre-data", "data", "post-data")) {
      PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "--section", section).orThrow();
      if (section.equals("data")) {
        assertThat(
                scalar(
                    db,
                    "SELECT count(*) FROM pg_constraint WHERE connamespace = 'public'::regnamespace"))
            .as("no constraint before post-data")
            .isZero();
      }
    }
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  private static long rowsOf(String table) {
    return schema.tables().stream()
        .filter(t -> t.name().name().equals(table))
        .findFirst()
        .orElseThrow()
        .rowCount();
  }

  @Test
  void copyAndSqlScriptsLoadWithPsql() throws Exception {
    for (OutputFormat format : List.of(OutputFormat.COPY, OutputFormat.SQL)) {
      Path script = dir.resolve("blog-" + format.id() + ".sql");
      GenerateJob.run(
          spark,
          schema,
          SparkTestSupport.request(script, 42, 3, format, CompressionOption.NONE),
          null);
      PostgresServers.Database db = PostgresServers.createDatabase(15);
      PgTools.psqlFile(script, db.port(), db.name()).orThrow();
      assertThat(scalar(db, "SELECT count(*) FROM public.comments"))
          .as(format.id())
          .isEqualTo(50_000);
      RestoreChecks.assertCountsAndIntegrity(db, schema);
    }
  }

  @Test
  void leavesOnlyTheArchiveBehind() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.startsWith("."))
                  .collect(Collectors.toList()))
          .as("staging directories, temporary names or .crc files")
          .isEmpty();
    }
  }

  private static long scalar(PostgresServers.Database db, String sql) {
    return RestoreChecks.scalar(db, sql);
  }
}
