package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Version-4 UUIDs (RFC 9562 layout: version nibble 4, variant bits 10). Random values use 122
 * random bits; indexed values place {@code v = mix64(index + key)} — a bijection of the index — in
 * 64 of the free bits (60 in the high word, 4 in the low word) and fill the rest from {@code v}, so
 * distinct indexes give distinct UUIDs that still look random.
 */
public final class UuidV4 extends ValueSource {
  private static final long VERSION_MASK = 0xffffffffffff0fffL;
  private static final long VERSION_4 = 0x0000000000004000L;
  private static final long VARIANT_MASK = 0x3fffffffffffffffL;
  private static final long VARIANT_RFC = 0x8000000000000000L;
  private static final long FILLER_MASK = (1L << 58) - 1;

  private final long key;

  public UuidV4(long key) {
    this.key = key;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    long msb = (rng.nextLong(row, 0) & VERSION_MASK) | VERSION_4;
    long lsb = (rng.nextLong(row, 1) & VARIANT_MASK) | VARIANT_RFC;
    out.uuid(msb, lsb);
  }

  @Override
  public long domainSize() {
    return Long.MAX_VALUE;
  }

  @Override
  public void emit(long index, ValueSink out) {
    long v = StableHash.mix64(index + key);
    long high60 = v >>> 4;
    long msb = ((high60 >>> 12) << 16) | VERSION_4 | (high60 & 0xfff);
    long lsb = VARIANT_RFC | ((v & 0xf) << 58) | (StableHash.mix64(v ^ key) & FILLER_MASK);
    out.uuid(msb, lsb);
  }
}
