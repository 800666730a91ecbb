package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * Codes such as SKUs, {@code SKU-0K3X9Q}: a prefix and a fixed number of base-36 characters (upper
 * case). Unique values spell the index itself in those characters, so they never repeat; random
 * values draw them.
 */
public final class CodeValues extends ValueSource {
  private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final String prefix;
  private final int width;
  private final long domainSize;
  private final Chars scratch = new Chars(32);

  public CodeValues(String prefix, int width) {
    if (width < 1 || width > 12) {
      throw new IllegalArgumentException("Cannot build codes of width " + width);
    }
    this.prefix = prefix;
    this.width = width;
    long size = 1;
    for (int i = 0; i < width; i++) {
      size *= 36;
    }
    this.domainSize = size;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    write(rng.nextBounded(row, 0, domainSize));
    out.text(scratch);
  }

  private void write(long value) {
    scratch.clear().append(prefix);
    int start = scratch.length();
    for (int i = 0; i < width; i++) {
      scratch.append('0');
    }
    for (int i = start + width - 1; i >= start && value > 0; i--) {
      scratch.set(i, DIGITS.charAt((int) (value % 36)));
      value /= 36;
    }
  }

  @Override
  public long domainSize() {
    return domainSize;
  }

  @Override
  public void emit(long index, ValueSink out) {
    write(index);
    out.text(scratch);
  }
}
