package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;
import java.util.Locale;

/**
 * Phone numbers in one format: {@code us} {@code (415) 555-0123} (area and exchange codes start
 * with 2–9, as NANP requires), {@code uk} {@code +44 7700 900123} (a mobile number), {@code e164}
 * {@code +14155550123}. Unique values spell the index in the last digits.
 */
public final class PhoneValues extends ValueSource {
  /** The supported formats. */
  public enum Format {
    US(14),
    UK(15),
    E164(12);

    /** Length of every number in this format. */
    public final int length;

    Format(int length) {
      this.length = length;
    }

    /** The format named {@code name} (case-insensitive), or null. */
    public static Format named(String name) {
      for (Format f : values()) {
        if (f.name().equalsIgnoreCase(name.strip())) {
          return f;
        }
      }
      return null;
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Format format;
  private final Chars scratch = new Chars(20);

  public PhoneValues(Format format) {
    this.format = format;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    long area = 200 + rng.nextBounded(row, 0, 800);
    long subscriber = rng.nextBounded(row, 1, 8_000_000) + 2_000_000; // exchange 200..999 + line
    write(area, subscriber);
    out.text(scratch);
  }

  private void write(long area, long subscriber) {
    scratch.clear();
    long exchange = subscriber / 10_000;
    long line = subscriber % 10_000;
    switch (format) {
      case US ->
          scratch
              .append('(')
              .appendNumber(area, 3)
              .append(") ")
              .appendNumber(exchange, 3)
              .append('-')
              .appendNumber(line, 4);
      case E164 ->
          scratch
              .append("+1")
              .appendNumber(area, 3)
              .appendNumber(exchange, 3)
              .appendNumber(line, 4);
      case UK ->
          scratch
              .append("+44 7")
              .appendNumber(area % 1000, 3)
              .append(' ')
              .appendNumber(subscriber % 1_000_000, 6);
    }
  }

  /** 800 area codes × 8,000,000 subscriber numbers (UK: 10^9 mobile numbers). */
  @Override
  public long domainSize() {
    return format == Format.UK ? 1_000_000_000L : 6_400_000_000L;
  }

  @Override
  public void emit(long index, ValueSink out) {
    if (format == Format.UK) {
      write(index / 1_000_000, 2_000_000 + index % 1_000_000);
    } else {
      write(200 + index / 8_000_000, 2_000_000 + index % 8_000_000);
    }
    out.text(scratch);
  }
}
