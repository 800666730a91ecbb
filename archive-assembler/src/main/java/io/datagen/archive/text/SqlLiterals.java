package io.datagen.archive.text;

/** SQL string literals for sessions with {@code standard_conforming_strings = on}. */
public final class SqlLiterals {
  private SqlLiterals() {}

  /** {@code 'text'} with embedded quotes doubled; {@code null} becomes {@code NULL}. */
  public static String quote(String value) {
    if (value == null) {
      return "NULL";
    }
    return new TextBuffer(value.length() + 16).appendSqlLiteral(value).toString();
  }
}
