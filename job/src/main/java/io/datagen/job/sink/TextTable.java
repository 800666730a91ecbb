package io.datagen.job.sink;

import io.datagen.archive.text.TextBuffer;
import java.util.Arrays;

/**
 * A list of texts fixed when a generator is built (a dictionary), stored contiguously: the
 * characters of every entry in one array and their COPY text bytes in another, each with the
 * entries' start offsets. Picking an entry on a row then reads two small arrays, where a {@code
 * String[]} makes it follow a reference to a string and another to its bytes, objects scattered
 * over the heap. With a dozen dictionaries in a wide table those scattered entries no longer fit
 * the core's cache, and the misses cost more than writing the value (docs/profiling.md, "Packed
 * dictionaries").
 *
 * <p>{@link ValueSink#text(TextTable, int)} emits an entry; the COPY encoder copies its prepared
 * bytes, every other sink gets the entry as a string.
 */
public final class TextTable {
  private final String[] texts;
  private final char[] chars;
  private final int[] charStarts;

  /** UTF-8, COPY-escaped; null when some entry cannot be COPY text (it holds NUL). */
  private final byte[] copyBytes;

  private final int[] copyStarts;

  /** Every char of every entry is one that COPY text stores as is. */
  private final boolean copyPlain;

  private TextTable(String[] texts) {
    this.texts = texts.clone();
    int n = texts.length;
    charStarts = new int[n + 1];
    long totalChars = 0;
    for (int i = 0; i < n; i++) {
      totalChars += texts[i].length();
    }
    chars = new char[Math.toIntExact(totalChars)];
    TextBuffer copy = new TextBuffer(Math.toIntExact(totalChars) + 16);
    copyStarts = new int[n + 1];
    boolean copyable = true;
    int at = 0;
    for (int i = 0; i < n; i++) {
      String text = texts[i];
      charStarts[i] = at;
      text.getChars(0, text.length(), chars, at);
      at += text.length();
      copyStarts[i] = copy.length();
      if (copyable) {
        try {
          copy.appendCopyEscaped(text);
        } catch (IllegalArgumentException notCopyText) {
          // Left to the encoder, which then fails on the row that uses it, as for any other text.
          copyable = false;
        }
      }
    }
    charStarts[n] = at;
    boolean allPlain = true;
    for (int i = 0; allPlain && i < at; i++) {
      allPlain = TextBuffer.isCopyPlain(chars[i]);
    }
    copyPlain = allPlain;
    copyStarts[n] = copy.length();
    copyBytes = copyable ? copy.toByteArray() : null;
  }

  /** The texts, in order. */
  public static TextTable of(String[] texts) {
    return new TextTable(texts);
  }

  public int size() {
    return texts.length;
  }

  /** Entry {@code index} as a string. */
  public String text(int index) {
    return texts[index];
  }

  /** All entries' characters, back to back (do not modify). */
  public char[] chars() {
    return chars;
  }

  /**
   * Where entry {@code index} starts in {@link #chars()}; entry {@code index + 1} starts at its
   * end.
   */
  public int charStart(int index) {
    return charStarts[index];
  }

  /** The length of entry {@code index}, in chars. */
  public int length(int index) {
    return charStarts[index + 1] - charStarts[index];
  }

  /** The first char of entry {@code index}, which must not be empty. */
  public char firstChar(int index) {
    int start = charStarts[index];
    if (start == charStarts[index + 1]) {
      throw new StringIndexOutOfBoundsException(
          "Entry " + index + " is empty: it has no first char");
    }
    return chars[start];
  }

  /** Whether every char of every entry is one that COPY text stores as is. */
  public boolean copyPlain() {
    return copyPlain;
  }

  /**
   * All entries' COPY text bytes, back to back (do not modify), or null when some entry must go
   * through the encoder's own escaping, which reports why it cannot be stored.
   */
  public byte[] copyBytes() {
    return copyBytes;
  }

  /**
   * Where entry {@code index} starts in {@link #copyBytes()}; it ends where the next one starts.
   */
  public int copyStart(int index) {
    return copyStarts[index];
  }

  @Override
  public String toString() {
    return "TextTable" + Arrays.toString(texts);
  }
}
