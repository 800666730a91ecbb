package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Whole numbers uniform in [min, max], emitted with {@link ValueSink#integer}. */
public final class IntegerRange extends ValueSource {
  private final long min;
  private final long size;

  /** The number of values as an unsigned count; 0 for all 2^64 longs. */
  private final long span;

  public IntegerRange(long min, long max) {
    if (min > max) {
      throw new IllegalArgumentException(
          "Cannot create integer range: min " + min + " > max " + max);
    }
    this.min = min;
    this.span = max - min + 1; // wraps to the right unsigned count
    // A range of 2^63 values or more has no long count: as a domain to enumerate (unique columns)
    // it is cut to its first Long.MAX_VALUE values; random values cover all of it.
    this.size = span <= 0 ? Long.MAX_VALUE : span;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    long offset = span > 0 ? rng.nextBounded(row, 0, span) : rng.nextBoundedUnsigned(row, 0, span);
    out.integer(min + offset);
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
