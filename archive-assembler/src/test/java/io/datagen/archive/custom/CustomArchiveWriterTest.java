package io.datagen.archive.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.Compression;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.ByteArrayPieceSource;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.piece.PieceSource;
import io.datagen.archive.read.ArchiveReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lifecycle and the traps the writer refuses to fall into. */
class CustomArchiveWriterTest {
  static final ArchiveHeader HEADER =
      ArchiveHeader.of(Compression.gzip(1), GoldenArchiveTest.TIME, "db", "s", "d");
  static final List<TocEntry> ENTRIES = GoldenArchiveTest.entries();

  static DataPiece piece(String text) {
    return PieceEncoder.forCustomArchive(Compression.gzip(1))
        .encode(text.getBytes(StandardCharsets.US_ASCII))
        .toDataPiece();
  }

  @Test
  void callsOutOfOrderFailNamingTheState() throws Exception {
    CustomArchiveWriter writer = new CustomArchiveWriter(PositionedSink.inMemory(), HEADER);
    assertThat(writer.state()).isEqualTo(CustomArchiveWriter.State.NEW);
    assertThatThrownBy(() -> writer.writeToc(ENTRIES, Map.of(2, List.of())))
        .hasMessage("Cannot write TOC: writer is NEW (expected HEADER_WRITTEN)");
    assertThatThrownBy(() -> writer.writeData(2)).hasMessageContaining("writer is NEW");
    assertThatThrownBy(writer::finish).hasMessageContaining("Cannot finish archive: writer is NEW");
    writer.writeHeader();
    assertThatThrownBy(writer::writeHeader)
        .hasMessage("Cannot write header: writer is HEADER_WRITTEN (expected NEW)");
    writer.writeToc(ENTRIES, Map.of(2, List.of(piece("1\n"))));
    assertThat(writer.dataOffsets()).containsOnlyKeys(2);
    assertThatThrownBy(writer::finish)
        .hasMessageContaining("1 data block(s) not written, next is dumpId 2");
    assertThatThrownBy(() -> writer.writeData(1))
        .hasMessageContaining("expected dumpId 2 (blocks are written in TOC order)");
    writer.writeData(2);
    assertThatThrownBy(() -> writer.writeData(2)).hasMessageContaining("expected no more blocks");
    writer.finish();
    assertThat(writer.state()).isEqualTo(CustomArchiveWriter.State.FINISHED);
    assertThat(writer.compression()).isEqualTo(Compression.gzip(1));
  }

  @Test
  void refusesOtherVersionsAndMisplacedSinks() throws Exception {
    ArchiveHeader v16 =
        new ArchiveHeader(
            ArchiveVersion.K_VERS_1_16, Compression.none(), GoldenArchiveTest.TIME, "d", "s", "p");
    assertThatThrownBy(() -> new CustomArchiveWriter(PositionedSink.inMemory(), v16))
        .hasMessageContaining("Cannot write archive version 1.16.0 with compression none");
    ArchiveHeader zstdIn114 =
        new ArchiveHeader(
            ArchiveVersion.K_VERS_1_14, Compression.zstd(3), GoldenArchiveTest.TIME, "d", "s", "p");
    assertThatThrownBy(() -> new CustomArchiveWriter(PositionedSink.inMemory(), zstdIn114))
        .hasMessageContaining("Cannot write archive version 1.14.0 with compression zstd:3")
        .hasMessageContaining("1.15.0 for zstd");
    assertThat(
            ArchiveHeader.of(Compression.zstd(3), GoldenArchiveTest.TIME, "d", "s", "p").version())
        .isEqualTo(ArchiveVersion.K_VERS_1_15);
    assertThatThrownBy(() -> new CustomArchiveWriter(null, HEADER))
        .hasMessageContaining("sink and header are required");
    InMemorySink sink = PositionedSink.inMemory();
    sink.write(0);
    CustomArchiveWriter writer = new CustomArchiveWriter(sink, HEADER);
    assertThatThrownBy(writer::writeHeader).hasMessageContaining("sink is at position 1");
  }

