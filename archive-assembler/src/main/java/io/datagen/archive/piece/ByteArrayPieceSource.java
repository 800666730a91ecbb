package io.datagen.archive.piece;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** A {@link PieceSource} over bytes held in memory (not copied). */
public record ByteArrayPieceSource(byte[] bytes) implements PieceSource {

  public ByteArrayPieceSource {
    if (bytes == null) {
      throw new IllegalArgumentException("Cannot create piece source: bytes are null");
    }
  }

  @Override
  public long length() {
    return bytes.length;
  }

  @Override
  public InputStream open() {
    return new ByteArrayInputStream(bytes);
  }
}
