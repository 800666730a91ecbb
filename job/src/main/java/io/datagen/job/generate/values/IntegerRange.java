package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Whole numbers uniform in [min, max], emitted with {@link ValueSink#integer}. */
public final class IntegerRange implements ValueSource {
  private final long min;
  private final long size;

  public IntegerRange(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException(
          "Cannot create integer range: min " + min + " > max " + max);
    }
    this.min = min;
    long span = max - min + 1;
    // The full 64-bit range does not fit a long count; one value short is fine for a generator.
    this.size = span <= 0 ? Long.MAX_VALUE : span;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.integer(min + rng.nextBounded(row, 0, size));
  }

  @Override
  public long domainSize() {
    return size;
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.integer(min + index);
  }
}
