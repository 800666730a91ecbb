package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Cuts a byte stream into custom-format chunks (Int length + bytes) of at most {@code chunkSize}
 * bytes. Never emits an empty chunk: an empty input produces no bytes at all. {@link #finish()}
 * emits the last chunk; {@code close()} does nothing (a codec stream written into the framer may
 * close it).
 */
final class ChunkFramer extends OutputStream {
  private final ArchiveOutput out;
  private final byte[] chunk;
  private int filled;

  ChunkFramer(ArchiveOutput out, int chunkSize) {
    this.out = out;
    this.chunk = new byte[chunkSize];
  }

  @Override
  public void write(int b) throws IOException {
    chunk[filled++] = (byte) b;
    if (filled == chunk.length) {
      emit();
    }
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    while (length > 0) {
      int n = Math.min(length, chunk.length - filled);
      System.arraycopy(bytes, offset, chunk, filled, n);
      filled += n;
      offset += n;
      length -= n;
      if (filled == chunk.length) {
        emit();
      }
    }
  }

  /** Emits the partly filled last chunk, if any. */
  void finish() throws IOException {
    if (filled > 0) {
      emit();
    }
  }

  private void emit() throws IOException {
    out.writeChunk(chunk, 0, filled);
    filled = 0;
  }
}
