package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * IBANs with valid ISO 13616 check digits (mod 97) for a few countries whose account part is
 * simple: DE, FR, ES, AT, BE (digits) and NL, GB (bank letters, then digits). Written without
 * spaces.
 */
public final class IbanValues extends ValueSource {
  /** Country, then the account part's shape: 'a' an upper-case letter, 'n' a digit. */
  private static final String[][] COUNTRIES = {
    {"DE", "nnnnnnnnnnnnnnnnnn"},
    {"FR", "nnnnnnnnnnnnnnnnnnnnnnn"},
    {"ES", "nnnnnnnnnnnnnnnnnnnn"},
    {"AT", "nnnnnnnnnnnnnnnn"},
    {"BE", "nnnnnnnnnnnn"},
    {"NL", "aaaannnnnnnnnn"},
    {"GB", "aaaannnnnnnnnnnnnn"}
  };

  /** The longest IBAN written (FR). */
  public static final int LONGEST = 27;

  private final Chars scratch = new Chars(34);

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    String[] country = COUNTRIES[rng.nextInt(row, 0, COUNTRIES.length)];
    String shape = country[1];
    scratch.clear().append(country[0]).append("00");
    for (int i = 0; i < shape.length(); i++) {
      scratch.append(
          shape.charAt(i) == 'a'
              ? (char) ('A' + rng.nextInt(row, 1 + i, 26))
              : (char) ('0' + rng.nextInt(row, 1 + i, 10)));
    }
    // Check digits: 98 − (account part + country + "00", letters as 10..35) mod 97.
    int mod = 0;
    for (int i = 4; i < scratch.length(); i++) {
      mod = step(mod, scratch.charAt(i));
    }
    for (int i = 0; i < 4; i++) {
      mod = step(mod, scratch.charAt(i));
    }
    int check = 98 - mod;
    scratch.setLength(2);
    scratch.appendNumber(check, 2);
    for (int i = 0; i < shape.length(); i++) {
      scratch.append(
          shape.charAt(i) == 'a'
              ? (char) ('A' + rng.nextInt(row, 1 + i, 26))
              : (char) ('0' + rng.nextInt(row, 1 + i, 10)));
    }
    out.text(scratch);
  }

  private static int step(int mod, char c) {
    return c >= 'A' ? (mod * 100 + (c - 'A' + 10)) % 97 : (mod * 10 + (c - '0')) % 97;
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate IBANs");
  }
}
