package io.datagen.archive.piece;

/**
 * What the driver knows about one encoded piece of a table's data: the raw (uncompressed) length,
 * the stored length, the Adler-32 of the raw bytes, and where the stored bytes are.
 */
public record DataPiece(long rawLength, long storedLength, int adler32, PieceSource source) {

  public DataPiece {
    if (rawLength < 0) {
      throw new IllegalArgumentException("Cannot create data piece with raw length: " + rawLength);
    }
    if (storedLength < 0) {
      throw new IllegalArgumentException(
          "Cannot create data piece with stored length: " + storedLength);
    }
    if (source == null) {
      throw new IllegalArgumentException("Cannot create data piece: source is null");
    }
    if (source.length() != storedLength) {
      throw new IllegalArgumentException(
          "Cannot create data piece: stored length "
              + storedLength
              + " differs from its source's length "
              + source.length());
    }
  }
}
