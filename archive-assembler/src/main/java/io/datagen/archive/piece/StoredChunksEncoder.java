package io.datagen.archive.piece;

import java.io.IOException;

/** Custom-format piece without compression: the raw bytes framed as chunks. */
final class StoredChunksEncoder extends ChunkedPieceEncoder {
  StoredChunksEncoder(int chunkSize) {
    super(chunkSize);
  }

  @Override
  void compress(byte[] raw, int offset, int length, ChunkFramer out) throws IOException {
    out.write(raw, offset, length);
  }
}
