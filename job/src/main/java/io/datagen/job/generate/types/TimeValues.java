package io.datagen.job.generate.types;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Times of day uniform over a day on a grid of {@code step} µs ({@code time}); with a zone ({@code
 * timetz}) the offset is one of a few common whole-hour or half-hour UTC offsets.
 */
public final class TimeValues extends ValueSource {
  private static final long MICROS_PER_DAY = 86_400_000_000L;
  private static final int[] OFFSETS = {
    0, 0, 3600, 7200, -18_000, -14_400, -21_600, -25_200, 19_800, 32_400, 36_000
  };

  private final long step;
  private final long slots;
  private final boolean withTimeZone;

  public TimeValues(long step, boolean withTimeZone) {
    if (step < 1 || step > MICROS_PER_DAY) {
      throw new IllegalArgumentException("Cannot create times on a grid of " + step + " µs");
    }
    this.step = step;
    this.slots = MICROS_PER_DAY / step;
    this.withTimeZone = withTimeZone;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    long micros = rng.nextBounded(row, 0, slots) * step;
    if (withTimeZone) {
      out.timetz(micros, OFFSETS[rng.nextInt(row, 1, OFFSETS.length)]);
    } else {
      out.time(micros);
    }
  }

  @Override
  public long domainSize() {
    return slots;
  }

  @Override
  public void emit(long index, ValueSink out) {
    if (withTimeZone) {
      out.timetz(index * step, 0);
    } else {
      out.time(index * step);
    }
  }
}
