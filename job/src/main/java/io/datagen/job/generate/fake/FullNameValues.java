package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/** "First Last" from the locale's dictionaries, cut at a word boundary to fit the column. */
public final class FullNameValues extends ValueSource {
  private final TextTable first;
  private final TextTable last;
  private final int max;
  private final Chars scratch = new Chars(64);

  public FullNameValues(Dictionaries dictionaries, int max) {
    this.first = TextTable.of(Chars.fitting(dictionaries.firstNames, max));
    this.last = TextTable.of(dictionaries.lastNames);
    this.max = max;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch
        .clear()
        .append(first, rng.nextInt(row, 0, first.size()))
        .append(' ')
        .append(last, rng.nextInt(row, 1, last.size()));
    out.text(scratch.fit(max));
  }

  @Override
  public long domainSize() {
    return 0; // names may contain spaces themselves: (first, last) pairs are not guaranteed
    // distinct texts
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate full names");
  }
}
