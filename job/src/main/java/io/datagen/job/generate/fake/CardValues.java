package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * Payment-card numbers with a valid Luhn check digit: Visa (16 digits, 4…), Mastercard (16, 51–55…)
 * and, when 15 digits is all the column holds or by chance, American Express (15, 34/37…).
 */
public final class CardValues extends ValueSource {
  private final boolean only15;
  private final char[] digits = new char[16];
  private final Chars scratch = new Chars(16);

  /**
   * @param max the column's length (at least 15) or unbounded
   */
  public CardValues(int max) {
    this.only15 = max != Chars.UNBOUNDED && max < 16;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int brand = only15 ? 2 : rng.nextInt(row, 0, 5); // 0-1 Visa, 2 Amex, 3-4 Mastercard
    int length = brand == 2 ? 15 : 16;
    int prefix;
    if (brand < 2) {
      digits[0] = '4';
      prefix = 1;
    } else if (brand == 2) {
      digits[0] = '3';
      digits[1] = rng.chance(row, 1, 0.5) ? '4' : '7';
      prefix = 2;
    } else {
      digits[0] = '5';
      digits[1] = (char) ('1' + rng.nextInt(row, 1, 5));
      prefix = 2;
    }
    long bits = rng.nextLong(row, 2);
    for (int i = prefix; i < length - 1; i++) {
      digits[i] = (char) ('0' + (int) Long.remainderUnsigned(bits, 10));
      bits = Long.divideUnsigned(bits, 10);
    }
    digits[length - 1] = luhnCheckDigit(digits, length - 1);
    scratch.clear();
    for (int i = 0; i < length; i++) {
      scratch.append(digits[i]);
    }
    out.text(scratch);
  }

  /** The digit that makes {@code digits[0, n)} followed by it pass the Luhn check. */
  static char luhnCheckDigit(char[] digits, int n) {
    int sum = 0;
    for (int i = n - 1, position = 0; i >= 0; i--, position++) {
      int d = digits[i] - '0';
      if (position % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (char) ('0' + (10 - sum % 10) % 10);
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate card numbers");
  }
}
