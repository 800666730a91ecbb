package io.datagen.job.generate.values;

/**
 * A reusable character buffer handed to {@link io.datagen.job.generate.ValueSink#text}: one per
 * generator, refilled for every value, so building text allocates nothing.
 */
final class TextScratch implements CharSequence {
  private final char[] chars;
  private int length;

  TextScratch(int capacity) {
    this.chars = new char[capacity];
  }

  void clear() {
    length = 0;
  }

  void append(char c) {
    chars[length++] = c;
  }

  /** Appends up to {@code max} characters of {@code s}. */
  void append(String s, int max) {
    int n = Math.min(s.length(), max);
    s.getChars(0, n, chars, length);
    length += n;
  }

  void set(int at, char c) {
    chars[at] = c;
  }

  void upperFirst(int at) {
    chars[at] = Character.toUpperCase(chars[at]);
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
