package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;

/** Custom-format piece without compression: the raw bytes framed as chunks. */
final class StoredChunksEncoder implements PieceEncoder {
  private final int chunkSize;
  private final Adler32 adler = new Adler32();

  StoredChunksEncoder(int chunkSize) {
    this.chunkSize = chunkSize;
  }

  @Override
  public EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    InMemorySink sink = new InMemorySink();
    ChunkFramer framer = new ChunkFramer(new ArchiveOutput(sink), chunkSize);
    try {
      framer.write(raw, offset, length);
      framer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
    return new EncodedPiece(sink.toByteArray(), length, (int) adler.getValue());
  }
}
