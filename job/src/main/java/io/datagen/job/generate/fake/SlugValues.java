package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * URL slugs, {@code aperiam-quae-dolores}: two to four lower-case dictionary words joined by
 * dashes. Unique values end with {@code -} and the index in base 36 (words hold no digits... and
 * the last dash-separated part alone identifies the index), so they never repeat.
 */
public final class SlugValues extends ValueSource {
  private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

  private final String[] words;
  private final int max;
  private final int codeWidth;
  private final long domainSize;
  private final Chars scratch = new Chars(96);

  /**
   * @param codeWidth base-36 characters of unique values (their index)
   */
  public SlugValues(Dictionaries dictionaries, int max, int codeWidth) {
    this.words = Dictionaries.ascii(dictionaries.loremWords);
    this.max = max;
    this.codeWidth = codeWidth;
    long size = 1;
    for (int i = 0; i < codeWidth; i++) {
      size *= 36;
    }
    this.domainSize = size;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int n = 2 + rng.nextInt(row, 0, 3);
    scratch.clear();
    for (int i = 0; i < n; i++) {
      String word = words[rng.nextInt(row, 1 + i, words.length)];
      if (i > 0 && max != Chars.UNBOUNDED && scratch.length() + 1 + word.length() > max) {
        break;
      }
      if (i > 0) {
        scratch.append('-');
      }
      scratch.append(word);
    }
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      scratch.setLength(max);
    }
    out.text(scratch);
  }

  @Override
  public long domainSize() {
    return domainSize;
  }

  /**
   * Words from the index's hash, then {@code -} and the fixed-width base-36 index (room kept for
   * it).
   */
  @Override
  public void emit(long index, ValueSink out) {
    int room = max == Chars.UNBOUNDED ? 40 : max - codeWidth - 1;
    scratch.clear();
    long h = io.datagen.job.generate.StableHash.mix64(index);
    for (int i = 0; i < 3; i++) {
      String word = words[(int) Long.remainderUnsigned(h >>> (i * 16), words.length)];
      if (scratch.length() + (i > 0 ? 1 : 0) + word.length() > room) {
        break;
      }
      if (i > 0) {
        scratch.append('-');
      }
      scratch.append(word);
    }
    if (scratch.length() > 0) {
      scratch.append('-');
    }
    int start = scratch.length();
    long value = index;
    for (int i = 0; i < codeWidth; i++) {
      scratch.append('0');
    }
    for (int i = start + codeWidth - 1; i >= start && value > 0; i--) {
      scratch.set(i, DIGITS.charAt((int) (value % 36)));
      value /= 36;
    }
    out.text(scratch);
  }

  /** Base-36 characters needed to number {@code count} values, at least 4. */
  public static int widthFor(long count) {
    int width = 4;
    long size = 36L * 36 * 36 * 36;
    while (width < 12 && size < count) {
      size *= 36;
      width++;
    }
    return width;
  }
}
