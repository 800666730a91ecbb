package io.datagen.job.sink;

import io.datagen.archive.text.TextBuffer;

/**
 * Renders one value at a time in PostgreSQL's plain input syntax — no COPY escaping, no SQL quoting
 * — into a reusable {@link TextBuffer}: the building block of array and row literals, whose
 * elements are then quoted by the rules of those literals and the whole escaped once by the row
 * encoder. NULL writes nothing and sets {@link #wasNull()}. Not thread-safe; one per generator.
 */
public final class LiteralSink implements ValueSink {
  private final TextBuffer buffer;
  private boolean wasNull;

  public LiteralSink() {
    this(new TextBuffer(256));
  }

  public LiteralSink(TextBuffer buffer) {
    this.buffer = buffer;
  }

  /** The rendered text of the last value (cleared by {@link #reset()}). */
  public TextBuffer buffer() {
    return buffer;
  }

  /** Clears the buffer before the next value. */
  public LiteralSink reset() {
    buffer.clear();
    wasNull = false;
    return this;
  }

  /** Whether the last value was NULL. */
  public boolean wasNull() {
    return wasNull;
  }

  @Override
  public void nullValue() {
    wasNull = true;
  }

  @Override
  public void integer(long v) {
    buffer.appendLong(v);
  }

  @Override
  public void numeric(long unscaled, int scale) {
    ValueText.numeric(buffer, unscaled, scale);
  }

  @Override
  public void float4(float v) {
    ValueText.float4(buffer, v);
  }

  @Override
  public void float8(double v) {
    ValueText.float8(buffer, v);
  }

  @Override
  public void bool(boolean v) {
    buffer.appendByte(v ? 't' : 'f');
  }

  @Override
  public void text(CharSequence s) {
    buffer.appendUtf8(s);
  }

  @Override
  public void date(int epochDay) {
    ValueText.date(buffer, epochDay);
  }

  @Override
  public void timestamp(long epochMicros) {
    ValueText.timestamp(buffer, epochMicros);
  }

  @Override
  public void timestamptz(long epochMicros) {
    ValueText.timestamp(buffer, epochMicros);
    buffer.appendAscii("+00");
  }

  @Override
  public void uuid(long msb, long lsb) {
    ValueText.uuid(buffer, msb, lsb);
  }

  @Override
  public void time(long microsOfDay) {
    ValueText.time(buffer, microsOfDay);
  }

  @Override
  public void timetz(long microsOfDay, int offsetSeconds) {
    ValueText.time(buffer, microsOfDay);
    ValueText.offset(buffer, offsetSeconds);
  }

  @Override
  public void interval(int months, int days, long micros) {
    ValueText.interval(buffer, months, days, micros);
  }

  @Override
  public void bytea(byte[] bytes, int offset, int length) {
    ValueText.byteaHex(buffer, bytes, offset, length);
  }

  @Override
  public void literal(byte[] utf8, int offset, int length) {
    buffer.appendBytes(utf8, offset, length);
  }
}
