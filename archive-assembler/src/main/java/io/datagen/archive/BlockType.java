package io.datagen.archive;

/** The byte that starts each data block of a custom archive (pg_backup_custom.c {@code BLK_*}). */
public enum BlockType {
  /** Table data: chunks ended by Int 0. */
  BLK_DATA(1),
  /** Large objects: per object an Int OID and its chunks. Read only as far as being rejected. */
  BLK_BLOBS(3);

  private final int code;

  BlockType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static BlockType fromCode(int code) {
    for (BlockType type : values()) {
      if (type.code == code) {
        return type;
      }
    }
    throw new IllegalArgumentException("Cannot decode block type: " + code + " (expected 1 or 3)");
  }
}
