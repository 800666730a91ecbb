package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;

/**
 * Quoting of one element inside an array literal ({@code array_out}) or one field inside a row
 * literal ({@code record_out}), applied to the element's plain text before the row encoder escapes
 * the whole literal once more for COPY (or quotes it for INSERT).
 */
final class LiteralQuoting {
  private LiteralQuoting() {}

  /**
   * Appends an array element: double-quoted when empty, {@code NULL} in any case, or containing
   * {@code { } , " \} or white space; inside quotes {@code "} and {@code \} get a backslash.
   */
  static void arrayElement(TextBuffer out, TextBuffer element) {
    byte[] b = element.array();
    int n = element.length();
    boolean quote = n == 0 || isNullWord(b, n);
    for (int i = 0; i < n && !quote; i++) {
      byte c = b[i];
      quote = c == '{' || c == '}' || c == ',' || c == '"' || c == '\\' || isSpace(c);
    }
    if (!quote) {
      out.appendBytes(b, 0, n);
      return;
    }
    out.appendByte('"');
    for (int i = 0; i < n; i++) {
      if (b[i] == '"' || b[i] == '\\') {
        out.appendByte('\\');
      }
      out.appendByte(b[i]);
    }
    out.appendByte('"');
  }

  /**
   * Appends a row field: double-quoted when empty or containing {@code ( ) , " \} or white space;
   * inside quotes {@code "} and {@code \} are doubled (record_out's form; record_in reads it).
   */
  static void rowField(TextBuffer out, TextBuffer field) {
    byte[] b = field.array();
    int n = field.length();
    boolean quote = n == 0;
    for (int i = 0; i < n && !quote; i++) {
      byte c = b[i];
      quote = c == '(' || c == ')' || c == ',' || c == '"' || c == '\\' || isSpace(c);
    }
    if (!quote) {
      out.appendBytes(b, 0, n);
      return;
    }
    out.appendByte('"');
    for (int i = 0; i < n; i++) {
      if (b[i] == '"' || b[i] == '\\') {
        out.appendByte(b[i]);
      }
      out.appendByte(b[i]);
    }
    out.appendByte('"');
  }

  /** Appends text as a JSON string: quotes, backslash escapes, control characters as \\u00XX. */
  static void jsonString(TextBuffer out, CharSequence s) {
    out.appendByte('"');
    int start = 0;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        if (i > start) {
          out.appendUtf8(s.subSequence(start, i));
        }
        out.appendByte('\\');
        switch (c) {
          case '"' -> out.appendByte('"');
          case '\\' -> out.appendByte('\\');
          case '\n' -> out.appendByte('n');
          case '\t' -> out.appendByte('t');
          case '\r' -> out.appendByte('r');
          default -> {
            out.appendAscii("u00");
            out.appendByte(HEX[c >> 4]);
            out.appendByte(HEX[c & 0xF]);
          }
        }
        start = i + 1;
      }
    }
    if (start == 0) {
      out.appendUtf8(s);
    } else if (start < n) {
      out.appendUtf8(s.subSequence(start, n));
    }
    out.appendByte('"');
  }

  /** Appends UTF-8 bytes as a JSON string (multi-byte sequences copied unchanged). */
  static void jsonStringUtf8(TextBuffer out, byte[] b, int n) {
    out.appendByte('"');
    for (int i = 0; i < n; i++) {
      byte c = b[i];
      if (c == '"' || c == '\\') {
        out.appendByte('\\').appendByte(c);
      } else if (c >= 0 && c < 0x20) {
        out.appendAscii("\\u00").appendByte(HEX[c >> 4]).appendByte(HEX[c & 0xF]);
      } else {
        out.appendByte(c);
      }
    }
    out.appendByte('"');
  }

  /** Appends text escaped for XML character data and attribute values. */
  static void xmlText(TextBuffer out, CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.appendAscii("&lt;");
        case '>' -> out.appendAscii("&gt;");
        case '&' -> out.appendAscii("&amp;");
        case '"' -> out.appendAscii("&quot;");
        default -> {
          if (c < 0x80) {
            out.appendByte(c);
          } else {
            int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
            out.appendUtf8(s.subSequence(i, end));
            i = end - 1;
          }
        }
      }
    }
  }

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private static boolean isNullWord(byte[] b, int n) {
    return n == 4
        && (b[0] | 0x20) == 'n'
        && (b[1] | 0x20) == 'u'
        && (b[2] | 0x20) == 'l'
        && (b[3] | 0x20) == 'l';
  }

  private static boolean isSpace(byte c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
  }
}
