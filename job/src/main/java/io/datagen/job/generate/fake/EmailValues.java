package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/**
 * Addresses such as {@code maria.lopez@gmail.com}, {@code mlopez42@yahoo.com}, {@code
 * maria_lopez@…}: lower-case ASCII names from the locale's dictionaries, a free-mail domain (or the
 * configured one).
 *
 * <p>Unique values ({@link #emit}) end the local part with the index in decimal — names hold no
 * digits, so that digit run alone identifies the index: distinct indexes, distinct addresses, with
 * nothing remembered. Too long for the column: shorter shapes are tried down to {@code
 * u<index>@domain}.
 */
public final class EmailValues extends ValueSource {
  private final TextTable first;
  private final TextTable last;
  private final TextTable domains;
  private final int max;
  private final long domainSize;
  private final long key;
  private final Chars scratch = new Chars(96);

  /**
   * @param domain a fixed domain, or null for the locale's free-mail domains
   * @param indexDigits decimal digits of the largest index {@link #emit} receives
   */
  public EmailValues(Dictionaries dictionaries, String domain, int max, int indexDigits, long key) {
    this.first = TextTable.of(dictionaries.asciiFirstNames);
    this.last = TextTable.of(dictionaries.asciiLastNames);
    String[] all = domain != null ? new String[] {domain} : dictionaries.emailDomains;
    String[] fitting =
        java.util.Arrays.stream(all)
            .filter(d -> max == Chars.UNBOUNDED || d.length() + 2 + indexDigits <= max)
            .toArray(String[]::new);
    this.domains = TextTable.of(fitting.length > 0 ? fitting : shortest(all));
    this.max = max;
    long size = 1;
    for (int i = 0; i < indexDigits; i++) {
      size *= 10;
    }
    this.domainSize = size;
    this.key = key;
  }

  /**
   * The length of the shortest unique address, {@code u<digits>@<shortest domain>}: a column must
   * allow it.
   */
  public static int shortestUnique(String domain, Dictionaries dictionaries, int indexDigits) {
    int shortest = Integer.MAX_VALUE;
    for (String d : domain != null ? new String[] {domain} : dictionaries.emailDomains) {
      shortest = Math.min(shortest, d.length());
    }
    return 2 + indexDigits + shortest;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int f = rng.nextInt(row, 0, first.size());
    int l = rng.nextInt(row, 1, last.size());
    int domain = rng.nextInt(row, 2, domains.size());
    int shape = rng.nextInt(row, 3, 5);
    long number = rng.nextBounded(row, 4, shape == 3 ? 10_000 : 100);
    scratch.clear();
    switch (shape) {
      case 0 -> scratch.append(first, f).append('.').append(last, l);
      case 1 -> scratch.append(first, f).append('_').append(last, l);
      case 2 -> scratch.append(first.firstChar(f)).append(last, l).appendNumber(number, 1);
      case 3 -> scratch.append(first, f).append(last, l).appendNumber(number, 1);
      default -> scratch.append(first, f).append('.').append(last, l).appendNumber(number, 2);
    }
    if (!fits(domain)) {
      scratch.clear().append(first.firstChar(f)).append(last, l);
      if (!fits(domain)) {
        scratch.clear().append(first.firstChar(f)).appendNumber(number, 1);
        if (!fits(domain)) {
          scratch.setLength(1);
        }
      }
    }
    out.text(scratch.append('@').append(domains, domain));
  }

  private static String[] shortest(String[] domains) {
    String best = domains[0];
    for (String d : domains) {
      best = d.length() < best.length() ? d : best;
    }
    return new String[] {best};
  }

  private boolean fits(int domain) {
    return max == Chars.UNBOUNDED || scratch.length() + 1 + domains.length(domain) <= max;
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
    int domain = (int) Long.remainderUnsigned(mixed >>> 40, domains.size());
    scratch.clear().append(first, f).append('.').append(last, l).appendNumber(index, 1);
    if (!fits(domain)) {
      scratch.clear().append(first.firstChar(f)).append(last, l).appendNumber(index, 1);
      if (!fits(domain)) {
        scratch.clear().append('u').appendNumber(index, 1);
      }
    }
    out.text(scratch.append('@').append(domains, domain));
  }
}
