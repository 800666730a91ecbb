package io.datagen.job.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.RowSink;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same row through the COPY and the INSERT sink: each value in its PostgreSQL spelling. */
class RowSinkTest {
  private static void row(RowSink sink) {
    sink.beginRow();
    sink.integer(-42);
    sink.numeric(-5, 3);
    sink.float4(1.5f);
    sink.float8(Double.NaN);
    sink.bool(true);
    sink.text("tab\there 'quoted' \\ back");
    sink.date(0);
    sink.timestamp(1_500_000L);
    sink.timestamptz(86_400_000_000L + 250_000L);
    sink.uuid(0x0123456789abcdefL, 0xfedcba9876543210L);
    sink.nullValue();
    sink.endRow();
  }

  @Test
  void copyRowRendersCopyText() {
    TextBuffer buffer = new TextBuffer();
    row(new CopyRowSink(buffer));
    assertThat(buffer.toString())
        .isEqualTo(
            "-42\t-0.005\t1.5\tNaN\tt\ttab\\there 'quoted' \\\\ back\t1970-01-01\t1970-01-01 00:00:01.5\t"
                + "1970-01-02 00:00:00.25+00\t01234567-89ab-cdef-fedc-ba9876543210\t\\N\n");
  }

  @Test
  void insertRowRendersLiterals() {
    TextBuffer buffer = new TextBuffer();
    InsertRowSink sink =
        new InsertRowSink(
            buffer,
            "public",
            "t",
            List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"),
            10);
    row(sink);
    row(sink);
    sink.finish();
    String values =
        "(-42, -0.005, 1.5, 'NaN', true, 'tab\there ''quoted'' \\ back', '1970-01-01', "
            + "'1970-01-01 00:00:01.5', '1970-01-02 00:00:00.25+00', '01234567-89ab-cdef-fedc-ba9876543210', NULL)";
    assertThat(buffer.toString())
        .contains(values + ",\n")
        .endsWith(values + ";\n")
        .startsWith("INSERT INTO public.t");
  }
}
