package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * Row-derived sequence values, gap-free: row {@code r} gets what the r-th {@code nextval} would
 * return — {@code start + r·increment}, and with {@code cycle} PostgreSQL's wrap-around (after the
 * bound, restart at minValue for ascending, maxValue for descending sequences).
 */
public final class SequenceValues extends ValueSource {
  private final long start;
  private final long increment;
  private final long minValue;
  private final long maxValue;

  /** Number of values before the first wrap (Long.MAX_VALUE if it cannot be reached). */
  private final long firstCycle;

  /** Number of values in each later cycle. */
  private final long laterCycle;

  private final boolean injective;

  public SequenceValues(
      long start, long increment, long minValue, long maxValue, boolean cycle, long rowCount) {
    if (increment == 0 || minValue > maxValue || start < minValue || start > maxValue) {
      throw new IllegalArgumentException(
          "Cannot create sequence start "
              + start
              + " increment "
              + increment
              + " in ["
              + minValue
              + ", "
              + maxValue
              + "]");
    }
    this.start = start;
    this.increment = increment;
    this.minValue = minValue;
    this.maxValue = maxValue;
    long step = increment > 0 ? increment : -increment;
    long toBound = increment > 0 ? maxValue - start : start - minValue;
    this.firstCycle = saturatedCount(toBound, step);
    this.laterCycle = cycle ? saturatedCount(maxValue - minValue, step) : Long.MAX_VALUE;
    this.injective = rowCount <= firstCycle;
  }

  /**
   * {@code distance / step + 1} with the distance read as unsigned, saturated at Long.MAX_VALUE.
   */
  private static long saturatedCount(long distance, long step) {
    long n = Long.divideUnsigned(distance, step);
    return n < 0 || n == Long.MAX_VALUE ? Long.MAX_VALUE : n + 1;
  }

  /** How many values the sequence gives before it would have to wrap (or fail, without CYCLE). */
  public long valuesBeforeWrap() {
    return firstCycle;
  }

  /** The value of row {@code row}. */
  public long valueAt(long row) {
    if (row < firstCycle) {
      return start + row * increment;
    }
    long position = (row - firstCycle) % laterCycle;
    return (increment > 0 ? minValue : maxValue) + position * increment;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.integer(valueAt(row));
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.integer(valueAt(index));
  }

  @Override
  public boolean rowInjective() {
    return injective;
  }
}
