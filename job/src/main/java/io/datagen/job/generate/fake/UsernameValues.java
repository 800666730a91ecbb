package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/**
 * Handles such as {@code maria.lopez}, {@code mlopez}, {@code maria_lopez87}; unique values end
 * with the index in decimal (names hold no digits, so the digit run identifies the index).
 */
public final class UsernameValues extends ValueSource {
  private final TextTable first;
  private final TextTable last;
  private final int max;
  private final long domainSize;
  private final long key;
  private final Chars scratch = new Chars(64);

  public UsernameValues(Dictionaries dictionaries, int max, int indexDigits, long key) {
    this.first = TextTable.of(dictionaries.asciiFirstNames);
    this.last = TextTable.of(dictionaries.asciiLastNames);
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
    int f = rng.nextInt(row, 0, first.size());
    int l = rng.nextInt(row, 1, last.size());
    long number = rng.nextBounded(row, 3, 100);
    scratch.clear();
    switch (rng.nextInt(row, 2, 4)) {
      case 0 -> scratch.append(first, f).append('.').append(last, l);
      case 1 -> scratch.append(first.firstChar(f)).append(last, l);
      case 2 -> scratch.append(first, f).append('_').append(last, l).appendNumber(number, 1);
      default -> scratch.append(first, f).appendNumber(number, 2);
    }
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      scratch.clear().append(first.firstChar(f)).append(last, l);
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
    int f = (int) Long.remainderUnsigned(mixed, first.size());
    int l = (int) Long.remainderUnsigned(mixed >>> 20, last.size());
    scratch.clear().append(first.firstChar(f)).append(last, l).appendNumber(index, 1);
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      scratch.clear().append(first.firstChar(f)).appendNumber(index, 1);
    }
    out.text(scratch);
  }

  /** Length of the shortest unique handle (an initial and the digits): a column must allow it. */
  public static int shortestUnique(int indexDigits) {
    return 1 + indexDigits;
  }
}
