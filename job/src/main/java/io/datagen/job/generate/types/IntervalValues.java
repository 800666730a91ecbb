package io.datagen.job.generate.types;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Durations as people store them: two in five are under a day ({@code 01:23:45}), two in five are
 * days plus a time ({@code 3 days 04:00:00}), one in five is whole months ({@code 1 year 2 mons}).
 * Whole seconds only, so every interval(p) column accepts them unchanged.
 */
public final class IntervalValues extends ValueSource {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int shape = rng.nextInt(row, 0, 5);
    if (shape < 2) {
      out.interval(0, 0, (1 + rng.nextBounded(row, 1, 86_399)) * MICROS_PER_SECOND);
    } else if (shape < 4) {
      long seconds = rng.nextBounded(row, 2, 24) * 3600 + rng.nextBounded(row, 3, 4) * 900;
      out.interval(0, 1 + rng.nextInt(row, 1, 30), seconds * MICROS_PER_SECOND);
    } else {
      out.interval(1 + rng.nextInt(row, 1, 36), 0, 0);
    }
  }

  @Override
  public long domainSize() {
    return Long.MAX_VALUE / MICROS_PER_SECOND;
  }

  /**
   * Index i is i seconds (a bijection; PostgreSQL keeps them apart as they are all in the time
   * part).
   */
  @Override
  public void emit(long index, ValueSink out) {
    out.interval(0, 0, index * MICROS_PER_SECOND);
  }
}
