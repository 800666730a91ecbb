package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;
import java.util.zip.Deflater;

/**
 * Custom-format gzip piece: raw deflate (no zlib wrapper) from a fresh compressor, ended with a
 * sync flush and never a final block, so pieces concatenate into one deflate stream; framed as
 * chunks. The driver adds the zlib header and trailer around the table's pieces.
 */
final class SyncFlushDeflateEncoder implements PieceEncoder {
  private final Deflater deflater;
  private final int chunkSize;
  private final byte[] buffer = new byte[64 * 1024];
  private final Adler32 adler = new Adler32();

  SyncFlushDeflateEncoder(int level, int chunkSize) {
    this.deflater = new Deflater(level, true);
    this.chunkSize = chunkSize;
  }

  @Override
  public EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    int checksum = (int) adler.getValue();
    if (length == 0) {
      return new EncodedPiece(new byte[0], 0, checksum);
    }
    InMemorySink sink = new InMemorySink();
    ChunkFramer framer = new ChunkFramer(new ArchiveOutput(sink), chunkSize);
    try {
      deflater.reset();
      deflater.setInput(raw, offset, length);
      int produced;
      do {
        // SYNC_FLUSH consumes all input and ends byte-aligned; a full buffer means more output
        // follows
        produced = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        framer.write(buffer, 0, produced);
      } while (produced == buffer.length || !deflater.needsInput());
      framer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
    return new EncodedPiece(sink.toByteArray(), length, checksum);
  }
}
