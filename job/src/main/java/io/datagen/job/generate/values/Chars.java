package io.datagen.job.generate.values;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.ArrayBackedText;
import io.datagen.job.sink.TextTable;

/**
 * A reusable character buffer for composed values (one per generator): appended to, then fitted to
 * a column's length at a word boundary, and handed to {@link io.datagen.job.sink.ValueSink#text}.
 */
public final class Chars implements ArrayBackedText {
  /** No length limit. */
  public static final int UNBOUNDED = -1;

  private char[] chars;
  private int length;

  /**
   * Every char in {@code [0, length)} is stored as is by COPY text (kept by each change, so that
   * the encoder can skip its per-char check: {@link #copyPlain}).
   */
  private boolean plain = true;

  public Chars(int capacity) {
    this.chars = new char[Math.max(16, capacity)];
  }

  public Chars clear() {
    length = 0;
    plain = true;
    return this;
  }

  public Chars append(char c) {
    ensure(1);
    chars[length++] = c;
    plain &= TextBuffer.isCopyPlain(c);
    return this;
  }

  /** Appends up to {@code max} characters of {@code s}. */
  public Chars append(String s, int max) {
    int n = Math.min(s.length(), max);
    ensure(n);
    s.getChars(0, n, chars, length);
    appended(n);
    return this;
  }

  public Chars append(String s) {
    ensure(s.length());
    s.getChars(0, s.length(), chars, length);
    appended(s.length());
    return this;
  }

  /** Counts {@code n} chars just written after the text, checking whether they are plain. */
  private void appended(int n) {
    int end = length + n;
    for (int i = length; plain && i < end; i++) {
      plain = TextBuffer.isCopyPlain(chars[i]);
    }
    length = end;
  }

  /** Appends entry {@code index} of a dictionary. */
  public Chars append(TextTable table, int index) {
    int n = table.length(index);
    ensure(n);
    System.arraycopy(table.chars(), table.charStart(index), chars, length, n);
    length += n;
    plain &= table.copyPlain();
    return this;
  }

  /** "00" to "99": two digits per division (phone numbers, postal codes, house numbers). */
  private static final char[] DIGIT_PAIRS = new char[200];

  static {
    for (int i = 0; i < 100; i++) {
      DIGIT_PAIRS[2 * i] = (char) ('0' + i / 10);
      DIGIT_PAIRS[2 * i + 1] = (char) ('0' + i % 10);
    }
  }

  /** Appends {@code value} (0 or more) in decimal, at least {@code width} digits (zero-padded). */
  public Chars appendNumber(long value, int width) {
    if (value < 0 || value > Integer.MAX_VALUE) {
      return appendLongNumber(value, width);
    }
    int v = (int) value;
    int digits = 1;
    for (int rest = v; rest >= 10; rest /= 10) {
      digits++;
    }
    int pad = Math.max(0, width - digits);
    ensure(pad + digits);
    for (int i = 0; i < pad; i++) {
      chars[length++] = '0';
    }
    int p = length + digits;
    while (v >= 100) {
      int pair = (v % 100) << 1;
      v /= 100;
      chars[--p] = DIGIT_PAIRS[pair + 1];
      chars[--p] = DIGIT_PAIRS[pair];
    }
    if (v >= 10) {
      chars[--p] = DIGIT_PAIRS[(v << 1) + 1];
      chars[--p] = DIGIT_PAIRS[v << 1];
    } else {
      chars[--p] = (char) ('0' + v);
    }
    length += digits;
    return this;
  }

  /** The digit-by-digit form, for values beyond an int (and, as before, negative ones). */
  private Chars appendLongNumber(long value, int width) {
    int digits = 1;
    for (long v = value; v >= 10; v /= 10) {
      digits++;
    }
    for (int i = digits; i < width; i++) {
      append('0');
    }
    ensure(digits);
    for (int p = length + digits - 1; p >= length; p--) {
      chars[p] = (char) ('0' + value % 10);
      value /= 10;
    }
    length += digits;
    return this;
  }

  @Override
  public char[] array() {
    return chars;
  }

  /** Cuts the text to {@code newLength} chars (no more than it has). */
  public void setLength(int newLength) {
    if (newLength < 0 || newLength > length) {
      throw new IndexOutOfBoundsException(
          "Cannot set the length to " + newLength + " with " + length + " chars");
    }
    length = newLength;
  }

  public void set(int at, char c) {
    chars[at] = c;
    plain &= TextBuffer.isCopyPlain(c);
  }

  public char last() {
    return chars[length - 1];
  }

  public void upperAt(int at) {
    chars[at] = Character.toUpperCase(chars[at]);
    plain &= TextBuffer.isCopyPlain(chars[at]);
  }

  @Override
  public boolean copyPlain() {
    return plain;
  }

  /**
   * Cuts to at most {@code max} code points (PostgreSQL's length), at the last space when there is
   * one inside, never inside a surrogate pair, and without trailing spaces or punctuation.
   */
  public Chars fit(int max) {
    if (max == UNBOUNDED || length <= max) {
      return this;
    }
    int cut =
        Character.offsetByCodePoints(
            chars, 0, length, 0, Math.min(max, Character.codePointCount(chars, 0, length)));
    if (cut >= length) {
      return this;
    }
    int space = -1;
    for (int i = cut; i > 0; i--) {
      if (chars[i] == ' ') {
        space = i;
        break;
      }
    }
    length = space > 0 ? space : cut;
    while (length > 1
        && (chars[length - 1] == ' ' || chars[length - 1] == ',' || chars[length - 1] == '-')) {
      length--;
    }
    return this;
  }

  /** {@link #fit} for a plain string, at planning time. */
  public static String fit(String s, int max) {
    Chars c = new Chars(s.length());
    c.append(s).fit(max);
    return c.toString();
  }

  /**
   * Entries that fit {@code max} as they are; when none does, every entry cut to fit. Order kept,
   * duplicates dropped.
   */
  public static String[] fitting(String[] entries, int max) {
    if (max == UNBOUNDED) {
      return entries;
    }
    java.util.LinkedHashSet<String> fit = new java.util.LinkedHashSet<>();
    for (String e : entries) {
      if (e.codePointCount(0, e.length()) <= max) {
        fit.add(e);
      }
    }
    if (fit.isEmpty()) {
      for (String e : entries) {
        fit.add(fit(e, max));
      }
    }
    return fit.toArray(new String[0]);
  }

  private void ensure(int extra) {
    if (length + extra > chars.length) {
      chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + extra));
    }
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    if (index >= length) {
      throw new IndexOutOfBoundsException(index);
    }
    return chars[index];
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return toString().substring(start, end);
  }

  @Override
  public String toString() {
    return new String(chars, 0, length);
  }
}
