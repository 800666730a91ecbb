package io.datagen.job.encode;

import io.datagen.archive.text.InsertTextEncoder;
import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.RowSink;
import io.datagen.job.sink.ValueText;
import java.util.List;

/** Renders generated rows as multi-row INSERT statements (the {@code sql} script format). */
public final class InsertRowSink implements RowSink {
  private final InsertTextEncoder encoder;

  /** Names as in the catalog, unquoted: the encoder quotes them. */
  public InsertRowSink(
      TextBuffer buffer, String schema, String table, List<String> columns, int rowsPerStatement) {
    this.encoder = new InsertTextEncoder(buffer, schema, table, columns, rowsPerStatement);
  }

  /** Closes the open statement: call once after the segment's last row. */
  public void finish() {
    encoder.finish();
  }

  @Override
  public void beginRow() {
    encoder.beginRow();
  }

  @Override
  public void endRow() {
    encoder.endRow();
  }

  @Override
  public void nullValue() {
    encoder.appendNull();
  }

  @Override
  public void integer(long v) {
    encoder.appendLong(v);
  }

  @Override
  public void numeric(long unscaled, int scale) {
    ValueText.numeric(encoder.beginValue(), unscaled, scale);
  }

  @Override
  public void float4(float v) {
    TextBuffer out = openSpecialFloat(Float.isFinite(v));
    ValueText.float4(out, v);
    closeSpecialFloat(out, Float.isFinite(v));
  }

  @Override
  public void float8(double v) {
    TextBuffer out = openSpecialFloat(Double.isFinite(v));
    ValueText.float8(out, v);
    closeSpecialFloat(out, Double.isFinite(v));
  }

  /** NaN and the infinities are string literals in SQL ('NaN'); finite numbers are bare. */
  private TextBuffer openSpecialFloat(boolean finite) {
    TextBuffer out = encoder.beginValue();
    return finite ? out : out.appendByte('\'');
  }

  private static void closeSpecialFloat(TextBuffer out, boolean finite) {
    if (!finite) {
      out.appendByte('\'');
    }
  }

  @Override
  public void bool(boolean v) {
    encoder.beginValue().appendAscii(v ? "true" : "false");
  }

  @Override
  public void text(CharSequence s) {
    encoder.appendLiteral(s);
  }

  @Override
  public void date(int epochDay) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.date(out, epochDay);
    out.appendByte('\'');
  }

  @Override
  public void timestamp(long epochMicros) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.timestamp(out, epochMicros);
    out.appendByte('\'');
  }

  @Override
  public void timestamptz(long epochMicros) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.timestamp(out, epochMicros);
    out.appendAscii("+00'");
  }

  @Override
  public void uuid(long msb, long lsb) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.uuid(out, msb, lsb);
    out.appendByte('\'');
  }

  @Override
  public void time(long microsOfDay) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.time(out, microsOfDay);
    out.appendByte('\'');
  }

  @Override
  public void timetz(long microsOfDay, int offsetSeconds) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.time(out, microsOfDay);
    ValueText.offset(out, offsetSeconds);
    out.appendByte('\'');
  }

  @Override
  public void interval(int months, int days, long micros) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.interval(out, months, days, micros);
    out.appendByte('\'');
  }

  @Override
  public void bytea(byte[] bytes, int offset, int length) {
    TextBuffer out = encoder.beginValue().appendByte('\'');
    ValueText.byteaHex(
        out, bytes, offset, length); // standard_conforming_strings: the backslash stays single
    out.appendByte('\'');
  }

  @Override
  public void literal(byte[] utf8, int offset, int length) {
    encoder.beginValue().appendSqlLiteralUtf8(utf8, offset, length);
  }
}
