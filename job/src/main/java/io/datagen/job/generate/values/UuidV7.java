package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Version-7 (time-ordered) UUIDs: the 48-bit Unix-millisecond field is {@code startMillis + row},
 * so values rise with the row and never repeat (for fewer than 2^48 rows); the remaining 74 bits
 * are random.
 */
public final class UuidV7 extends ValueSource {
  private final long startMillis;

  public UuidV7(long startMillis) {
    this.startMillis = startMillis;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    long millis = (startMillis + row) & 0xffffffffffffL;
    long msb = (millis << 16) | 0x7000L | (rng.nextLong(row, 0) & 0xfff);
    long lsb = (rng.nextLong(row, 1) & 0x3fffffffffffffffL) | 0x8000000000000000L;
    out.uuid(msb, lsb);
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("UUID v7 values are unique by row, not by index");
  }

  @Override
  public boolean rowInjective() {
    return true;
  }
}
