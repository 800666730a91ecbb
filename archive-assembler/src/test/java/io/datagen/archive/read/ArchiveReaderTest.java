package io.datagen.archive.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.Zstd;
import io.datagen.archive.ArchiveFormat;
import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.Compression;
import io.datagen.archive.CompressionAlgorithm;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import io.datagen.archive.custom.HeaderWriter;
import io.datagen.archive.custom.TocEntryWriter;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading archive versions 1.12–1.16, pg_dump's own archives, and refusing what cannot be read. */
class ArchiveReaderTest {
  static final LocalDateTime TIME = LocalDateTime.of(2025, 1, 31, 8, 0, 0);
  static final TocEntry TABLE =
      TocEntry.builder(1, "TABLE", Section.PRE_DATA)
          .tag("t")
          .namespace("public")
          .tableAm("heap")
          .build();
  static final TocEntry DATA =
      TocEntry.builder(2, "TABLE DATA", Section.DATA)
          .hadDumper(true)
          .tag("t")
          .namespace("public")
          .copyStmt("COPY public.t (a) FROM stdin;\n")
          .dependsOn(1)
          .build();

  /**
   * An archive of {@code version} with one zlib (or stored) data block whose offset flag is
   * NOT_SET, as from a pipe.
   */
  static byte[] handMade(ArchiveVersion version, Compression compression, byte[] payload)
      throws Exception {
    InMemorySink sink = PositionedSink.inMemory();
    ArchiveOutput out = new ArchiveOutput(sink);
    HeaderWriter.write(
        out,
        new ArchiveHeader(version, compression, TIME, "db", "16.1", "16.1"),
        ArchiveFormat.CUSTOM);
    out.writeInt(2); // TOC count
    TocEntryWriter.write(out, version, TABLE, 'r', "false", OffsetFlag.NO_DATA, 0);
    TocEntryWriter.write(out, version, DATA, 0, "false", OffsetFlag.NOT_SET, 0);
    out.writeByte(1); // BLK_DATA
    out.writeInt(2); // dumpId
    byte[] stored = payload;
    if (compression.algorithm() == CompressionAlgorithm.GZIP) {
      Deflater deflater = new Deflater();
      deflater.setInput(payload);
      deflater.finish();
      byte[] buffer = new byte[payload.length + 64];
      stored = java.util.Arrays.copyOf(buffer, deflater.deflate(buffer));
    }
    if (stored.length > 0) {
      out.writeChunk(stored, 0, stored.length);
    }
    out.writeEndOfBlock();
    return sink.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 13, 14, 15, 16})
  void readsEverySupportedVersion(int minor) throws Exception {
    ArchiveVersion version = new ArchiveVersion(1, minor, 0);
    byte[] payload = "1\n2\n\\.\n\n\n".getBytes(StandardCharsets.US_ASCII);
    ArchiveReader reader = ArchiveReader.of(handMade(version, Compression.gzip(-1), payload));
    assertThat(reader.header().version()).isEqualTo(version);
    assertThat(reader.header().compression().algorithm()).isEqualTo(CompressionAlgorithm.GZIP);
    assertThat(reader.entries()).hasSize(2);
    assertThat(reader.entries().get(0).entry().tableAm()).isEqualTo(minor >= 14 ? "heap" : null);
    assertThat(reader.entries().get(0).relkind()).isEqualTo(minor >= 16 ? 'r' : 0);
    assertThat(reader.entries().get(1).offsetFlag()).isEqualTo(OffsetFlag.NOT_SET);
    assertThat(reader.readData(2)).isEqualTo(payload); // found by scanning
    assertThat(reader.scanBlockStart(2)).isEqualTo(reader.tocEnd());
  }

  @Test
  void refusesWhatItCannotRead() throws Exception {
    byte[] lz4 =
        handMade(
            ArchiveVersion.K_VERS_1_16,
            Compression.fromAlgorithm(CompressionAlgorithm.LZ4),
            new byte[] {1});
    ArchiveReader reader = ArchiveReader.of(lz4);
    assertThatThrownBy(() -> reader.readData(2)).isInstanceOf(java.io.IOException.class);
    // A zstd frame followed by more bytes in the same chunk: pg_restore would drop them.
    byte[] frame = Zstd.compress("1\tx\n".getBytes(StandardCharsets.UTF_8), 3);
    Compression zstd = Compression.fromAlgorithm(CompressionAlgorithm.ZSTD);
    assertThat(ArchiveReader.of(handMade(ArchiveVersion.K_VERS_1_16, zstd, frame)).readData(2))
        .isEqualTo("1\tx\n".getBytes(StandardCharsets.UTF_8));
    byte[] frameAndMore = java.util.Arrays.copyOf(frame, frame.length + 1);
    ArchiveReader dropped =
        ArchiveReader.of(handMade(ArchiveVersion.K_VERS_1_16, zstd, frameAndMore));
    assertThatThrownBy(() -> dropped.readData(2))
        .hasMessage(
            "Cannot read data of dumpId 2: a zstd frame ends 1 bytes before the end of its chunk"
                + " (pg_restore would drop those bytes)");
    byte[] truncated = java.util.Arrays.copyOf(frame, frame.length - 1);
    ArchiveReader cut = ArchiveReader.of(handMade(ArchiveVersion.K_VERS_1_16, zstd, truncated));
    assertThatThrownBy(() -> cut.readData(2))
        .hasMessage("Cannot read data of dumpId 2: zstd frame is truncated");
    byte[] good = handMade(ArchiveVersion.K_VERS_1_14, Compression.none(), new byte[] {'x'});
    ArchiveReader plain = ArchiveReader.of(good);
    assertThatThrownBy(() -> plain.readData(1)).hasMessageContaining("entry has no data");
    assertThatThrownBy(() -> plain.readData(9)).hasMessageContaining("no such TOC entry");
    assertThatThrownBy(() -> plain.scanBlockStart(9))
        .hasMessageContaining("Cannot find data block of dumpId 9");
    byte[] badMagic = good.clone();
    badMagic[0] = 'X';
    assertThatThrownBy(() -> ArchiveReader.of(badMagic)).hasMessageContaining("magic is not PGDMP");
    byte[] badVersion = good.clone();
    badVersion[7] = (byte) 200;
    assertThatThrownBy(() -> ArchiveReader.of(badVersion))
        .hasMessageContaining("a byte >= 128 is read as negative");
    byte[] tooNew = good.clone();
    tooNew[6] = 17;
    assertThatThrownBy(() -> ArchiveReader.of(tooNew))
        .hasMessageContaining("Cannot read archive version: 1.17.0");
    byte[] tar = good.clone();
    tar[10] = 3;
    assertThatThrownBy(() -> ArchiveReader.of(tar))
        .hasMessageContaining("Cannot read archive format: 3");
    assertThatThrownBy(() -> ArchiveReader.of(java.util.Arrays.copyOf(good, 40)))
        .hasMessageContaining("unexpected end of archive");
  }

  @Test
  void detectsConcatenatedZlibStreamsThatWouldHangPgRestore() throws Exception {
    byte[] payload = "1\n".getBytes(StandardCharsets.US_ASCII);
    byte[] archive = handMade(ArchiveVersion.K_VERS_1_14, Compression.gzip(-1), payload);
    // duplicate the single zlib chunk: two complete streams in one block
    int end = archive.length - 5;
    int chunkStart = (int) ArchiveReader.of(archive).tocEnd() + 6;
    byte[] chunk = java.util.Arrays.copyOfRange(archive, chunkStart, end);
    byte[] doubled = new byte[archive.length + chunk.length];
    System.arraycopy(archive, 0, doubled, 0, end);
    System.arraycopy(chunk, 0, doubled, end, chunk.length);
    System.arraycopy(archive, end, doubled, end + chunk.length, 5);
    assertThatThrownBy(() -> ArchiveReader.of(doubled).readData(2))
        .hasMessageContaining("pg_restore would hang");
    byte[] truncated = handMade(ArchiveVersion.K_VERS_1_14, Compression.gzip(-1), payload);
    truncated[truncated.length - 6] ^= 0x55; // corrupt the Adler-32 trailer
    assertThatThrownBy(() -> ArchiveReader.of(truncated).readData(2))
        .hasMessageContaining("Cannot read data of dumpId 2");
  }

  @Test
  void readsPgDumpsOwnArchive(@TempDir Path dir) throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(15);
    try (var connection = database.connect();
        var statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE items (id integer PRIMARY KEY, label text); "
              + "INSERT INTO items SELECT g, 'item ' || g || E'\\t' FROM generate_series(1, 1000) g");
    }
    for (String level : List.of("0", "6")) {
      Path file = dir.resolve("pg_dump-" + level + ".dump");
      PgTools.run(
              List.of(
                  PgTools.tool("pg_dump").toString(),
                  "-Fc",
                  "-Z",
                  level,
                  "-h",
                  "127.0.0.1",
                  "-p",
                  Integer.toString(database.port()),
                  "-U",
                  PostgresServers.SUPERUSER,
                  "-f",
                  file.toString(),
                  database.name()))
          .orThrow();
      ArchiveReader reader = ArchiveReader.open(file);
      assertThat(reader.header().version()).isEqualTo(ArchiveVersion.K_VERS_1_14);
      assertThat(reader.header().databaseName()).isEqualTo(database.name());
      ReadTocEntry data =
          reader.entries().stream().filter(e -> e.entry().isTableData()).findFirst().orElseThrow();
      assertThat(data.offsetFlag()).isEqualTo(OffsetFlag.SET);
      assertThat(data.offset()).isEqualTo(reader.scanBlockStart(data.dumpId()));
      String text = new String(reader.readData(data.dumpId()), StandardCharsets.UTF_8);
      assertThat(text)
          .startsWith("1\titem 1\\t\n2\titem 2\\t\n")
          .endsWith("1000\titem 1000\\t\n\\.\n\n\n");
      assertThat(reader.entries())
          .extracting(e -> e.entry().desc())
          .contains("ENCODING", "STDSTRINGS", "TABLE", "CONSTRAINT");
      assertThat(reader.entries()).allSatisfy(e -> assertThat(e.withOids()).isEqualTo("false"));
    }
  }
}
