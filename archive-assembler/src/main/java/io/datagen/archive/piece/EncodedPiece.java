package io.datagen.archive.piece;

/**
 * The output of a {@link PieceEncoder}: stored bytes ready to be copied into the archive, the raw
 * length they encode, and the Adler-32 of the raw bytes.
 */
public record EncodedPiece(byte[] bytes, long rawLength, int adler32) {

  public EncodedPiece {
    if (bytes == null) {
      throw new IllegalArgumentException("Cannot create encoded piece: bytes are null");
    }
    if (rawLength < 0) {
      throw new IllegalArgumentException(
          "Cannot create encoded piece with raw length: " + rawLength);
    }
  }

  public long storedLength() {
    return bytes.length;
  }

  /** This piece as a {@link DataPiece} backed by its bytes in memory. */
  public DataPiece toDataPiece() {
    return new DataPiece(rawLength, bytes.length, adler32, new ByteArrayPieceSource(bytes));
  }
}
