package io.datagen.archive.custom;

import io.datagen.archive.ArchiveFormat;
import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.Compression;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.CountingSink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.piece.TableDataPieces;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code pg_dump -Fc} archive, version 1.14.0 (none, gzip) or 1.15.0 (zstd, lz4), in one
 * forward pass: header, then the TOC with every data offset already SET (computed by a dry run of
 * the same code into a {@link CountingSink}), then one data block per data entry in TOC order.
 *
 * <pre>
 * writer.writeHeader();
 * writer.writeToc(entries, piecesByDumpId);
 * writer.writeAllData();          // or writeData(dumpId) for each data entry, in TOC order
 * writer.finish();
 * </pre>
 *
 * <p>Each TABLE DATA entry's pieces are followed by a terminator piece the writer encodes itself
 * ({@link TableDataPieces}).
 */
public final class CustomArchiveWriter implements Closeable {

  /** Lifecycle; each call checks it and names it when refusing. */
  public enum State {
    NEW,
    HEADER_WRITTEN,
    TOC_WRITTEN,
    WRITING_DATA,
    FINISHED,
    FAILED
  }

  private final PositionedSink sink;
  private final ArchiveOutput out;
  private final ArchiveHeader header;
  private final PieceEncoder terminatorEncoder;
  private State state = State.NEW;
  private final Map<Integer, List<DataPiece>> blocks = new LinkedHashMap<>();
  private final Map<Integer, Long> blockStarts = new LinkedHashMap<>();
  private final Map<Integer, Long> blockEnds = new LinkedHashMap<>();
  private final List<Integer> blockOrder = new ArrayList<>();
  private int nextBlock;

  public CustomArchiveWriter(PositionedSink sink, ArchiveHeader header) {
    if (sink == null || header == null) {
      throw new IllegalArgumentException(
          "Cannot create custom archive writer: sink and header are required");
    }
    header.requireOldestVersion("custom archive writer");
    this.sink = sink;
    this.out = new ArchiveOutput(sink);
    this.header = header;
    this.terminatorEncoder = PieceEncoder.forCustomArchive(header.compression());
  }

  /** Writes a whole archive to {@code sink} (and closes the sink). */
  public static void write(
      PositionedSink sink,
      ArchiveHeader header,
      List<TocEntry> entries,
      Map<Integer, List<DataPiece>> piecesByDumpId)
      throws IOException {
    try (CustomArchiveWriter writer = new CustomArchiveWriter(sink, header)) {
      writer.writeHeader();
      writer.writeToc(entries, piecesByDumpId);
      writer.writeAllData();
      writer.finish();
    }
  }

  public State state() {
    return state;
  }

  public void writeHeader() throws IOException {
    requireState("write header", State.NEW);
    if (sink.position() != 0) {
      throw new IllegalStateException(
          "Cannot write header: sink is at position "
              + sink.position()
              + ", offsets are absolute file positions (expected 0)");
    }
    guarded(() -> HeaderWriter.write(out, header, ArchiveFormat.CUSTOM));
    state = State.HEADER_WRITTEN;
  }

  /**
   * Writes the TOC with final offsets.
   *
   * @param piecesByDumpId for every entry with {@code hadDumper}, its data pieces in order
   *     (possibly none); no other keys
   */
  public void writeToc(List<TocEntry> entries, Map<Integer, List<DataPiece>> piecesByDumpId)
      throws IOException {
    requireState("write TOC", State.HEADER_WRITTEN);
    guarded(
        () -> {
          planBlocks(entries, piecesByDumpId);
          long tocStart = sink.position();
          CountingSink counting = PositionedSink.counting(tocStart);
          ArchiveOutput dryRun = new ArchiveOutput(counting);
          writeTocEntries(dryRun, entries, Collections.emptyMap());
          long tocEnd = counting.position();
          for (int dumpId : blockOrder) {
            blockStarts.put(dumpId, counting.position());
            DataBlockWriter.write(
                dryRun,
                dumpId,
                header.compression(),
                blocks.get(dumpId),
                (output, id, index, piece) -> counting.skip(piece.storedLength()));
            blockEnds.put(dumpId, counting.position());
          }
          writeTocEntries(out, entries, blockStarts);
          if (sink.position() != tocEnd) {
            throw new IllegalStateException(
                "Cannot write TOC: it ended at " + sink.position() + ", dry run said " + tocEnd);
          }
        });
    state = State.TOC_WRITTEN;
  }

