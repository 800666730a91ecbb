package io.datagen.job.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * Object names chosen the way PostgreSQL chooses them when a statement gives none ({@code
 * makeObjectName}, {@code ChooseRelationName}, {@code ChooseIndexNameAddition} in {@code
 * src/backend/commands/indexcmds.c}): {@code <table>_<columns>_<label>}, cut so that the whole name
 * fits {@link #MAX_IDENTIFIER_BYTES} bytes, and numbered ({@code _key1}, {@code _key2} ...) when
 * the name is taken.
 */
public final class PostgresNames {
  /** NAMEDATALEN - 1: longer identifiers are truncated by PostgreSQL. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private PostgresNames() {}

  /** UTF-8 length of an identifier, the unit PostgreSQL limits. */
  public static int byteLength(String identifier) {
    return identifier.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * {@code makeObjectName}: joins {@code name1}, {@code name2} (may be null) and {@code label} (may
   * be null) with underscores, shortening the longer of the first two names, one byte at a time,
   * until the result fits; multi-byte characters are never cut in half.
   */
  public static String makeObjectName(String name1, String name2, String label) {
    int overhead = 0;
    int name1Bytes = byteLength(name1);
    int name2Bytes = 0;
    if (name2 != null) {
      name2Bytes = byteLength(name2);
      overhead++; // underscore before name2
    }
    if (label != null) {
      overhead += byteLength(label) + 1; // underscore and label
    }
    int available = MAX_IDENTIFIER_BYTES - overhead;
    while (name1Bytes + name2Bytes > available) {
      if (name1Bytes > name2Bytes) {
        name1Bytes--;
      } else {
        name2Bytes--;
      }
    }
    StringBuilder name = new StringBuilder(clip(name1, name1Bytes));
    if (name2 != null) {
      name.append('_').append(clip(name2, name2Bytes));
    }
    if (label != null) {
      name.append('_').append(label);
    }
    return name.toString();
  }

  /**
   * {@code ChooseRelationName}: the first of {@code name1_name2_label}, {@code ..._label1}, {@code
   * ..._label2} ... that {@code taken} does not reject.
   */
  public static String chooseName(
      String name1, String name2, String label, Predicate<String> taken) {
    String candidate = makeObjectName(name1, name2, label);
    for (int pass = 1; taken.test(candidate); pass++) {
      candidate = makeObjectName(name1, name2, label + pass);
    }
    return candidate;
  }

  /**
   * {@code ChooseIndexNameAddition} / {@code ChooseForeignKeyConstraintNameAddition}: column names
   * joined with underscores, stopping once the text passes the identifier limit (the caller's
   * {@link #makeObjectName} then cuts it to size).
   */
  public static String columnsAddition(List<String> columns) {
    StringBuilder addition = new StringBuilder();
    for (String column : columns) {
      if (addition.length() > 0) {
        addition.append('_');
      }
      addition.append(clip(column, MAX_IDENTIFIER_BYTES)); // strlcpy(..., NAMEDATALEN)
      if (byteLength(addition.toString()) >= MAX_IDENTIFIER_BYTES + 1) {
        break;
      }
    }
    return addition.toString();
  }

  /** The sequence PostgreSQL creates for a serial column: {@code <table>_<column>_seq}. */
  public static String serialSequenceName(String table, String column) {
    return makeObjectName(table, column, "seq");
  }

  /**
   * The longest prefix of {@code text} of at most {@code maxBytes} UTF-8 bytes ({@code
   * pg_mbcliplen}).
   */
  static String clip(String text, int maxBytes) {
    int bytes = 0;
    int end = 0;
    while (end < text.length()) {
      int codePoint = text.codePointAt(end);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > maxBytes) {
        break;
      }
      bytes += size;
      end += Character.charCount(codePoint);
    }
    return text.substring(0, end);
  }
}
