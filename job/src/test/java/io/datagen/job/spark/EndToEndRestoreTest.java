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

/**
 * The product's main path, end to end: a five-table schema (uuid and serial keys, a self-reference,
 * a junction table with a composite key and a composite unique, an enum, 50,000 rows in the largest
 * table) → Spark local[2] → archive → real pg_restore into a real PostgreSQL 15.
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

  @Test
  void restoresWithExactCountsNoOrphansValidForeignKeysAndWorkingSequences() {
    PostgresServers.Database db = PostgresServers.createDatabase(15);
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
  void restoresInParallelWithTwoJobs() {
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name(), "-j", "2").orThrow();
    assertThat(scalar(db, "SELECT count(*) FROM public.comments")).isEqualTo(50_000);
    assertThat(scalar(db, "SELECT count(*) FROM public.post_categories")).isEqualTo(20_000);
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
