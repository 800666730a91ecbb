package io.datagen.job.encode;

import io.datagen.archive.text.CopyRowEncoder;
import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.ArrayBackedText;
import io.datagen.job.sink.DateTexts;
import io.datagen.job.sink.PreparedText;
import io.datagen.job.sink.RowSink;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueText;

/**
 * Renders generated rows as COPY text (the TABLE DATA of a custom archive and of a copy script).
 */
public final class CopyRowSink implements RowSink {
  private final CopyRowEncoder encoder;
  private final DateTexts dates = new DateTexts();

  public CopyRowSink(TextBuffer buffer) {
    this.encoder = new CopyRowEncoder(buffer);
  }

  @Override
  public void beginRow() {
    // COPY needs nothing before a row; the first beginValue() writes no delimiter.
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
    ValueText.float4(encoder.beginValue(), v);
  }

  @Override
  public void float8(double v) {
    ValueText.float8(encoder.beginValue(), v);
  }

  @Override
  public void bool(boolean v) {
    encoder.beginValue().appendByte(v ? 't' : 'f');
  }

  @Override
  public void text(CharSequence s) {
    if (s instanceof PreparedText prepared && prepared.copyText() != null) {
      // Dictionary entries, enum labels, constants: encoded once when the generator was built.
      encoder.beginValue().appendBytes(prepared.copyText());
    } else if (s instanceof ArrayBackedText chars) {
      // Composed text (lorem, names, addresses): copied from its array, no call per char.
      if (chars.copyPlain()) {
        encoder.beginValue().appendCopyPlain(chars.array(), 0, chars.length());
      } else {
        encoder.beginValue().appendCopyEscaped(chars.array(), 0, chars.length());
      }
    } else {
      encoder.appendText(s);
    }
  }

  @Override
  public void text(TextTable table, int index) {
    byte[] copy = table.copyBytes();
    if (copy != null) {
      int start = table.copyStart(index);
      encoder.beginValue().appendBytes(copy, start, table.copyStart(index + 1) - start);
    } else {
      encoder.appendText(table.text(index));
    }
  }

  @Override
  public void date(int epochDay) {
    dates.appendDate(encoder.beginValue(), epochDay);
  }

  @Override
  public void timestamp(long epochMicros) {
    ValueText.timestamp(encoder.beginValue(), epochMicros, dates);
  }

  @Override
  public void timestamptz(long epochMicros) {
    TextBuffer out = encoder.beginValue();
    ValueText.timestamp(out, epochMicros, dates);
    out.appendByte('+').appendByte('0').appendByte('0');
  }

  @Override
  public void uuid(long msb, long lsb) {
    ValueText.uuid(encoder.beginValue(), msb, lsb);
  }

  @Override
  public void time(long microsOfDay) {
    ValueText.time(encoder.beginValue(), microsOfDay);
  }

  @Override
  public void timetz(long microsOfDay, int offsetSeconds) {
    TextBuffer out = encoder.beginValue();
    ValueText.time(out, microsOfDay);
    ValueText.offset(out, offsetSeconds);
  }

  @Override
  public void interval(int months, int days, long micros) {
    ValueText.interval(encoder.beginValue(), months, days, micros);
  }

  @Override
  public void bytea(byte[] bytes, int offset, int length) {
    TextBuffer out = encoder.beginValue();
    out.appendByte('\\'); // COPY escapes the backslash of \x
    ValueText.byteaHex(out, bytes, offset, length);
  }

  @Override
  public void literal(byte[] utf8, int offset, int length) {
    encoder.beginValue().appendCopyEscapedUtf8(utf8, offset, length);
  }
}
