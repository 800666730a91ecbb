package io.datagen.archive.piece;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A {@link PieceSource} over a local file (e.g. a staged piece). */
public record FilePieceSource(Path path, long length) implements PieceSource {

  public FilePieceSource {
    if (path == null) {
      throw new IllegalArgumentException("Cannot create piece source: path is null");
    }
    if (length < 0) {
      throw new IllegalArgumentException(
          "Cannot create piece source for " + path + " with length: " + length);
    }
  }

  /** A source over the whole file, its length taken now. */
  public static FilePieceSource of(Path path) {
    try {
      return new FilePieceSource(path, Files.size(path));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read size of piece file: " + path, e);
    }
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }
}
