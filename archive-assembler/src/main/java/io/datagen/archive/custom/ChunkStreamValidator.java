package io.datagen.archive.custom;

/**
 * Checks, while a piece streams through, that its bytes are a whole sequence of chunks (Int length
 * > 0, then that many bytes): a piece that is not framed, or holds an empty chunk, would end or
 * corrupt the data block.
 */
final class ChunkStreamValidator {
  private static final int INT_BYTES = 5;

  private final String pieceName;
  private final byte[] header = new byte[INT_BYTES];
  private int headerFilled;
  private long payloadRemaining;
  private long consumed;

  ChunkStreamValidator(String pieceName) {
    this.pieceName = pieceName;
  }

  void accept(byte[] bytes, int offset, int length) {
    int i = offset;
    int end = offset + length;
    while (i < end) {
      if (payloadRemaining > 0) {
        int n = (int) Math.min(payloadRemaining, end - i);
        payloadRemaining -= n;
        i += n;
        continue;
      }
      header[headerFilled++] = bytes[i++];
      if (headerFilled == INT_BYTES) {
        startChunk();
      }
    }
    consumed += length;
  }

  private void startChunk() {
    long chunkStart = consumed; // approximate position, for the message
    if (header[0] != 0) {
      throw new IllegalStateException(
          "Cannot copy "
              + pieceName
              + ": negative chunk length near byte "
              + chunkStart
              + " (piece is not framed as chunks)");
    }
    long length =
        (header[1] & 0xffL)
            | (header[2] & 0xffL) << 8
            | (header[3] & 0xffL) << 16
            | (header[4] & 0xffL) << 24;
    if (length == 0) {
      throw new IllegalStateException(
          "Cannot copy "
              + pieceName
              + ": empty chunk near byte "
              + chunkStart
              + " (Int 0 would end the data block)");
    }
    payloadRemaining = length;
    headerFilled = 0;
  }

  void finish() {
    if (headerFilled != 0 || payloadRemaining != 0) {
      throw new IllegalStateException(
          "Cannot copy "
              + pieceName
              + ": it ends inside a chunk (piece is truncated or not framed)");
    }
  }
}
