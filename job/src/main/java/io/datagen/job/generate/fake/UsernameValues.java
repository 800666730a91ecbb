package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * Handles such as {@code maria.lopez}, {@code mlopez}, {@code maria_lopez87}; unique values end
 * with the index in decimal (names hold no digits, so the digit run identifies the index).
 */
public final class UsernameValues extends ValueSource {
  private final String[] first;
  private final String[] last;
  private final int max;
  private final long domainSize;
  private final long key;
  private final Chars scratch = new Chars(64);

  public UsernameValues(Dictionaries dictionaries, int max, int indexDigits, long key) {
    this.first = dictionaries.asciiFirstNames;
    this.last = dictionaries.asciiLastNames;
    this.max = max;
    long size = 1;
    for (int i = 0; i < indexDigits; i++) {
      size *= 10;
    }
    this.domainSize = size;
    this.key = key;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    String f = first[rng.nextInt(row, 0, first.length)];
    String l = last[rng.nextInt(row, 1, last.length)];
    long number = rng.nextBounded(row, 3, 100);
    scratch.clear();
    switch (rng.nextInt(row, 2, 4)) {
      case 0 -> scratch.append(f).append('.').append(l);
      case 1 -> scratch.append(f.charAt(0)).append(l);
      case 2 -> scratch.append(f).append('_').append(l).appendNumber(number, 1);
      default -> scratch.append(f).appendNumber(number, 2);
    }
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      scratch.clear().append(f.charAt(0)).append(l);
      if (scratch.length() > max) {
        scratch.setLength(max);
      }
    }
    out.text(scratch);
  }

  @Override
  public long domainSize() {
    return domainSize;
  }

  @Override
  public void emit(long index, ValueSink out) {
    long mixed = StableHash.mix64(index ^ key);
    String f = first[(int) Long.remainderUnsigned(mixed, first.length)];
    String l = last[(int) Long.remainderUnsigned(mixed >>> 20, last.length)];
    scratch.clear().append(f.charAt(0)).append(l).appendNumber(index, 1);
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      scratch.clear().append(f.charAt(0)).appendNumber(index, 1);
    }
    out.text(scratch);
  }

  /** Length of the shortest unique handle (an initial and the digits): a column must allow it. */
  public static int shortestUnique(int indexDigits) {
    return 1 + indexDigits;
  }
}
