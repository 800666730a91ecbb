package io.datagen.job.generate.types;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Random bytes, 8 to 32 of them; indexed values are 8 bytes of a bijective mix of the index. */
public final class ByteaValues extends ValueSource {
  private static final int MIN = 8;
  private static final int MAX = 32;

  private final long key;
  private final byte[] scratch = new byte[MAX];

  public ByteaValues(long key) {
    this.key = key;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int n = MIN + rng.nextInt(row, 0, MAX - MIN + 1);
    for (int i = 0; i < n; i += 8) {
      long bits = rng.nextLong(row, 1 + i / 8);
      for (int j = i; j < Math.min(n, i + 8); j++) {
        scratch[j] = (byte) bits;
        bits >>>= 8;
      }
    }
    out.bytea(scratch, 0, n);
  }

  @Override
  public long domainSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public void emit(long index, ValueSink out) {
    long bits = StableHash.mix64(index + key);
    for (int j = 0; j < 8; j++) {
      scratch[j] = (byte) bits;
      bits >>>= 8;
    }
    out.bytea(scratch, 0, 8);
  }
}
