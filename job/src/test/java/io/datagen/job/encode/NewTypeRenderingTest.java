package io.datagen.job.encode;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.LiteralSink;
import io.datagen.job.sink.RowSink;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The value kinds added for the full type list, as COPY text, as INSERT literals and as plain
 * literal text.
 */
class NewTypeRenderingTest {
  private static final byte[] BYTES = {0x00, 0x0a, (byte) 0xff, 0x5c};

  @Test
  void copyText() {
    assertThat(copy(s -> s.time(9 * 3_600_000_000L + 30 * 60_000_000L + 5_500_000L)))
        .isEqualTo("09:30:05.5\n");
    assertThat(copy(s -> s.timetz(0, 19_800))).isEqualTo("00:00:00+05:30\n");
    assertThat(copy(s -> s.timetz(1_000_000, -18_000))).isEqualTo("00:00:01-05\n");
    assertThat(copy(s -> s.interval(14, 3, 4 * 3_600_000_000L + 5 * 60_000_000L + 6_250_000L)))
        .isEqualTo("1 year 2 mons 3 days 04:05:06.25\n");
    assertThat(copy(s -> s.interval(1, 1, 0))).isEqualTo("1 mon 1 day\n");
    assertThat(copy(s -> s.interval(0, 0, 0))).isEqualTo("00:00:00\n");
    assertThat(copy(s -> s.interval(0, -2, -90_000_000L))).isEqualTo("-2 days -00:01:30\n");
    assertThat(copy(s -> s.bytea(BYTES, 0, 4))).isEqualTo("\\\\x000aff5c\n");
    byte[] literal = "{\"a\tb\",\"c\\\\d\"} é".getBytes(StandardCharsets.UTF_8);
    assertThat(copy(s -> s.literal(literal, 0, literal.length)))
        .isEqualTo("{\"a\\tb\",\"c\\\\\\\\d\"} é\n");
  }

  @Test
  void insertLiterals() {
    assertThat(insert(s -> s.time(0))).contains("('00:00:00')");
    assertThat(insert(s -> s.timetz(0, 3600))).contains("('00:00:00+01')");
    assertThat(insert(s -> s.interval(0, 1, 0))).contains("('1 day')");
    assertThat(insert(s -> s.bytea(BYTES, 1, 2))).contains("('\\x0aff')");
    byte[] literal = "(1,\"it's\")".getBytes(StandardCharsets.UTF_8);
    assertThat(insert(s -> s.literal(literal, 0, literal.length))).contains("('(1,\"it''s\")')");
  }

  @Test
  void plainLiteralTextAndNull() {
    LiteralSink sink = new LiteralSink();
    sink.reset().bytea(BYTES, 0, 2);
    assertThat(sink.buffer().toString()).isEqualTo("\\x000a");
    sink.reset().nullValue();
    assertThat(sink.wasNull()).isTrue();
    assertThat(sink.buffer().length()).isZero();
    sink.reset().timestamptz(0);
    assertThat(sink.wasNull()).isFalse();
    assertThat(sink.buffer().toString()).isEqualTo("1970-01-01 00:00:00+00");
  }

  private static String copy(Consumer<RowSink> value) {
    TextBuffer buffer = new TextBuffer();
    CopyRowSink sink = new CopyRowSink(buffer);
    sink.beginRow();
    value.accept(sink);
    sink.endRow();
    return buffer.toString();
  }

  private static String insert(Consumer<RowSink> value) {
    TextBuffer buffer = new TextBuffer();
    InsertRowSink sink = new InsertRowSink(buffer, "public", "t", List.of(), 1);
    sink.beginRow();
    value.accept(sink);
    sink.endRow();
    sink.finish();
    return buffer.toString();
  }
}
