package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.schema.Schema;
import io.datagen.job.spark.SchemaInput;
import io.datagen.job.testing.RestoreChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --compress zstd:N} (and lz4): a 1.15.0 custom archive that the real pg_restore 18
 * restores into PostgreSQL 18 (in parallel), that pg_restore 15 refuses as it refuses pg_dump 16's
 * archives, that {@code inspect} reads, and whose bytes do not depend on the partitioning.
 */
class ZstdAndLz4RestoreTest {
  @TempDir static Path dir;
  static Path schemaFile;
  static Path archive;

  @BeforeAll
  static void generate() throws Exception {
    schemaFile = Paths.get(ZstdAndLz4RestoreTest.class.getResource("/e2e/blog-core.json").toURI());
    archive =
        generate("blog-zstd.dump", "zstd:3", "local[2]", "3", "--manifest", dir.resolve("m.json"));
  }

  private static Path generate(
      String name, String compress, String master, String partitions, Object... extra) {
    Path out = dir.resolve(name);
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "generate",
                schemaFile.toString(),
                "-o",
                out.toString(),
                "--seed",
                "42",
                "--compress",
                compress,
                "--master",
                master,
                "--partitions",
                partitions,
                "--segment-rows",
                "4096",
                "-q"));
    Arrays.stream(extra).map(Object::toString).forEach(args::add);
    DatagenCliTest.Run run = DatagenCliTest.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    return out;
  }

  @Test
  void pgRestore18RestoresItIntoPostgreSQL18InParallel() {
    Schema schema = SchemaInput.load(schemaFile.toString(), null, null);
    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(
            PgTools.pg18Tool("pg_restore"), archive, db.port(), db.name(), "-j", "2")
        .orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @Test
  void theHeaderSaysZstdAndPgRestore15RefusesIt() throws Exception {
    byte[] head = Arrays.copyOf(Files.readAllBytes(archive), 12);
    assertThat(head).containsExactly('P', 'G', 'D', 'M', 'P', 1, 15, 0, 4, 8, 1, 3);
    PgTools.Result old = PgTools.pgRestoreList(archive);
    assertThat(old.exitCode()).isNotZero();
    assertThat(old.stderr()).contains("unsupported version (1.15) in file header");
  }

  @Test
  void inspectReadsItAndTheManifestNamesTheCodec() throws Exception {
    DatagenCliTest.Run run = DatagenCliTest.run("inspect", archive.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Dump Version: 1.15-0").contains("data: 50,000 rows");
    assertThat(
            new ObjectMapper()
                .readTree(dir.resolve("m.json").toFile())
                .path("options")
                .path("compression")
                .asText())
        .isEqualTo("zstd:3");
  }

  @Test
  void theBytesDoNotDependOnThePartitioning() throws Exception {
    Path other = generate("blog-zstd-1.dump", "zstd:3", "local[1]", "1");
    assertThat(Files.readAllBytes(other)).isEqualTo(Files.readAllBytes(archive));
  }

  @Test
  void anLz4ArchiveRestoresWithPgRestore18Too() {
    Path lz4 = generate("blog-lz4.dump", "lz4", "local[2]", "2");
    Schema schema = SchemaInput.load(schemaFile.toString(), null, null);
    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(PgTools.pg18Tool("pg_restore"), lz4, db.port(), db.name(), "-j", "2")
        .orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
    assertThat(DatagenCliTest.run("inspect", lz4.toString()).out()).contains("data: 50,000 rows");
  }

  @Test
  void scriptsRefuseZstdWithAUsageError() {
    DatagenCliTest.Run run =
        DatagenCliTest.run(
            "generate",
            schemaFile.toString(),
            "--format",
            "copy",
            "--compress",
            "zstd",
            "-o",
            dir.resolve("x.sql").toString());
    assertThat(run.exitCode()).isOne();
    assertThat(run.err())
        .contains(
            "Invalid --compress zstd:3 with --format copy: zstd is written for archives (custom"
                + " or directory, pg_restore 16 or newer); psql scripts take none or gzip");
    assertThat(dir.resolve("x.sql")).doesNotExist();
  }
}
