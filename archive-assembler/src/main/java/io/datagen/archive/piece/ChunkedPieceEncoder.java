package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;

/**
 * What every custom-format piece encoder shares: the Adler-32 of the raw bytes, no bytes at all for
 * an empty piece (never an empty chunk, never an empty frame), and the stored bytes framed as
 * chunks of at most {@code chunkSize}. Subclasses only compress.
 */
abstract class ChunkedPieceEncoder implements PieceEncoder {
  private final int chunkSize;
  private final Adler32 adler = new Adler32();

  ChunkedPieceEncoder(int chunkSize) {
    this.chunkSize = chunkSize;
  }

  @Override
  public final EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    int checksum = (int) adler.getValue();
    if (length == 0) {
      return new EncodedPiece(new byte[0], 0, checksum);
    }
    InMemorySink sink = new InMemorySink();
    ChunkFramer framer = new ChunkFramer(new ArchiveOutput(sink), chunkSize);
    try {
      compress(raw, offset, length, framer);
      framer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
    return new EncodedPiece(sink.toByteArray(), length, checksum);
  }

  /**
   * Writes the stored form of {@code raw[offset, offset + length)} (never empty) to {@code out}.
   */
  abstract void compress(byte[] raw, int offset, int length, ChunkFramer out) throws IOException;
}
