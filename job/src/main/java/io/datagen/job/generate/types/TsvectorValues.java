package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * tsvectors of 2 to 8 lexemes with positions, e.g. {@code 'river':1 'stone':2}; PostgreSQL sorts
 * and merges them.
 */
public final class TsvectorValues extends ValueSource {
  private final TextBuffer scratch = new TextBuffer(256);

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.clear();
    int n = 2 + rng.nextInt(row, 0, 7);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        scratch.appendByte(' ');
      }
      scratch
          .appendByte('\'')
          .appendAscii(Words.WORDS[rng.nextInt(row, 1 + i, Words.WORDS.length)])
          .appendByte('\'');
      scratch.appendByte(':').appendLong(i + 1);
    }
    out.literal(scratch.array(), 0, scratch.length());
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate tsvectors");
  }
}
