package io.datagen.job.generate.compile;

import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.sink.RowSink;
import io.datagen.job.sink.ValueSink;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Test-only sink rendering each value in the PostgreSQL text form documented on {@link ValueSink}
 * (NULL as Java null). Collects rows as lists of strings.
 */
final class TextRowSink implements RowSink {
  final List<List<String>> rows = new ArrayList<>();

  /** Which sink method produced each value of the current row, e.g. "integer". */
  final List<List<String>> kinds = new ArrayList<>();

  private List<String> row;
  private List<String> kind;

  @Override
  public void beginRow() {
    row = new ArrayList<>();
    kind = new ArrayList<>();
  }

  @Override
  public void endRow() {
    rows.add(row);
    kinds.add(kind);
  }

  private void add(String k, String v) {
    if (row == null) {
      beginRow();
    }
    kind.add(k);
    row.add(v);
  }

  /** Renders a single value through a fresh sink. */
  static String render(ColumnGenerator generator, long row) {
    TextRowSink sink = new TextRowSink();
    sink.beginRow();
    generator.generate(row, sink);
    sink.endRow();
    return sink.rows.get(0).get(0);
  }

  @Override
  public void nullValue() {
    add("null", null);
  }

  @Override
  public void integer(long v) {
    add("integer", Long.toString(v));
  }

  @Override
  public void numeric(long unscaled, int scale) {
    add("numeric", BigDecimal.valueOf(unscaled, scale).toPlainString());
  }

  @Override
  public void float4(float v) {
    add("float4", Float.toString(v));
  }

  @Override
  public void float8(double v) {
    add("float8", Double.toString(v));
  }

  @Override
  public void bool(boolean v) {
    add("bool", v ? "t" : "f");
  }

  @Override
  public void text(CharSequence s) {
    add("text", s.toString());
  }

  @Override
  public void date(int epochDay) {
    add("date", LocalDate.ofEpochDay(epochDay).toString());
  }

  @Override
  public void timestamp(long epochMicros) {
    add("timestamp", formatTimestamp(epochMicros));
  }

  @Override
  public void timestamptz(long epochMicros) {
    add("timestamptz", formatTimestamp(epochMicros) + "+00");
  }

  @Override
  public void uuid(long msb, long lsb) {
    add("uuid", new UUID(msb, lsb).toString());
  }

  static String formatTimestamp(long micros) {
    LocalDateTime t =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000L),
            (int) Math.floorMod(micros, 1_000_000L) * 1000,
            ZoneOffset.UTC);
    String base =
        t.toLocalDate()
            + " "
            + String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
    int fraction = (int) Math.floorMod(micros, 1_000_000L);
    if (fraction == 0) {
      return base;
    }
    String digits = String.format("%06d", fraction).replaceAll("0+$", "");
    return base + "." + digits;
  }
}
