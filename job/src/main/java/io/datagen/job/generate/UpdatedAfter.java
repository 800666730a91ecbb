package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * {@code updated_at}: never before the same row's {@code created_at}. A quarter of the rows were
 * never updated (equal to the creation time, rounded up to this column's grid); the others lie
 * uniformly between the creation time and the reference time. When the creation time is NULL the
 * value comes from the fallback range.
 */
public final class UpdatedAfter extends RowDependentSource {
  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final int createdColumn;
  private final ValueSource fallback;
  private final long endMicros;
  private final long step;
  private final Kind kind;
  private final Capture capture = new Capture();
  private ColumnGenerator created;

  public enum Kind {
    DATE,
    TIMESTAMP,
    TIMESTAMPTZ
  }

  public UpdatedAfter(
      int createdColumn, ValueSource fallback, long endMicros, long step, Kind kind) {
    this.createdColumn = createdColumn;
    this.fallback = fallback;
    this.endMicros = endMicros;
    this.step = kind == Kind.DATE ? MICROS_PER_DAY : step;
    this.kind = kind;
  }

  @Override
  public int dependsOnColumn() {
    return createdColumn;
  }

  @Override
  public void bind(ColumnGenerator column) {
    this.created = column;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    capture.present = false;
    created.generate(row, capture);
    if (!capture.present) {
      fallback.random(rng, row, out);
      return;
    }
    long start = capture.micros;
    long value = start;
    if (!rng.chance(row, 0, 0.25) && endMicros > start) {
      value = start + (long) (rng.nextDouble(row, 1) * (endMicros - start));
    }
    value =
        Math.floorDiv(value + step - 1, step)
            * step; // up to the grid: never before the creation time
    switch (kind) {
      case DATE -> out.date((int) Math.floorDiv(value, MICROS_PER_DAY));
      case TIMESTAMP -> out.timestamp(value);
      case TIMESTAMPTZ -> out.timestamptz(value);
    }
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate update times");
  }

  /**
   * Reads the creation time as microseconds (dates at midnight); anything else counts as absent.
   */
  private static final class Capture implements ValueSink {
    boolean present;
    long micros;

    @Override
    public void nullValue() {
      present = false;
    }

    @Override
    public void integer(long v) {}

    @Override
    public void numeric(long unscaled, int scale) {}

    @Override
    public void float4(float v) {}

    @Override
    public void float8(double v) {}

    @Override
    public void bool(boolean v) {}

    @Override
    public void text(CharSequence s) {}

    @Override
    public void date(int epochDay) {
      present = true;
      micros = epochDay * MICROS_PER_DAY;
    }

    @Override
    public void timestamp(long epochMicros) {
      present = true;
      micros = epochMicros;
    }

    @Override
    public void timestamptz(long epochMicros) {
      present = true;
      micros = epochMicros;
    }

    @Override
    public void uuid(long msb, long lsb) {}
  }
}
