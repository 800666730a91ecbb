package io.datagen.job.sink;

/**
 * Text held in a char array, as generators compose it: an encoder can copy {@code array()[0,
 * length())} in one loop instead of calling {@link #charAt} per char (the hot path of COPY text).
 */
public interface ArrayBackedText extends CharSequence {
  /** The backing array; its chars {@code [0, length())} are the text, until the next change. */
  char[] array();

  /**
   * True only when every char of the text is one that COPY text stores as is ({@link
   * io.datagen.archive.text.TextBuffer#isCopyPlain}): the encoder then copies without checking.
   * False means nothing.
   */
  default boolean copyPlain() {
    return false;
  }
}
