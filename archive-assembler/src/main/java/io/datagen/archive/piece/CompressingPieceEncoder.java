package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.PositionedSink;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;

/**
 * What every compressing piece encoder shares: the Adler-32 of the raw bytes, no bytes at all for
 * an empty piece (never an empty chunk, never an empty frame), and how the stored bytes are laid
 * out: framed as custom-format chunks of at most {@code chunkSize}, or, with {@link #NOT_CHUNKED},
 * the codec's bytes as they are (a directory archive's data file is the plain concatenation of its
 * pieces). Subclasses only compress.
 */
abstract class CompressingPieceEncoder implements PieceEncoder {
  /** The chunk size of a piece that is not framed as chunks. */
  static final int NOT_CHUNKED = 0;

  private final int chunkSize;
  private final Adler32 adler = new Adler32();

  CompressingPieceEncoder(int chunkSize) {
    this.chunkSize = chunkSize;
  }

  @Override
  public final EncodedPiece encode(byte[] raw, int offset, int length) {
    ByteArrayOutputStream stored = new ByteArrayOutputStream(Math.max(64, length / 2));
    try {
      int checksum = encodeTo(raw, offset, length, stored);
      return new EncodedPiece(stored.toByteArray(), length, checksum);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
  }

  @Override
  public final int encodeTo(byte[] raw, int offset, int length, OutputStream out)
      throws IOException {
    adler.reset();
    adler.update(raw, offset, length);
    int checksum = (int) adler.getValue();
    if (length == 0) {
      return checksum;
    }
    OutputStream target = new FilterOutputStream(out) { // a codec stream may close what it wraps
          @Override
          public void write(byte[] bytes, int off, int len) throws IOException {
            out.write(bytes, off, len);
          }

          @Override
          public void close() throws IOException {
            out.flush();
          }
        };
    if (chunkSize == NOT_CHUNKED) {
      compress(raw, offset, length, target);
      return checksum;
    }
    ChunkFramer framer = new ChunkFramer(new ArchiveOutput(PositionedSink.of(target)), chunkSize);
    compress(raw, offset, length, framer);
    framer.finish();
    return checksum;
  }

  /**
   * Writes the stored form of {@code raw[offset, offset + length)} (never empty) to {@code out}.
   * {@code out} may be closed by a codec stream wrapping it; closing it does nothing.
   */
  abstract void compress(byte[] raw, int offset, int length, OutputStream out) throws IOException;
}
