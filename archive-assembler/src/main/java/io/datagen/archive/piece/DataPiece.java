package io.datagen.archive.piece;

import java.io.IOException;
import java.io.InputStream;

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

  private static final int COPY_BUFFER_SIZE = 64 * 1024;

  /** Receives the stored bytes of a piece, buffer by buffer. */
  @FunctionalInterface
  public interface StoredBytes {
    void accept(byte[] bytes, int offset, int length) throws IOException;
  }

  /**
   * Streams the stored bytes into {@code out}, refusing a source that yields more or fewer bytes
   * than {@link #storedLength()} (a staged file cut short or overwritten).
   *
   * @param name what the piece is, for messages ("piece 3 of dumpId 12")
   */
  public void copyTo(String name, StoredBytes out) throws IOException {
    byte[] buffer = new byte[(int) Math.min(COPY_BUFFER_SIZE, Math.max(1, storedLength))];
    long copied = 0;
    try (InputStream in = source.open()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        copied += n;
        if (copied > storedLength) {
          throw new IllegalStateException(
              "Cannot copy "
                  + name
                  + ": source has more than the declared "
                  + storedLength
                  + " bytes");
        }
        out.accept(buffer, 0, n);
      }
    }
    if (copied != storedLength) {
      throw new IllegalStateException(
          "Cannot copy " + name + ": source gave " + copied + " bytes, declared " + storedLength);
    }
  }
}
