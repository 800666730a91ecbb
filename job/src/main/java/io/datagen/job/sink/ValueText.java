package io.datagen.job.sink;

import io.datagen.archive.text.TextBuffer;

/**
 * Writes values in PostgreSQL's output syntax (DateStyle ISO, bytea hex, as pg_dump's session
 * prints them) straight into a {@link TextBuffer}: no String, no boxing, no allocation. Only the
 * characters {@code 0-9 - : . + space a-f} are produced, so no COPY escaping is needed.
 */
public final class ValueText {
  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final long MICROS_PER_HOUR = 3_600_000_000L;
  private static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

  /** 10^0 .. 10^18: every power of ten a long's digits need. */
  private static final long[] POW10 = new long[19];

  static {
    POW10[0] = 1;
    for (int i = 1; i < POW10.length; i++) {
      POW10[i] = POW10[i - 1] * 10;
    }
  }

  private ValueText() {}

  /**
   * {@code unscaled × 10^-scale} exactly, e.g. (-1050, 2) → {@code -10.50}, (5, 3) → {@code 0.005}.
   */
  public static void numeric(TextBuffer out, long unscaled, int scale) {
    if (scale == 0) {
      out.appendLong(unscaled);
      return;
    }
    if (unscaled != Long.MIN_VALUE && scale < POW10.length) {
      // The usual case: integer part, point, fraction zero-padded to the scale.
      long magnitude = Math.abs(unscaled);
      if (unscaled < 0) {
        out.appendByte('-');
      }
      out.appendLong(magnitude / POW10[scale]).appendByte('.');
      out.appendZeroPadded(magnitude % POW10[scale], scale);
      return;
    }
    if (unscaled < 0) {
      out.appendByte('-');
    }
    // Work on the negative magnitude so Long.MIN_VALUE needs no special case.
    long negative = unscaled < 0 ? unscaled : -unscaled;
    int digits = 1;
    for (long rest = negative / 10; rest != 0; rest /= 10) {
      digits++;
    }
    if (digits <= scale) {
      out.appendByte('0').appendByte('.');
      for (int i = digits; i < scale; i++) {
        out.appendByte('0');
      }
      appendDigits(out, negative, digits, digits);
    } else {
      appendDigits(out, negative, digits, digits - scale);
      out.appendByte('.');
      appendDigits(out, negative, scale, scale);
    }
  }

  /**
   * Writes {@code count} decimal digits of {@code -negative}, starting {@code fromRight} digits
   * from the right end (so (…, 3, 3) writes the last three digits).
   */
  private static void appendDigits(TextBuffer out, long negative, int fromRight, int count) {
    for (int position = fromRight - 1; position > fromRight - 1 - count; position--) {
      out.appendByte('0' - (int) (negative / POW10[position] % 10));
    }
  }

  /** 0001-01-01 and 9999-12-31 as days since 1970-01-01: the dates {@link #date} renders. */
  private static final int MIN_DATE_DAY = -719_162;

  private static final int MAX_DATE_DAY = 2_932_896;

  /** ISO date {@code YYYY-MM-DD}; years 1..9999 (the generators stay inside). */
  public static void date(TextBuffer out, int epochDay) {
    // Civil-from-days (Howard Hinnant's algorithm), proleptic Gregorian like PostgreSQL. In int
    // arithmetic for the days of years 1..9999 (others are refused below), where the JIT turns
    // each division by a constant into a multiplication.
    if (epochDay < MIN_DATE_DAY || epochDay > MAX_DATE_DAY) {
      throw new IllegalArgumentException(
          "Cannot render date out of years 1..9999: epoch day " + epochDay);
    }
    int z = epochDay + 719_468; // days since 0000-03-01, > 0 from year 1 on
    int era = z / 146_097;
    int doe = z - era * 146_097;
    int yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int day = doy - (153 * mp + 2) / 5 + 1;
    int month = mp < 10 ? mp + 3 : mp - 9;
    int year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    out.appendFourDigits(year).appendByte('-');
    out.appendTwoDigits(month).appendByte('-');
    out.appendTwoDigits(day);
  }

