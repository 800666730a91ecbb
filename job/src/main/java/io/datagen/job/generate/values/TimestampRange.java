package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Timestamps uniform in [start, end] (microseconds since the epoch) on a grid of {@code step}
 * microseconds from {@code start}, so a {@code timestamp(p)} column gets no digits beyond p.
 */
public final class TimestampRange extends ValueSource {
  private final long startMicros;
  private final long step;
  private final long size;
  private final boolean withTimeZone;

  public TimestampRange(long startMicros, long endMicros, long step, boolean withTimeZone) {
    if (startMicros > endMicros || step < 1) {
      throw new IllegalArgumentException(
          "Cannot create timestamp range ["
              + startMicros
              + ", "
              + endMicros
              + "] with step "
              + step);
    }
    this.startMicros = startMicros;
    this.step = step;
    this.size = (endMicros - startMicros) / step + 1;
    this.withTimeZone = withTimeZone;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    emit(rng.nextBounded(row, 0, size), out);
  }

  @Override
  public long domainSize() {
    return size;
  }

  @Override
  public void emit(long index, ValueSink out) {
    long micros = startMicros + index * step;
    if (withTimeZone) {
      out.timestamptz(micros);
    } else {
      out.timestamp(micros);
    }
  }
}
