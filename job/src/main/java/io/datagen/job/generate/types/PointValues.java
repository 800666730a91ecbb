package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;
import io.datagen.job.sink.ValueText;

/**
 * Points {@code (x,y)} with x in [-180, 180] and y in [-90, 90], four decimals (map-like
 * coordinates).
 */
public final class PointValues extends ValueSource {
  private final TextBuffer scratch = new TextBuffer(64);

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.clear().appendByte('(');
    ValueText.numeric(scratch, rng.nextBounded(row, 0, 3_600_001) - 1_800_000, 4);
    scratch.appendByte(',');
    ValueText.numeric(scratch, rng.nextBounded(row, 1, 1_800_001) - 900_000, 4);
    scratch.appendByte(')');
    out.literal(scratch.array(), 0, scratch.length());
  }

  @Override
  public long domainSize() {
    return 0; // points have no btree equality for unique constraints anyway
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate points");
  }
}
