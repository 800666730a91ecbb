package io.datagen.archive.piece;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;

/**
 * Custom-format gzip piece: raw deflate (no zlib wrapper) from a fresh compressor, ended with a
 * sync flush and never a final block, so pieces concatenate into one deflate stream; framed as
 * chunks. The driver adds the zlib header and trailer around the table's pieces.
 */
final class SyncFlushDeflateEncoder extends CompressingPieceEncoder {
  private final Deflater deflater;
  private final byte[] buffer = new byte[64 * 1024];

  SyncFlushDeflateEncoder(int level, int chunkSize) {
    super(chunkSize);
    this.deflater = new Deflater(level, true);
  }

  @Override
  void compress(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    deflater.reset();
    deflater.setInput(raw, offset, length);
    int produced;
    do {
      // SYNC_FLUSH consumes all input and ends byte-aligned; a full buffer means more output
      // follows
      produced = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, produced);
    } while (produced == buffer.length || !deflater.needsInput());
  }
}