  @Test
  void refusesInconsistentDataMaps() throws Exception {
    assertThatThrownBy(() -> writeAll(Map.of()))
        .hasMessageContaining("no data pieces given for dumpId 2");
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(), 1, List.of())))
        .hasMessageContaining(
            "data pieces given for dumpId 1, which is not an entry with hadDumper");
    List<TocEntry> duplicate = List.of(ENTRIES.get(0), ENTRIES.get(0));
    CustomArchiveWriter writer = new CustomArchiveWriter(PositionedSink.inMemory(), HEADER);
    writer.writeHeader();
    assertThatThrownBy(() -> writer.writeToc(duplicate, Map.of()))
        .hasMessageContaining("duplicate dumpId 1");
    assertThat(writer.state()).isEqualTo(CustomArchiveWriter.State.FAILED);
  }

  @Test
  void refusesPiecesWhoseBytesDifferFromTheirDeclaredLength() {
    DataPiece real = piece("hello\n");
    byte[] shorter =
        java.util.Arrays.copyOf(
            ((ByteArrayPieceSource) real.source()).bytes(), (int) real.storedLength() - 1);
    DataPiece lying =
        new DataPiece(
            real.rawLength(),
            real.storedLength(),
            real.adler32(),
            new FixedLengthSource(shorter, real.storedLength()));
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(lying))))
        .hasMessageContaining(
            "Cannot copy piece 0 of dumpId 2: source gave "
                + shorter.length
                + " bytes, declared "
                + real.storedLength());
    byte[] longer =
        java.util.Arrays.copyOf(
            ((ByteArrayPieceSource) real.source()).bytes(), (int) real.storedLength() + 1);
    DataPiece tooLong =
        new DataPiece(
            real.rawLength(),
            real.storedLength(),
            real.adler32(),
            new FixedLengthSource(longer, real.storedLength()));
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(tooLong))))
        .hasMessageContaining("source has more than the declared");
  }

  @Test
  void refusesPiecesThatAreNotChunkFramed() {
    DataPiece unframed =
        PieceEncoder.forPlainScript(Compression.none())
            .encode("1\n".getBytes(StandardCharsets.US_ASCII))
            .toDataPiece();
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(unframed))))
        .hasMessageContaining("Cannot copy piece 0 of dumpId 2");
    DataPiece emptyChunk = new ByteArrayPieceSourcePiece(new byte[] {0, 0, 0, 0, 0}).piece();
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(emptyChunk))))
        .hasMessageContaining("empty chunk near byte 0 (Int 0 would end the data block)");
    DataPiece negative = new ByteArrayPieceSourcePiece(new byte[] {1, 1, 0, 0, 0}).piece();
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(negative))))
        .hasMessageContaining("negative chunk length");
    DataPiece truncated = new ByteArrayPieceSourcePiece(new byte[] {0, 5, 0, 0, 0, 1}).piece();
    assertThatThrownBy(() -> writeAll(Map.of(2, List.of(truncated))))
        .hasMessageContaining("ends inside a chunk");
  }

  @Test
  void insertStyleDataEndsWithABlankLinePair() throws Exception {
    TocEntry data = ENTRIES.get(1).toBuilder().copyStmt(null).build();
    InMemorySink sink = PositionedSink.inMemory();
    CustomArchiveWriter.write(
        sink,
        HEADER,
        List.of(ENTRIES.get(0), data),
        Map.of(2, List.of(piece("INSERT INTO t VALUES (1);\n"))));
    assertThat(
            new String(ArchiveReader.of(sink.toByteArray()).readData(2), StandardCharsets.US_ASCII))
        .isEqualTo("INSERT INTO t VALUES (1);\n\n\n");
  }

  @Test
  void tocWriterRefusesNullWithOidsAndWritesRelkindFrom116() throws Exception {
    ArchiveOutput out = new ArchiveOutput(PositionedSink.inMemory());
    assertThatThrownBy(
            () ->
                TocEntryWriter.write(
                    out,
                    ArchiveVersion.K_VERS_1_14,
                    ENTRIES.get(0),
                    0,
                    null,
                    OffsetFlag.NO_DATA,
                    0))
        .hasMessage("Cannot write withOids: NULL (pg_restore dereferences it and crashes)");
    InMemorySink v14 = PositionedSink.inMemory();
    InMemorySink v16 = PositionedSink.inMemory();
    TocEntryWriter.write(
        new ArchiveOutput(v14), ArchiveVersion.K_VERS_1_14, ENTRIES.get(0), OffsetFlag.NO_DATA, 0);
    TocEntryWriter.write(
        new ArchiveOutput(v16),
        ArchiveVersion.K_VERS_1_16,
        ENTRIES.get(0),
        'r',
        "false",
        OffsetFlag.NO_DATA,
        0);
    assertThat(v16.position() - v14.position()).isEqualTo(5);
    InMemorySink v12 = PositionedSink.inMemory();
    TocEntryWriter.write(
        new ArchiveOutput(v12), ArchiveVersion.K_VERS_1_12, ENTRIES.get(0), OffsetFlag.NO_DATA, 0);
    assertThat(v14.position() - v12.position()).isEqualTo(9); // tableam "heap"
    assertThatThrownBy(
            () ->
                HeaderWriter.write(
                    out,
                    new ArchiveHeader(
                        new ArchiveVersion(1, 11, 0),
                        Compression.none(),
                        GoldenArchiveTest.TIME,
                        "d",
                        "s",
                        "p"),
                    io.datagen.archive.ArchiveFormat.CUSTOM))
        .hasMessageContaining("Cannot write archive version: 1.11.0");
  }

  private static void writeAll(Map<Integer, List<DataPiece>> pieces) throws Exception {
    CustomArchiveWriter.write(PositionedSink.inMemory(), HEADER, ENTRIES, pieces);
  }

  /** A source whose declared length may lie about its bytes. */
  record FixedLengthSource(byte[] bytes, long length) implements PieceSource {
    @Override
    public InputStream open() {
      return new ByteArrayInputStream(bytes);
    }
  }

  record ByteArrayPieceSourcePiece(byte[] bytes) {
    DataPiece piece() {
      return new DataPiece(1, bytes.length, 1, new ByteArrayPieceSource(bytes));
    }
  }

  @Test
  void sectionNoneEntriesAreAccepted() {
    assertThat(TocEntry.builder(3, "COMMENT", Section.NONE).build().section())
        .isEqualTo(Section.NONE);
  }
}
