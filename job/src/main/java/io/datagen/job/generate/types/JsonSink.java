package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.ValueSink;
import io.datagen.job.sink.ValueText;

/**
 * Renders one value as a JSON value into a buffer: numbers and booleans bare, everything else
 * (text, dates, UUIDs, nested literals) as a JSON string, NULL as {@code null}.
 */
final class JsonSink implements ValueSink {
  private final TextBuffer out;
  private final TextBuffer inner = new TextBuffer(128);

  JsonSink(TextBuffer out) {
    this.out = out;
  }

  @Override
  public void nullValue() {
    out.appendAscii("null");
  }

  @Override
  public void integer(long v) {
    out.appendLong(v);
  }

  @Override
  public void numeric(long unscaled, int scale) {
    ValueText.numeric(out, unscaled, scale);
  }

  @Override
  public void float4(float v) {
    ValueText.float4(out, v);
  }

  @Override
  public void float8(double v) {
    ValueText.float8(out, v);
  }

  @Override
  public void bool(boolean v) {
    out.appendAscii(v ? "true" : "false");
  }

  @Override
  public void text(CharSequence s) {
    LiteralQuoting.jsonString(out, s);
  }

  @Override
  public void date(int epochDay) {
    inner.clear();
    ValueText.date(inner, epochDay);
    quoted();
  }

  @Override
  public void timestamp(long epochMicros) {
    inner.clear();
    ValueText.timestamp(inner, epochMicros);
    quoted();
  }

  @Override
  public void timestamptz(long epochMicros) {
    inner.clear();
    ValueText.timestamp(inner, epochMicros);
    inner.appendAscii("+00");
    quoted();
  }

  @Override
  public void uuid(long msb, long lsb) {
    inner.clear();
    ValueText.uuid(inner, msb, lsb);
    quoted();
  }

  @Override
  public void time(long microsOfDay) {
    inner.clear();
    ValueText.time(inner, microsOfDay);
    quoted();
  }

  @Override
  public void timetz(long microsOfDay, int offsetSeconds) {
    inner.clear();
    ValueText.time(inner, microsOfDay);
    ValueText.offset(inner, offsetSeconds);
    quoted();
  }

  @Override
  public void interval(int months, int days, long micros) {
    inner.clear();
    ValueText.interval(inner, months, days, micros);
    quoted();
  }

  @Override
  public void bytea(byte[] bytes, int offset, int length) {
    inner.clear();
    ValueText.byteaHex(inner, bytes, offset, length);
    quoted();
  }

  @Override
  public void literal(byte[] utf8, int offset, int length) {
    inner.clear().appendBytes(utf8, offset, length);
    quoted();
  }

  /** The plain ASCII/UTF-8 text in {@code inner} as a JSON string. */
  private void quoted() {
    LiteralQuoting.jsonStringUtf8(out, inner.array(), inner.length());
  }
}
