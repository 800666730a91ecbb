package io.datagen.job.sink;

import io.datagen.archive.text.TextBuffer;
import java.util.Objects;

/**
 * A text value fixed when the generator is built (a dictionary entry, an enum label, a constant),
 * with its COPY text form encoded once: the COPY encoder copies those bytes instead of escaping the
 * same string again on every row. To every other sink it is just the text.
 */
public final class PreparedText implements CharSequence {
  private final String text;

  /** UTF-8, COPY-escaped; null when the text cannot be COPY text (it holds NUL). */
  private final byte[] copyText;

  private PreparedText(String text) {
    this.text = Objects.requireNonNull(text, "text");
    byte[] encoded;
    try {
      encoded = new TextBuffer(text.length() + 16).appendCopyEscaped(text).toByteArray();
    } catch (IllegalArgumentException notCopyText) {
      // Left to the encoder, which then fails on the row that uses it, as for any other text.
      encoded = null;
    }
    this.copyText = encoded;
  }

  public static PreparedText of(String text) {
    return new PreparedText(text);
  }

  /** Each string prepared, in order. */
  public static PreparedText[] of(String[] texts) {
    PreparedText[] prepared = new PreparedText[texts.length];
    for (int i = 0; i < texts.length; i++) {
      prepared[i] = new PreparedText(texts[i]);
    }
    return prepared;
  }

  /**
   * The COPY text bytes (do not modify), or null when the text must go through the encoder's own
   * escaping (which reports why it cannot be stored).
   */
  public byte[] copyText() {
    return copyText;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
