package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * {@code real} / {@code double precision} values in [0, 1000) with two decimals (so they print
 * short). Indexed values are {@code index / 100}, exactly distinct for every index of the domain
 * (4·10^6 for real, whose 24-bit mantissa separates steps of 0.01 up to ~40,000; 2^40 for double).
 */
public final class FloatValues extends ValueSource {
  private static final long RANDOM_STEPS = 100_000;
  private final boolean single;

  public FloatValues(boolean single) {
    this.single = single;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    emit(rng.nextBounded(row, 0, RANDOM_STEPS), out);
  }

  @Override
  public long domainSize() {
    return single ? 4_000_000L : 1L << 40;
  }

  @Override
  public void emit(long index, ValueSink out) {
    double v = index / 100.0;
    if (single) {
      out.float4((float) v);
    } else {
      out.float8(v);
    }
  }
}
