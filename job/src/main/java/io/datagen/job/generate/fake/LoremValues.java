package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/**
 * Text of dictionary words: a number of words as one phrase (titles: capitalized, no period), or
 * sentences of 4–12 words grouped in paragraphs (separated by a blank line). Cut at a word boundary
 * to fit the column.
 */
public final class LoremValues extends ValueSource {
  /** The dictionary's words, packed: appended without a String's decoding on each use. */
  private final TextTable words;

  private final int minWords;
  private final int maxWords;
  private final int minSentences;
  private final int maxSentences;
  private final int paragraphs;
  private final boolean title;
  private final int max;
  private final Chars scratch = new Chars(512);

  /**
   * A phrase of {@code minWords..maxWords} words (a title when {@code title}: every word
   * capitalized).
   */
  public static LoremValues words(
      Dictionaries dictionaries, int minWords, int maxWords, boolean title, int max) {
    return new LoremValues(dictionaries.loremWords, minWords, maxWords, 0, 0, 0, title, max);
  }

  /** {@code paragraphs} paragraphs of {@code minSentences..maxSentences} sentences. */
  public static LoremValues sentences(
      Dictionaries dictionaries, int minSentences, int maxSentences, int paragraphs, int max) {
    return new LoremValues(
        dictionaries.loremWords, 0, 0, minSentences, maxSentences, paragraphs, false, max);
  }

  private LoremValues(
      String[] words,
      int minWords,
      int maxWords,
      int minSentences,
      int maxSentences,
      int paragraphs,
      boolean title,
      int max) {
    this.words = TextTable.of(words);
    this.minWords = minWords;
    this.maxWords = maxWords;
    this.minSentences = minSentences;
    this.maxSentences = maxSentences;
    this.paragraphs = paragraphs;
    this.title = title;
    this.max = max;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.clear();
    long mix = rng.rowMix(row); // every draw below is of this row
    int draw = 0;
    if (paragraphs == 0) {
      int n = minWords + rng.nextIntOfRow(mix, draw++, maxWords - minWords + 1);
      for (int w = 0; w < n; w++) {
        if (w > 0) {
          scratch.append(' ');
        }
        int start = scratch.length();
        scratch.append(words, rng.nextIntOfRow(mix, draw++, words.size()));
        if (w == 0 || title) {
          scratch.upperAt(start);
        }
      }
    } else {
      for (int p = 0; p < paragraphs && (max == Chars.UNBOUNDED || scratch.length() < max); p++) {
        if (p > 0) {
          scratch.append('\n').append('\n');
        }
        int sentences =
            minSentences + rng.nextIntOfRow(mix, draw++, maxSentences - minSentences + 1);
        for (int s = 0; s < sentences && (max == Chars.UNBOUNDED || scratch.length() < max); s++) {
          if (s > 0) {
            scratch.append(' ');
          }
          int n = 4 + rng.nextIntOfRow(mix, draw++, 9);
          for (int w = 0; w < n; w++) {
            if (w > 0) {
              scratch.append(' ');
            }
            int start = scratch.length();
            scratch.append(words, rng.nextIntOfRow(mix, draw++, words.size()));
            if (w == 0) {
              scratch.upperAt(start);
            }
          }
          scratch.append('.');
        }
      }
    }
    out.text(scratch.fit(max));
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate lorem text");
  }
}
