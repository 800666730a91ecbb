package io.datagen.archive;

/** The flag byte that starts every Offset (pg_backup_archiver.h {@code K_OFFSET_*}). */
public enum OffsetFlag {
  /** The entry has data, but its position was not recorded. */
  NOT_SET(1),
  /** The entry has data at the given absolute file position. */
  SET(2),
  /** The entry has no data block. */
  NO_DATA(3);

  private final int code;

  OffsetFlag(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static OffsetFlag fromCode(int code) {
    for (OffsetFlag flag : values()) {
      if (flag.code == code) {
        return flag;
      }
    }
    throw new IllegalArgumentException(
        "Cannot decode data offset flag: " + code + " (expected 1, 2 or 3)");
  }
}
