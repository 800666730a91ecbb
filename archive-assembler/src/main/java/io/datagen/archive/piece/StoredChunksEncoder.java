package io.datagen.archive.piece;

import java.io.IOException;
import java.io.OutputStream;

/** Custom-format piece without compression: the raw bytes framed as chunks. */
final class StoredChunksEncoder extends CompressingPieceEncoder {
  StoredChunksEncoder(int chunkSize) {
    super(chunkSize);
  }

  @Override
  void compress(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    out.write(raw, offset, length);
  }
}
