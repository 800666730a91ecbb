package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** {@code true} with probability {@code trueRatio}; indexed: 0 → false, 1 → true. */
public final class BooleanValues extends ValueSource {
  private final double trueRatio;

  public BooleanValues(double trueRatio) {
    if (!(trueRatio >= 0 && trueRatio <= 1)) {
      throw new IllegalArgumentException(
          "Cannot create boolean values with true ratio " + trueRatio);
    }
    this.trueRatio = trueRatio;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.bool(rng.chance(row, 0, trueRatio));
  }

  @Override
  public long domainSize() {
    return 2;
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.bool(index == 1);
  }
}
