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
  /** "00", "01", ... "99": two digits per table lookup. */
  private static final byte[] DIGIT_PAIRS = new byte[200];

  /**
   * Per ASCII character, how COPY text writes it: {@link #PLAIN} as is, {@link #NUL} refused,
   * otherwise the letter written after a backslash ({@link CopyText#escapeLetter}).
   */
  private static final byte[] COPY_ESCAPES = new byte[128];

  private static final byte PLAIN = 0;
  private static final byte NUL = -1;

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (byte) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
    }
    for (char c = 0; c < 128; c++) {
      COPY_ESCAPES[c] = CopyText.escapeLetter(c);
    }
    COPY_ESCAPES[0] = NUL;
  }

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
    int next = i + 1 < text.length() ? text.charAt(i + 1) : -1;
    return i + appendNonAscii(c, next);
  }

  /**
   * Encodes the non-ASCII char {@code c}, followed by {@code next} (-1 at the end), which is
   * consumed too when the two form a surrogate pair; returns how many chars after {@code c} were
   * consumed (0 or 1).
   */
  private int appendNonAscii(char c, int next) {
    if (c < 0x800) {
      ensure(2);
      bytes[length++] = (byte) (0xc0 | (c >> 6));
      bytes[length++] = (byte) (0x80 | (c & 0x3f));
      return 0;
    }
    if (Character.isHighSurrogate(c) && next >= 0 && Character.isLowSurrogate((char) next)) {
      int cp = Character.toCodePoint(c, (char) next);
      ensure(4);
      bytes[length++] = (byte) (0xf0 | (cp >> 18));
      bytes[length++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      bytes[length++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      bytes[length++] = (byte) (0x80 | (cp & 0x3f));
      return 1;
    }
    if (Character.isSurrogate(c)) {
      ensure(1);
      bytes[length++] = '?';
      return 0;
    }
    ensure(3);
    bytes[length++] = (byte) (0xe0 | (c >> 12));
    bytes[length++] = (byte) (0x80 | ((c >> 6) & 0x3f));
    bytes[length++] = (byte) (0x80 | (c & 0x3f));
    return 0;
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
    int end = length + digitCount(value);
    writeDigitsBackwards(value, end);
    length = end;
    return this;
  }

  /**
   * Appends {@code value} (0 or more) in decimal with at least {@code width} digits, zero-padded on
   * the left: (7, 2) → {@code 07}, (2024, 2) → {@code 2024}.
   */
  public TextBuffer appendZeroPadded(long value, int width) {
    if (value < 0) {
      throw new IllegalArgumentException("Cannot zero-pad a negative number: " + value);
    }
    int digits = Math.max(width, digitCount(value));
    ensure(digits);
    int end = length + digits;
    int start = writeDigitsBackwards(value, end);
    while (start > length) {
      bytes[--start] = '0';
    }
    length = end;
    return this;
  }

  /** 10^0 to 10^18. */
  private static final long[] POWERS_OF_TEN = new long[19];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
    }
  }

  /**
   * The number of decimal digits of {@code value} ≥ 0, without a division: log10 estimated from the
   * bit length (1233 / 4096 ≈ log10 2), then corrected by one comparison.
   */
  private static int digitCount(long value) {
    int bits = 64 - Long.numberOfLeadingZeros(value | 1);
    int estimate = (bits * 1233) >>> 12;
    return Math.max(1, estimate + 1 - (value < POWERS_OF_TEN[estimate] ? 1 : 0));
  }

  /**
   * Writes the digits of {@code value} ≥ 0 so that the last one is at {@code end - 1}, two at a
   * time; returns the index of the first digit written.
   */
  private int writeDigitsBackwards(long value, int end) {
    int p = end;
    while (value >= Integer.MAX_VALUE) {
      long q = value / 100;
      int pair = (int) (value - q * 100) << 1;
      bytes[--p] = DIGIT_PAIRS[pair + 1];
      bytes[--p] = DIGIT_PAIRS[pair];
      value = q;
    }
    int v = (int) value;
    while (v >= 100) {
      int q = v / 100;
      int pair = (v - q * 100) << 1;
      bytes[--p] = DIGIT_PAIRS[pair + 1];
      bytes[--p] = DIGIT_PAIRS[pair];
      v = q;
    }
    if (v >= 10) {
      bytes[--p] = DIGIT_PAIRS[(v << 1) + 1];
      bytes[--p] = DIGIT_PAIRS[v << 1];
    } else {
      bytes[--p] = (byte) ('0' + v);
    }
    return p;
  }

  /**
   * Appends {@code value} (0 to 99) as exactly two digits, {@code 07}: the fields of dates and
   * times, without counting digits.
   */
  public TextBuffer appendTwoDigits(int value) {
    if (value < 0 || value > 99) {
      throw new IllegalArgumentException("Cannot write " + value + " as two digits");
    }
    ensure(2);
    bytes[length++] = DIGIT_PAIRS[value << 1];
    bytes[length++] = DIGIT_PAIRS[(value << 1) + 1];
    return this;
  }

  /** Appends {@code value} (0 to 9999) as exactly four digits, {@code 0042}. */
  public TextBuffer appendFourDigits(int value) {
    if (value < 0 || value > 9999) {
      throw new IllegalArgumentException("Cannot write " + value + " as four digits");
    }
    ensure(4);
    int high = value / 100;
    int low = value - high * 100;
    bytes[length++] = DIGIT_PAIRS[high << 1];
    bytes[length++] = DIGIT_PAIRS[(high << 1) + 1];
    bytes[length++] = DIGIT_PAIRS[low << 1];
    bytes[length++] = DIGIT_PAIRS[(low << 1) + 1];
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
    // Room for n bytes: enough while every char is plain ASCII; anything wider asks for more.
    ensure(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x80 && COPY_ESCAPES[c] == PLAIN) {
        bytes[length++] = (byte) c;
      } else {
        ensure(n - i + 3);
        if (c >= 0x80) {
          i = appendNonAscii(text, i, c);
        } else {
          appendCopyEscape(c);
        }
      }
    }
    return this;
  }

  /**
   * Appends {@code count} chars of {@code chars} from {@code offset} in COPY text format, exactly
   * like {@link #appendCopyEscaped(CharSequence)} (for callers that compose text in a char array).
   */
  public TextBuffer appendCopyEscaped(char[] chars, int offset, int count) {
    int end = endOfChars(chars, offset, count);
    ensure(count);
    // Local copies: the loop of plain ASCII chars then runs on registers.
    byte[] out = bytes;
    int at = length;
    for (int i = offset; i < end; i++) {
      char c = chars[i];
      if (c < 0x80 && COPY_ESCAPES[c] == PLAIN) {
        out[at++] = (byte) c;
      } else {
        length = at;
        ensure(end - i + 3);
        if (c >= 0x80) {
          i += appendNonAscii(c, i + 1 < end ? chars[i + 1] : -1);
        } else {
          appendCopyEscape(c);
        }
        out = bytes;
        at = length;
      }
    }
    length = at;
    return this;
  }

  /** The end of chars {@code [offset, offset + count)}, checked to lie within {@code chars}. */
  private static int endOfChars(char[] chars, int offset, int count) {
    int end = Math.addExact(offset, count);
    if (offset < 0 || count < 0 || end > chars.length) {
      throw new IndexOutOfBoundsException(
          "Cannot append chars [" + offset + ", " + end + ") of an array of " + chars.length);
    }
    return end;
  }

  /**
   * Whether COPY text stores {@code c} as the one byte of its code: ASCII other than NUL, the
   * backslash and the control characters that {@link CopyText} escapes.
   */
  public static boolean isCopyPlain(char c) {
    // Printable ASCII first, without the table: for a constant char this folds to a constant.
    return c >= 0x20 ? c < 0x80 && c != '\\' : COPY_ESCAPES[c] == PLAIN;
  }

  /**
   * Appends {@code count} chars of {@code chars} from {@code offset}, every one of which {@link
   * #isCopyPlain} (the caller knows it): the same bytes as {@link #appendCopyEscaped(char[], int,
   * int)}, in a loop without a branch per char.
   */
  public TextBuffer appendCopyPlain(char[] chars, int offset, int count) {
    int end = endOfChars(chars, offset, count);
    ensure(count);
    byte[] out = bytes;
    int at = length;
    for (int i = offset; i < end; i++) {
      out[at++] = (byte) chars[i];
    }
    length = at;
    return this;
  }

  /** A backslash and the escape letter of ASCII {@code c}, or the NUL error. */
  private void appendCopyEscape(char c) {
    byte escape = COPY_ESCAPES[c];
    if (escape == NUL) {
      throw new IllegalArgumentException(
          "Cannot encode text value: it contains NUL (U+0000), which PostgreSQL text cannot store");
    }
    bytes[length++] = '\\';
    bytes[length++] = escape;
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
      if (b < 0 || COPY_ESCAPES[b] == PLAIN) {
        bytes[length++] = b;
      } else {
        ensure(offset + count - i + 1);
        appendCopyEscape((char) b);
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
