package io.datagen.archive.text;

/** COPY text format rules (copyto.c), as pg_dump's data blocks use them. */
public final class CopyText {
  /** How NULL is written. */
  public static final String NULL = "\\N";

  /** Column delimiter. */
  public static final char DELIMITER = '\t';

  /** End of a COPY data stream as pg_dump writes it: the {@code \.} line and two empty lines. */
  public static final String END_OF_DATA = "\\.\n\n\n";

  private CopyText() {}

  /** The letter written after a backslash for {@code c}, or 0 when {@code c} is written as is. */
  static byte escapeLetter(char c) {
    return switch (c) {
      case '\\' -> '\\';
      case '\b' -> 'b';
      case '\f' -> 'f';
      case '\n' -> 'n';
      case '\r' -> 'r';
      case '\t' -> 't';
      case 0x0b -> 'v';
      default -> 0;
    };
  }

  /** A value escaped for COPY text; {@code null} becomes {@code \N}. */
  public static String escape(String value) {
    if (value == null) {
      return NULL;
    }
    return new TextBuffer(value.length() + 16).appendCopyEscaped(value).toString();
  }
}
