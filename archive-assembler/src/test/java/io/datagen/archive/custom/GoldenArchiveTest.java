package io.datagen.archive.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.Compression;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.InMemorySink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.archive.testing.PgTools;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden bytes of a fixed small archive (stable because the time is injected), the reader's view of
 * it, and the real pg_restore's view of it, recorded once with the tool (golden/README.md says
 * how).
 */
class GoldenArchiveTest {
  static final LocalDateTime TIME = LocalDateTime.of(2026, 11, 26, 19, 55, 5);

  static List<TocEntry> entries() {
    return List.of(
        TocEntry.builder(1, "TABLE", Section.PRE_DATA)
            .tag("t")
            .namespace("public")
            .tablespace("")
            .tableAm("heap")
            .defn("CREATE TABLE public.t (a integer);\n")
            .dropStmt("DROP TABLE public.t;\n")
            .build(),
        TocEntry.builder(2, "TABLE DATA", Section.DATA)
            .hadDumper(true)
            .tag("t")
            .namespace("public")
            .copyStmt("COPY public.t (a) FROM stdin;\n")
            .dependsOn(1)
            .build());
  }

  static byte[] archive(Compression compression) throws IOException {
    InMemorySink sink = PositionedSink.inMemory();
    PieceEncoder encoder = PieceEncoder.forCustomArchive(compression, 4);
    CustomArchiveWriter.write(
        sink,
        ArchiveHeader.of(compression, TIME, "shop", "15.15", "datagen"),
        entries(),
        Map.of(
            2,
            List.of(
                encoder.encode("1\n2\n".getBytes(StandardCharsets.US_ASCII)).toDataPiece(),
                encoder.encode(new byte[0]).toDataPiece(),
                encoder.encode("3\n".getBytes(StandardCharsets.US_ASCII)).toDataPiece())));
    return sink.toByteArray();
  }

