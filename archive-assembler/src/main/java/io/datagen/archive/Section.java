package io.datagen.archive;

/** The {@code section} Int of a TOC entry (pg_backup.h {@code teSection}). */
public enum Section {
  /** Inherits the section of the previous entry (e.g. COMMENT). */
  NONE(1),
  /** Schema objects created before the data: types, tables, sequences, defaults. */
  PRE_DATA(2),
  /** TABLE DATA, SEQUENCE SET. */
  DATA(3),
  /** Constraints, indexes, foreign keys. */
  POST_DATA(4);

  private final int code;

  Section(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Section fromCode(int code) {
    for (Section section : values()) {
      if (section.code == code) {
        return section;
      }
    }
    throw new IllegalArgumentException("Cannot decode section: " + code + " (expected 1 to 4)");
  }
}
