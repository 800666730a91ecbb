package io.datagen.archive;

/** The format byte of the header (pg_backup.h {@code ArchiveFormat}). */
public enum ArchiveFormat {
  /** {@code pg_dump -Fc}: header, TOC and data blocks in one file. */
  CUSTOM(1),
  /** Tar, and also the toc.dat of a directory archive. */
  TAR(3);

  private final int code;

  ArchiveFormat(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static ArchiveFormat fromCode(int code) {
    for (ArchiveFormat format : values()) {
      if (format.code == code) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Cannot decode archive format: " + code + " (expected 1 or 3)");
  }
}
