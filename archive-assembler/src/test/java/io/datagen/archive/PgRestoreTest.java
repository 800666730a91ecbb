package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.custom.CustomArchiveWriter;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The independent oracle: archives from {@link CustomArchiveWriter} fed to the real pg_restore
 * (Debian postgresql-client 15) and restored into real PostgreSQL 12 and 18 servers.
 */
class PgRestoreTest {
  static final SampleDatabase SAMPLE = new SampleDatabase(200_000, 12);

  @TempDir static Path dir;
  static Path gzipArchive;
  static Path plainArchive;

  @BeforeAll
  static void writeArchives() throws Exception {
    gzipArchive = write("sample-gzip.dump", Compression.gzip(Compression.DEFAULT_LEVEL), 4096);
    plainArchive = write("sample-none.dump", Compression.none(), 65536);
  }

  static Path write(String name, Compression compression, int chunkSize) throws Exception {
    Path file = dir.resolve(name);
    PieceEncoder encoder = PieceEncoder.forCustomArchive(compression, chunkSize);
    try (OutputStream out = Files.newOutputStream(file)) {
      CustomArchiveWriter.write(
          PositionedSink.of(out),
          SAMPLE.header(compression),
          SAMPLE.entries(true),
          SAMPLE.copyPieces(encoder));
    }
    return file;
  }

  @Test
  void customersSpanAtLeastTenPiecesIncludingEmptyAndOneRow() {
    long[] bounds = SAMPLE.customers.pieceBounds();
    assertThat(bounds.length - 1).isGreaterThanOrEqualTo(10);
    assertThat(bounds[2] - bounds[1]).isZero();
    assertThat(bounds[3] - bounds[2]).isOne();
    assertThat(SAMPLE.customers.rows()).isGreaterThanOrEqualTo(200_000);
  }

  @Test
  void pgRestoreListsEveryEntry() throws Exception {
    for (Path archive : List.of(gzipArchive, plainArchive)) {
      String list = PgTools.pgRestoreList(archive).orThrow().stdoutText();
      assertThat(list)
          .contains(
              "; Archive created at 2026-11-26 19:55:05",
              "dbname: shop",
              "TOC Entries: 18",
              "Format: CUSTOM",
              "Dumped from database version: 15.15",
              "Dumped by pg_dump version: datagen-test");
      for (TocEntry entry : SAMPLE.entries(true)) {
        if (List.of("ENCODING", "STDSTRINGS", "SEARCHPATH").contains(entry.desc())) {
          continue; // pg_restore -l hides these unless -v
        }
        String namespace = entry.namespace() == null ? "-" : entry.namespace();
        assertThat(list)
            .contains(
                entry.dumpId()
                    + "; 0 0 "
                    + entry.desc()
                    + " "
                    + namespace
                    + " "
                    + entry.tag()
                    + " \n");
      }
    }
  }

  @Test
  void pgRestoreScriptReproducesCopyTextByteForByte() throws Exception {
    for (Path archive : List.of(gzipArchive, plainArchive)) {
      byte[] script = PgTools.pgRestoreToScript(archive).orThrow().stdout();
      RestoredData.assertScriptHoldsCopyText(SAMPLE, script);
      String text = new String(script, StandardCharsets.UTF_8);
      assertThat(text)
          .doesNotContain("OWNER TO")
          .contains("SET standard_conforming_strings = on;")
          .contains("SELECT pg_catalog.setval('public.customers_id_seq', 200000, true);");
    }
  }

  @ParameterizedTest(name = "PostgreSQL {0}, {1}")
  @CsvSource({"12, gzip", "18, gzip", "12, none", "18, none"})
  void pgRestoreIntoRealServer(int major, String compression) throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(major);
    Path archive = compression.equals("gzip") ? gzipArchive : plainArchive;
    PgTools.Result result = PgTools.pgRestoreIntoDb(archive, database.port(), database.name());
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEmpty();
    RestoredData.assertMatches(SAMPLE, database);
  }

  @Test
  void parallelRestoreUsesTheDataOffsets() throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(18);
    PgTools.Result result =
        PgTools.pgRestoreIntoDb(gzipArchive, database.port(), database.name(), "-j", "2");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    RestoredData.assertMatches(SAMPLE, database);
    ArchiveReader reader = ArchiveReader.open(gzipArchive);
    for (int dumpId : List.of(21, 22, 23)) {
      assertThat(reader.entry(dumpId).orElseThrow().offset())
          .isEqualTo(reader.scanBlockStart(dumpId));
    }
  }

  @Test
  void restoredDatabaseRejectsRowsViolatingTheForeignKey() throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(12);
    PgTools.pgRestoreIntoDb(
            gzipArchive,
            database.port(),
            database.name(),
            "--section=pre-data",
            "--section=post-data")
        .orThrow();
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> statement.execute("INSERT INTO public.orders VALUES (1, 42, 1, 'new')"))
          .hasMessageContaining("foreign key");
    }
  }

  static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
