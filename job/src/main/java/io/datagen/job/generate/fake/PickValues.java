package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/**
 * One entry of a dictionary, uniformly; the entries are distinct, so a unique column can enumerate
 * them.
 */
public final class PickValues extends ValueSource {
  private final TextTable entries;

  /**
   * @param entries distinct values that already fit the column
   */
  public PickValues(String[] entries) {
    if (entries.length == 0) {
      throw new IllegalArgumentException("Cannot pick from an empty dictionary");
    }
    this.entries = TextTable.of(entries);
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.text(entries, rng.nextInt(row, 0, entries.size()));
  }

  @Override
  public long domainSize() {
    return entries.size();
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.text(entries, (int) index);
  }
}