  private void planBlocks(List<TocEntry> entries, Map<Integer, List<DataPiece>> piecesByDumpId) {
    blocks.putAll(TableDataPieces.withTerminators(entries, piecesByDumpId, terminatorEncoder));
    blockOrder.addAll(blocks.keySet());
  }

  private void writeTocEntries(
      ArchiveOutput target, List<TocEntry> entries, Map<Integer, Long> offsets) throws IOException {
    target.writeInt(entries.size()); // TOC entry count
    for (TocEntry entry : entries) {
      if (entry.hadDumper()) {
        long offset = offsets.getOrDefault(entry.dumpId(), 0L);
        TocEntryWriter.write(target, header.version(), entry, OffsetFlag.SET, offset);
      } else {
        TocEntryWriter.write(target, header.version(), entry, OffsetFlag.NO_DATA, 0);
      }
    }
  }

  /** Writes the next data block; blocks must come in TOC order. */
  public void writeData(int dumpId) throws IOException {
    if (state != State.TOC_WRITTEN && state != State.WRITING_DATA) {
      throw new IllegalStateException(
          "Cannot write data for dumpId "
              + dumpId
              + ": writer is "
              + state
              + " (expected TOC_WRITTEN or WRITING_DATA)");
    }
    if (nextBlock >= blockOrder.size() || blockOrder.get(nextBlock) != dumpId) {
      throw new IllegalStateException(
          "Cannot write data for dumpId "
              + dumpId
              + ": expected "
              + (nextBlock < blockOrder.size()
                  ? "dumpId " + blockOrder.get(nextBlock)
                  : "no more blocks")
              + " (blocks are written in TOC order)");
    }
    state = State.WRITING_DATA;
    guarded(
        () -> {
          long expectedStart = blockStarts.get(dumpId);
          if (sink.position() != expectedStart) {
            throw new IllegalStateException(
                "Cannot write data for dumpId "
                    + dumpId
                    + ": block starts at "
                    + sink.position()
                    + " but the TOC says "
                    + expectedStart);
          }
          DataBlockWriter.write(
              out, dumpId, header.compression(), blocks.get(dumpId), this::copyPiece);
          if (sink.position() != blockEnds.get(dumpId)) {
            throw new IllegalStateException(
                "Cannot write data for dumpId "
                    + dumpId
                    + ": block ended at "
                    + sink.position()
                    + ", expected "
                    + blockEnds.get(dumpId));
          }
        });
    nextBlock++;
  }

  public void writeAllData() throws IOException {
    for (int i = nextBlock; i < blockOrder.size(); i++) {
      writeData(blockOrder.get(i));
    }
  }

  private void copyPiece(ArchiveOutput target, int dumpId, int pieceIndex, DataPiece piece)
      throws IOException {
    String name = "piece " + pieceIndex + " of dumpId " + dumpId;
    ChunkStreamValidator validator = new ChunkStreamValidator(name);
    piece.copyTo(
        name,
        (bytes, offset, length) -> {
          validator.accept(bytes, offset, length);
          target.writeBytes(bytes, offset, length);
        });
    validator.finish();
  }

  /** Checks every block was written and flushes the sink. */
  public void finish() throws IOException {
    if (state != State.TOC_WRITTEN && state != State.WRITING_DATA) {
      throw new IllegalStateException(
          "Cannot finish archive: writer is " + state + " (expected TOC_WRITTEN or WRITING_DATA)");
    }
    if (nextBlock != blockOrder.size()) {
      throw new IllegalStateException(
          "Cannot finish archive: "
              + (blockOrder.size() - nextBlock)
              + " data block(s) not written, next is dumpId "
              + blockOrder.get(nextBlock));
    }
    guarded(sink::flush);
    state = State.FINISHED;
  }

  /** Start position of each data block, by dumpId (known once the TOC is written). */
  public Map<Integer, Long> dataOffsets() {
    return Collections.unmodifiableMap(blockStarts);
  }

  public Compression compression() {
    return header.compression();
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }

  private void requireState(String action, State expected) {
    if (state != expected) {
      throw new IllegalStateException(
          "Cannot " + action + ": writer is " + state + " (expected " + expected + ")");
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private void guarded(IoAction action) throws IOException {
    try {
      action.run();
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }
}
