package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Dates uniform in [startDay, endDay] (days since 1970-01-01). */
public final class DateRange extends ValueSource {
  private final int startDay;
  private final long size;

  public DateRange(int startDay, int endDay) {
    if (startDay > endDay) {
      throw new IllegalArgumentException(
          "Cannot create date range: start " + startDay + " > end " + endDay);
    }
    this.startDay = startDay;
    this.size = (long) endDay - startDay + 1;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.date((int) (startDay + rng.nextBounded(row, 0, size)));
  }

  @Override
  public long domainSize() {
    return size;
  }

  @Override
  public void emit(long index, ValueSink out) {
    out.date((int) (startDay + index));
  }
}
