package io.datagen.archive.text;

/** Identifier quoting by the rules of PostgreSQL's {@code quote_identifier} (ruleutils.c). */
public final class SqlIdentifiers {
  private SqlIdentifiers() {}

  /**
   * The identifier as written in SQL: unchanged when it starts with a lowercase letter or
   * underscore, holds only lowercase letters, digits and underscores, and is not a keyword that
   * needs quoting; otherwise in double quotes with embedded quotes doubled.
   */
  public static String quote(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot quote identifier: " + (identifier == null ? "null" : "empty string"));
    }
    if (identifier.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "Cannot quote identifier: it contains NUL: " + identifier.replace('\0', '?'));
    }
    if (isSafe(identifier)) {
      return identifier;
    }
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** {@code schema.name}, each part quoted as needed. */
  public static String qualified(String schema, String name) {
    return quote(schema) + "." + quote(name);
  }

  private static boolean isSafe(String identifier) {
    char first = identifier.charAt(0);
    if (!(isLowerAsciiLetter(first) || first == '_')) {
      return false;
    }
    for (int i = 1; i < identifier.length(); i++) {
      char c = identifier.charAt(i);
      if (!(isLowerAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_')) {
        return false;
      }
    }
    return !SqlKeywords.needsQuotes(identifier);
  }

  private static boolean isLowerAsciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }
}
