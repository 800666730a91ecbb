package io.datagen.job.sink;

/**
 * The one way a generator emits a value: no boxing, no per-value objects. An encoder (COPY text,
 * SQL INSERT literals, ...) implements it and renders each call in the column's PostgreSQL text
 * form, given below for every method. Exactly one method is called per column per row.
 *
 * <p>Arguments are only valid during the call: a {@link CharSequence} passed to {@link #text} may
 * be a reused buffer that changes on the next call, so copy it out before returning.
 */
public interface ValueSink {

  /** SQL NULL ({@code \N} in COPY text, {@code NULL} in INSERT). */
  void nullValue();

  /** A whole number, rendered in decimal with a leading {@code -} when negative: {@code -42}. */
  void integer(long v);

  /**
   * An exact decimal {@code unscaled × 10^-scale}, {@code scale ≥ 0}, rendered with exactly {@code
   * scale} fraction digits and at least one integer digit: {@code (12345, 2)} → {@code 123.45},
   * {@code (-5, 3)} → {@code -0.005}, {@code (7, 0)} → {@code 7}.
   */
  void numeric(long unscaled, int scale);

  /**
   * A {@code real}: shortest text that reads back to the same float, e.g. {@code 12.5}; generators
   * never emit NaN or infinities.
   */
  void float4(float v);

  /**
   * A {@code double precision}: shortest round-trip text, e.g. {@code 12.5} or {@code 1.0E-5};
   * never NaN or infinite.
   */
  void float8(double v);

  /** A boolean: {@code t}/{@code f} in COPY text, {@code true}/{@code false} in INSERT. */
  void bool(boolean v);

  /**
   * Text as is (the encoder escapes it for COPY or quotes it as a literal). Also used for enum
   * labels, which PostgreSQL reads from their label text.
   */
  void text(CharSequence s);

  /**
   * Entry {@code index} of a dictionary, as {@link #text}. The COPY encoder copies the entry's
   * prepared bytes; every other sink gets the entry's string.
   */
  default void text(TextTable table, int index) {
    text(table.text(index));
  }

  /**
   * A {@code date}, days since 1970-01-01, rendered ISO {@code YYYY-MM-DD} (proleptic Gregorian,
   * years 1..9999).
   */
  void date(int epochDay);

  /**
   * A {@code timestamp without time zone}, microseconds since 1970-01-01 00:00:00, rendered {@code
   * YYYY-MM-DD HH:MM:SS} followed by {@code .ffffff} with trailing zeros removed when the fraction
   * is not zero: {@code 2024-03-01 12:30:05.25}.
   */
  void timestamp(long epochMicros);

  /**
   * A {@code timestamp with time zone}, microseconds since the epoch in UTC, rendered like {@link
   * #timestamp} with the offset {@code +00} appended: {@code 2024-03-01 12:30:05.25+00}.
   */
  void timestamptz(long epochMicros);

  /** A {@code uuid}: the 128 bits as 8-4-4-4-12 lower-case hex groups, {@code msb} first. */
  void uuid(long msb, long lsb);

  // ---- Added for the full type list. The defaults render through text() (allocating, but correct
  // for both COPY and INSERT); the encoders override them with allocation-free versions.

  /**
   * A {@code time} of day, {@code 0 ≤ microsOfDay < 86,400,000,000}, rendered {@code HH:MM:SS} with
   * {@code .ffffff} (trailing zeros removed) when the fraction is not zero: {@code 09:30:05.5}.
   */
  default void time(long microsOfDay) {
    text(ValueSinkText.time(microsOfDay));
  }

  /**
   * A {@code time with time zone}: the time as {@link #time} followed by the UTC offset in seconds
   * east of Greenwich, rendered {@code +HH}, {@code +HH:MM} or {@code +HH:MM:SS}: {@code
   * 09:30:05+05:30}.
   */
  default void timetz(long microsOfDay, int offsetSeconds) {
    text(ValueSinkText.time(microsOfDay) + ValueSinkText.offset(offsetSeconds));
  }

  /**
   * An {@code interval} of months, days and microseconds (each may be negative), rendered in
   * PostgreSQL's {@code postgres} style: {@code 1 year 2 mons 3 days 04:05:06.5}, {@code 00:00:00}
   * when zero.
   */
  default void interval(int months, int days, long micros) {
    text(ValueSinkText.interval(months, days, micros));
  }

  /**
   * A {@code bytea}: {@code length} bytes from {@code offset}, rendered in hex format {@code
   * \x0a1b}.
   */
  default void bytea(byte[] bytes, int offset, int length) {
    text(ValueSinkText.byteaHex(bytes, offset, length));
  }

  /**
   * A value already written in PostgreSQL's input syntax for the column's type, as UTF-8 bytes: an
   * array literal {@code {1,"a b",NULL}}, a row literal {@code (1,"a b",)}, JSON, {@code inet}, a
   * {@code point}, a {@code tsvector}, XML... Encoders treat it exactly like {@link #text}: escaped
   * for COPY, or quoted as a SQL literal (PostgreSQL then reads it as the column's type).
   */
  default void literal(byte[] utf8, int offset, int length) {
    text(new String(utf8, offset, length, java.nio.charset.StandardCharsets.UTF_8));
  }
}
