package io.datagen.archive.text;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable UTF-8 byte buffer that generators write values into: COPY-escaped text, SQL literals,
 * numbers. Nothing is allocated per value; the array only grows (doubling). Not thread-safe; reuse
 * it with {@link #clear()}.
 */
public final class TextBuffer {
  private static final byte[] DIGITS = "0123456789".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(StandardCharsets.US_ASCII);
  private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

  private byte[] bytes;
  private int length;

  public TextBuffer() {
    this(8192);
  }

  public TextBuffer(int initialCapacity) {
    if (initialCapacity < 16) {
      initialCapacity = 16;
    }
    this.bytes = new byte[initialCapacity];
  }

  public int length() {
    return length;
  }

  /** The backing array; bytes {@code [0, length())} are valid. */
  public byte[] array() {
    return bytes;
  }

  public TextBuffer clear() {
    length = 0;
    return this;
  }

  /** Drops everything after {@code newLength} (e.g. to undo a partly written row). */
  public TextBuffer truncate(int newLength) {
    if (newLength < 0 || newLength > length) {
      throw new IllegalArgumentException(
          "Cannot truncate text buffer of length " + length + " to: " + newLength);
    }
    length = newLength;
    return this;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, length);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes, 0, length);
  }

  /** The content decoded as UTF-8 (for tests and diagnostics). */
  @Override
  public String toString() {
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }

  private void ensure(int extra) {
    int needed = length + extra;
    if (needed < 0 || needed > MAX_CAPACITY) {
      throw new IllegalStateException(
          "Cannot grow text buffer beyond "
              + MAX_CAPACITY
              + " bytes: need "
              + ((long) length + extra));
    }
    if (needed > bytes.length) {
      bytes =
          Arrays.copyOf(bytes, (int) Math.min(MAX_CAPACITY, Math.max(needed, bytes.length * 2L)));
    }
  }

  public TextBuffer appendByte(int b) {
    ensure(1);
    bytes[length++] = (byte) b;
    return this;
  }

  public TextBuffer appendBytes(byte[] source, int offset, int count) {
    ensure(count);
    System.arraycopy(source, offset, bytes, length, count);
    length += count;
    return this;
  }

  public TextBuffer appendBytes(byte[] source) {
    return appendBytes(source, 0, source.length);
  }

  /**
   * Appends characters that must all be ASCII (keywords, numbers already formatted, separators).
   */
  public TextBuffer appendAscii(CharSequence text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        throw new IllegalArgumentException(
            "Cannot append as ASCII: character U+" + Integer.toHexString(c) + " at index " + i);
      }
      bytes[length++] = (byte) c;
    }
    return this;
  }

  /** Appends text as UTF-8 (unpaired surrogates become '?', as String.getBytes does). */
  public TextBuffer appendUtf8(CharSequence text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        ensure(1);
        bytes[length++] = (byte) c;
      } else {
        i = appendNonAscii(text, i, c);
      }
    }
    return this;
  }

  /** Encodes the non-ASCII char at {@code i}; returns the index of the last char consumed. */
  private int appendNonAscii(CharSequence text, int i, char c) {
    if (c < 0x800) {
      ensure(2);
      bytes[length++] = (byte) (0xc0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3f));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, text.charAt(i + 1));
      ensure(4);
      bytes[length++] = (byte) (0xf0 | (cp >> 18));
      bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      bytes[length++] = (byte) (0x80 | (cp & 0x3f));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      ensure(1);
      bytes[length++] = '?';
      return i;
    }
    ensure(3);
    bytes[length++] = (byte) (0xe0 | (c >> 12));
    bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
    bytes[length++] = (byte) (0x80 | (c & 0x3f));
    return i;
  }

  public TextBuffer appendLong(long value) {
    if (value == Long.MIN_VALUE) {
      return appendBytes(LONG_MIN);
    }
    ensure(20);
    if (value < 0) {
      bytes[length++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    int end = length + digits;
    for (int p = end - 1; p >= length; p--) {
      bytes[p] = DIGITS[(int) (value % 10)];
      value /= 10;
    }
    length = end;
    return this;
  }

  public TextBuffer appendInt(int value) {
    return appendLong(value);
  }

  /**
   * Appends a value in COPY text format (copyto.c {@code CopyAttributeOutText}): backslash doubled;
   * BS, FF, LF, CR, TAB, VT as {@code \b \f \n \r \t \v}; everything else as UTF-8.
   */
  public TextBuffer appendCopyEscaped(CharSequence text) {
    int n = text.length();
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        i = appendNonAscii(text, i, c);
        continue;
      }
      byte escape = CopyText.escapeLetter(c);
      if (escape != 0) {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = escape;
      } else if (c == 0) {
        throw new IllegalArgumentException(
            "Cannot encode text value: it contains NUL (U+0000), which PostgreSQL text cannot store");
      } else {
        ensure(1);
        bytes[length++] = (byte) c;
      }
    }
    return this;
  }

  /**
   * Appends a SQL string literal for {@code standard_conforming_strings = on}: single quotes
   * around, embedded quotes doubled, backslashes and line breaks kept as they are.
   */
  public TextBuffer appendSqlLiteral(CharSequence text) {
    int n = text.length();
    ensure(n + 2);
    bytes[length++] = '\'';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c >= 0x80) {
        i = appendNonAscii(text, i, c);
      } else if (c == '\'') {
        ensure(2);
        bytes[length++] = '\'';
        bytes[length++] = '\'';
      } else if (c == 0) {
        throw new IllegalArgumentException(
            "Cannot encode SQL literal: it contains NUL (U+0000), which PostgreSQL text cannot store");
      } else {
        ensure(1);
        bytes[length++] = (byte) c;
      }
    }
    ensure(1);
    bytes[length++] = '\'';
    return this;
  }

  /**
   * Appends UTF-8 bytes in COPY text format, like {@link #appendCopyEscaped(CharSequence)}: only
   * ASCII bytes are ever escaped, so multi-byte sequences are copied unchanged.
   */
  public TextBuffer appendCopyEscapedUtf8(byte[] source, int offset, int count) {
    ensure(count);
    for (int i = offset; i < offset + count; i++) {
      byte b = source[i];
      byte escape = b >= 0 ? CopyText.escapeLetter((char) b) : 0;
      if (escape != 0) {
        ensure(2);
        bytes[length++] = '\\';
        bytes[length++] = escape;
      } else if (b == 0) {
        throw new IllegalArgumentException(
            "Cannot encode text value: it contains NUL (U+0000), which PostgreSQL text cannot store");
      } else {
        ensure(1);
        bytes[length++] = b;
      }
    }
    return this;
  }

  /** Appends UTF-8 bytes as a SQL string literal, like {@link #appendSqlLiteral(CharSequence)}. */
  public TextBuffer appendSqlLiteralUtf8(byte[] source, int offset, int count) {
    ensure(count + 2);
    bytes[length++] = '\'';
    for (int i = offset; i < offset + count; i++) {
      byte b = source[i];
      if (b == '\'') {
        ensure(2);
        bytes[length++] = '\'';
        bytes[length++] = '\'';
      } else if (b == 0) {
        throw new IllegalArgumentException(
            "Cannot encode SQL literal: it contains NUL (U+0000), which PostgreSQL text cannot store");
      } else {
        ensure(1);
        bytes[length++] = b;
      }
    }
    ensure(1);
    bytes[length++] = '\'';
    return this;
  }
}