  static String golden(String name) throws IOException {
    try (InputStream in = GoldenArchiveTest.class.getResourceAsStream("/golden/" + name)) {
      StringBuilder hex = new StringBuilder();
      for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
        int comment = line.indexOf('#');
        hex.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s", ""));
      }
      return hex.toString();
    }
  }

  @Test
  void uncompressedArchiveMatchesGoldenBytes() throws IOException {
    assertThat(HexFormat.of().formatHex(archive(Compression.none())))
        .isEqualTo(golden("small-none.hex"));
  }

  /**
   * The golden bytes are our own writer's output; what proves them right is that the real
   * pg_restore lists and scripts a fresh archive exactly as it did when the files were recorded.
   */
  @Test
  void realPgRestoreReadsTheWriterOutputAsRecorded(@TempDir Path dir) throws IOException {
    Path archive = Files.write(dir.resolve("small-none.dump"), archive(Compression.none()));
    String version = PgTools.pgRestoreVersion();
    assertThat(normalised(PgTools.pgRestoreList(archive).orThrow().stdoutText()))
        .as("pg_restore -l, by %s (recorded with 15.18)", version)
        .isEqualTo(normalised(recorded("small-none.list.txt")));
    assertThat(normalised(PgTools.pgRestoreToScript(archive).orThrow().stdoutText()))
        .as("pg_restore -f -, by %s (recorded with 15.18)", version)
        .isEqualTo(normalised(recorded("small-none.sql.txt")));
  }

  /**
   * Blanks what legitimately varies between pg_restore runs (golden/README.md): the random key of
   * the restrict and unrestrict lines, and the local time-zone name of the creation time.
   */
  static String normalised(String text) {
    return text.replaceAll("(?m)^\\\\(restrict|unrestrict) [A-Za-z0-9]+$", "\\\\$1 <key>")
        .replaceAll(
            "(?m)^(; Archive created at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}) \\S+$",
            "$1 <zone>");
  }

  @Test
  void normalisingBlanksOnlyTheKeyAndTheZone() {
    assertThat(normalised("\\restrict Ab12\nx\n\\unrestrict Ab12\n"))
        .isEqualTo("\\restrict <key>\nx\n\\unrestrict <key>\n");
    assertThat(normalised("; Archive created at 2026-11-26 19:55:05 EST\n"))
        .isEqualTo("; Archive created at 2026-11-26 19:55:05 <zone>\n");
    assertThat(normalised("; Archive created at 2026-11-27 19:55:05 UTC\n"))
        .isNotEqualTo(normalised("; Archive created at 2026-11-26 19:55:05 UTC\n"));
    assertThat(normalised("-- \\restrict Ab12\n")).isEqualTo("-- \\restrict Ab12\n");
  }

  static String recorded(String name) throws IOException {
    try (InputStream in = GoldenArchiveTest.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void headerBytesFollowTheSpec() throws IOException {
    byte[] bytes = archive(Compression.gzip(Compression.DEFAULT_LEVEL));
    String hex = HexFormat.of().formatHex(bytes, 0, 16);
    assertThat(hex)
        .isEqualTo(
            "5047444d50" // PGDMP
                + "010e00" // 1.14.0
                + "040801" // intSize 4, offSize 8, format custom
                + "0101000000"); // compression Int -1
    assertThat(HexFormat.of().formatHex(bytes, 16, 51))
        .isEqualTo(
            "0005000000"
                + "0037000000"
                + "0013000000"
                + "001a000000"
                + "000a000000"
                + "007e000000"
                + "0000000000");
  }

  @Test
  void gzipBlockIsOneZlibStreamAroundThePieces() throws IOException {
    byte[] bytes = archive(Compression.gzip(Compression.DEFAULT_LEVEL));
    ArchiveReader reader = ArchiveReader.of(bytes);
    long start = reader.entry(2).orElseThrow().offset();
    String block = HexFormat.of().formatHex(bytes, (int) start, bytes.length);
    assertThat(block)
        .startsWith(
            "01"
                + "0002000000"
                + "0002000000"
                + "789c"); // BLK_DATA, dumpId 2, chunk of 2: zlib header
    // trailer chunk: empty fixed-Huffman final block + Adler-32 of "1\n2\n3\n\\.\n\n\n"
    // (big-endian), then Int 0
    java.util.zip.Adler32 adler = new java.util.zip.Adler32();
    adler.update("1\n2\n3\n\\.\n\n\n".getBytes(StandardCharsets.US_ASCII));
    assertThat(block)
        .endsWith("0006000000" + "0300" + String.format("%08x", adler.getValue()) + "0000000000");
    assertThat(new String(reader.readData(2), StandardCharsets.US_ASCII))
        .isEqualTo("1\n2\n3\n\\.\n\n\n");
    List<Integer> chunks = reader.chunkLengths(2);
    assertThat(chunks).allSatisfy(length -> assertThat(length).isPositive());
    assertThat(chunks.get(0)).isEqualTo(2);
    assertThat(chunks.get(chunks.size() - 1)).isEqualTo(6);
  }

  @Test
  void readerSeesTheGoldenArchive() throws IOException {
    ArchiveReader reader = ArchiveReader.of(archive(Compression.none()));
    ArchiveHeader header = reader.header();
    assertThat(header)
        .isEqualTo(
            new ArchiveHeader(
                ArchiveVersion.K_VERS_1_14, Compression.none(), TIME, "shop", "15.15", "datagen"));
    assertThat(reader.entries())
        .extracting(ReadTocEntry::entry)
        .containsExactlyElementsOf(entries());
    ReadTocEntry table = reader.entries().get(0);
    assertThat(table.offsetFlag()).isEqualTo(OffsetFlag.NO_DATA);
    assertThat(table.withOids()).isEqualTo("false");
    ReadTocEntry data = reader.entries().get(1);
    assertThat(data.offsetFlag()).isEqualTo(OffsetFlag.SET);
    assertThat(data.offset()).isEqualTo(reader.tocEnd()).isEqualTo(reader.scanBlockStart(2));
    assertThat(new String(reader.readData(2), StandardCharsets.US_ASCII))
        .isEqualTo("1\n2\n3\n\\.\n\n\n");
    assertThat(reader.chunkLengths(2)).containsExactly(4, 2, 5);
  }
}
