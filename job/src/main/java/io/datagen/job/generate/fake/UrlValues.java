package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * Web addresses, {@code https://www.lopez-harris.com/about}: shortened (path, then {@code www.}) to
 * fit the column.
 */
public final class UrlValues extends ValueSource {
  private static final String[] TLDS = {"com", "com", "com", "net", "org", "io", "co"};
  private static final String[] PATHS = {
    "", "", "about", "products", "blog", "contact", "team", "pricing", "docs"
  };

  /** The shortest URL written: {@code https://} + a name + {@code .co}. */
  public static final int SHORTEST = 13;

  private final String[] names;
  private final int max;
  private final Chars scratch = new Chars(96);

  public UrlValues(Dictionaries dictionaries, int max) {
    this.names = dictionaries.asciiLastNames;
    this.max = max;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    String name = names[rng.nextInt(row, 0, names.length)];
    String second = rng.chance(row, 1, 0.4) ? names[rng.nextInt(row, 2, names.length)] : null;
    String tld = TLDS[rng.nextInt(row, 3, TLDS.length)];
    String path = PATHS[rng.nextInt(row, 4, PATHS.length)];
    write(true, name, second, tld, path);
    if (max != Chars.UNBOUNDED && scratch.length() > max) {
      write(false, name, null, tld, "");
      if (scratch.length() > max) {
        write(
            false,
            name.substring(0, Math.max(1, name.length() - (scratch.length() - max))),
            null,
            "co",
            "");
      }
    }
    out.text(scratch);
  }

  private void write(boolean www, String name, String second, String tld, String path) {
    scratch.clear().append(www ? "https://www." : "https://").append(name);
    if (second != null) {
      scratch.append('-').append(second);
    }
    scratch.append('.').append(tld);
    if (!path.isEmpty()) {
      scratch.append('/').append(path);
    }
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate URLs");
  }
}
