package io.datagen.archive.read;

import java.io.IOException;

/** The bytes are not an archive this reader understands (corrupt, truncated or unsupported). */
public final class ArchiveFormatException extends IOException {
  public ArchiveFormatException(String message) {
    super(message);
  }

  public ArchiveFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