  /**
   * {@code YYYY-MM-DD HH:MM:SS[.ffffff]} with trailing fraction zeros dropped, as PostgreSQL
   * prints.
   */
  public static void timestamp(TextBuffer out, long epochMicros) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long micros = epochMicros - day * MICROS_PER_DAY;
    date(out, Math.toIntExact(day));
    out.appendByte(' ');
    time(out, micros);
  }

  /** {@link #timestamp(TextBuffer, long)} taking the date part from {@code dates}. */
  public static void timestamp(TextBuffer out, long epochMicros, DateTexts dates) {
    long day = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long micros = epochMicros - day * MICROS_PER_DAY;
    dates.appendDate(out, Math.toIntExact(day));
    out.appendByte(' ');
    time(out, micros);
  }

  /** {@code HH:MM:SS[.ffffff]} for a time of day in microseconds. */
  public static void time(TextBuffer out, long microsOfDay) {
    if (microsOfDay < 0 || microsOfDay >= 100 * MICROS_PER_HOUR) {
      throw new IllegalArgumentException(
          "Cannot render a time of day of " + microsOfDay + " microseconds");
    }
    int seconds = (int) (microsOfDay / 1_000_000);
    int fraction = (int) (microsOfDay - seconds * 1_000_000L);
    int hours = seconds / 3600;
    int minutes = (seconds - hours * 3600) / 60;
    out.appendTwoDigits(hours).appendByte(':');
    out.appendTwoDigits(minutes).appendByte(':');
    out.appendTwoDigits(seconds - hours * 3600 - minutes * 60);
    if (fraction != 0) {
      // Six digits, then the trailing zeros dropped (.5, not .500000), as PostgreSQL prints.
      out.appendByte('.');
      int high = fraction / 10_000;
      int middle = fraction / 100 - high * 100;
      out.appendTwoDigits(high).appendTwoDigits(middle).appendTwoDigits(fraction % 100);
      int end = out.length();
      byte[] text = out.array();
      while (text[end - 1] == '0') {
        end--;
      }
      out.truncate(end);
    }
  }

  /** Canonical lower-case {@code 8-4-4-4-12} UUID text. */
  public static void uuid(TextBuffer out, long msb, long lsb) {
    hex(out, msb >>> 32, 8);
    out.appendByte('-');
    hex(out, msb >>> 16, 4);
    out.appendByte('-');
    hex(out, msb, 4);
    out.appendByte('-');
    hex(out, lsb >>> 48, 4);
    out.appendByte('-');
    hex(out, lsb, 12);
  }

  private static void hex(TextBuffer out, long value, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      out.appendByte(HEX[(int) (value >>> shift) & 0xF]);
    }
  }

  /** {@code value} ≥ 0 with at least {@code width} digits, zero-padded. */
  private static void digits(TextBuffer out, int value, int width) {
    out.appendZeroPadded(value, width);
  }

  /**
   * float8 text that PostgreSQL reads back to the same double: Java's shortest repr, PG's special
   * names.
   */
  public static void float8(TextBuffer out, double value) {
    if (Double.isNaN(value)) {
      out.appendAscii("NaN");
    } else if (Double.isInfinite(value)) {
      out.appendAscii(value > 0 ? "Infinity" : "-Infinity");
    } else if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.appendLong((long) value);
    } else {
      out.appendAscii(Double.toString(value));
    }
  }

  public static void float4(TextBuffer out, float value) {
    if (Float.isNaN(value)
        || Float.isInfinite(value)
        || (value == Math.rint(value) && Math.abs(value) < 1e7)) {
      float8(out, value);
    } else {
      out.appendAscii(Float.toString(value));
    }
  }

  /**
   * A UTC offset in seconds east: {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}, as PostgreSQL
   * prints it.
   */
  public static void offset(TextBuffer out, int offsetSeconds) {
    int abs = Math.abs(offsetSeconds);
    out.appendByte(offsetSeconds < 0 ? '-' : '+');
    digits(out, abs / 3600, 2);
    if (abs % 3600 != 0) {
      out.appendByte(':');
      digits(out, abs / 60 % 60, 2);
      if (abs % 60 != 0) {
        out.appendByte(':');
        digits(out, abs % 60, 2);
      }
    }
  }

  /**
   * An interval in the {@code postgres} IntervalStyle: {@code 1 year 2 mons 3 days 04:05:06.5};
   * zero is {@code 00:00:00}.
   */
  public static void interval(TextBuffer out, int months, int days, long micros) {
    boolean any = unit(out, months / 12, "year", false);
    any = unit(out, months % 12, "mon", any);
    any = unit(out, days, "day", any);
    if (micros == 0 && any) {
      return;
    }
    if (any) {
      out.appendByte(' ');
    }
    if (micros < 0) {
      out.appendByte('-');
    }
    long abs = micros == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(micros);
    long hours = abs / 3_600_000_000L;
    if (hours < 10) {
      out.appendByte('0');
    }
    out.appendLong(hours);
    out.appendByte(':');
    long rest = abs % 3_600_000_000L;
    digits(out, (int) (rest / 60_000_000L), 2);
    out.appendByte(':');
    long secondsMicros = rest % 60_000_000L;
    digits(out, (int) (secondsMicros / 1_000_000), 2);
    int fraction = (int) (secondsMicros % 1_000_000);
    if (fraction != 0) {
      out.appendByte('.');
      int width = 6;
      while (fraction % 10 == 0) {
        fraction /= 10;
        width--;
      }
      digits(out, fraction, width);
    }
  }

  private static boolean unit(TextBuffer out, int n, String name, boolean any) {
    if (n == 0) {
      return any;
    }
    if (any) {
      out.appendByte(' ');
    }
    out.appendLong(n).appendByte(' ').appendAscii(name);
    if (n != 1 && n != -1) {
      out.appendByte('s');
    }
    return true;
  }

  /**
   * bytea in hex format: {@code \x} then two lower-case hex digits per byte (the backslash is not
   * escaped here).
   */
  public static void byteaHex(TextBuffer out, byte[] bytes, int offset, int length) {
    out.appendByte('\\').appendByte('x');
    for (int i = offset; i < offset + length; i++) {
      out.appendByte(HEX[(bytes[i] >> 4) & 0xF]);
      out.appendByte(HEX[bytes[i] & 0xF]);
    }
  }
}
