package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Exact decimals uniform over the unscaled range [minUnscaled, maxUnscaled] at a fixed scale. */
public final class DecimalRange extends ValueSource {
  private final long minUnscaled;
  private final long size;
  private final int scale;

  public DecimalRange(long minUnscaled, long maxUnscaled, int scale) {
    if (minUnscaled > maxUnscaled || scale < 0) {
      throw new IllegalArgumentException(
          "Cannot create decimal range ["
              + minUnscaled
              + ", "
              + maxUnscaled
              + "] at scale "
              + scale);
    }
    this.minUnscaled = minUnscaled;
    long span = maxUnscaled - minUnscaled + 1;
    this.size = span <= 0 ? Long.MAX_VALUE : span;
    this.scale = scale;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.numeric(minUnscaled + rng.nextBounded(row, 0, size), scale);
  }

  @Override
  public long domainSize() {
    return size;
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.numeric(minUnscaled + index, scale);
  }
}
