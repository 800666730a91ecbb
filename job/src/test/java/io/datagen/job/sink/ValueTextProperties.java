package io.datagen.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.text.TextBuffer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * ValueText renders exactly what the JDK's own formatters (and PostgreSQL's output functions)
 * produce.
 */
class ValueTextProperties {
  private static final int YEAR_1 = -719_162; // LocalDate.of(1, 1, 1).toEpochDay()
  private static final int YEAR_9999 = 2_932_896; // LocalDate.of(9999, 12, 31).toEpochDay()

  private static String render(java.util.function.Consumer<TextBuffer> writer) {
    TextBuffer buffer = new TextBuffer();
    writer.accept(buffer);
    return buffer.toString();
  }

  @Property(tries = 2000)
  void numericMatchesBigDecimal(
      @ForAll long unscaled, @ForAll @IntRange(min = 0, max = 25) int scale) {
    assertThat(render(b -> ValueText.numeric(b, unscaled, scale)))
        .isEqualTo(BigDecimal.valueOf(unscaled, scale).toPlainString());
  }

  @Property(tries = 2000)
  void dateMatchesIsoLocalDate(@ForAll @IntRange(min = YEAR_1, max = YEAR_9999) int epochDay) {
    String expected =
        LocalDate.ofEpochDay(epochDay).format(DateTimeFormatter.ofPattern("uuuu-MM-dd"));
    assertThat(render(b -> ValueText.date(b, epochDay))).isEqualTo(expected);
  }

  @Property(tries = 2000)
  void timestampMatchesPostgresShape(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L)
          long micros) {
    LocalDateTime time =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(micros, 1_000_000),
            (int) Math.floorMod(micros, 1_000_000) * 1000,
            ZoneOffset.UTC);
    String expected = time.format(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss"));
    int fraction = time.getNano() / 1000;
    if (fraction != 0) {
      expected += "." + String.format("%06d", fraction).replaceAll("0+$", "");
    }
    assertThat(render(b -> ValueText.timestamp(b, micros))).isEqualTo(expected);
  }

  /** Times of day up to 24:00:00, fractions with every number of trailing zeros. */
  @Property(tries = 2000)
  void timeMatchesPostgresShape(
      @ForAll @IntRange(min = 0, max = 86_400) int second,
      @ForAll @IntRange(min = 0, max = 999_999) int fraction,
      @ForAll @IntRange(min = 0, max = 6) int zeros) {
    int scale = (int) Math.pow(10, zeros);
    int micros = second == 86_400 ? 0 : fraction / scale * scale;
    String expected =
        second == 86_400
            ? "24:00:00"
            : LocalTime.ofSecondOfDay(second).format(DateTimeFormatter.ofPattern("HH:mm:ss"));
    if (micros != 0) {
      expected += "." + String.format("%06d", micros).replaceAll("0+$", "");
    }
    long microsOfDay = second * 1_000_000L + micros;
    assertThat(render(b -> ValueText.time(b, microsOfDay))).isEqualTo(expected);
  }

  @Test
  void negativeTimesOfDayAreRefused() {
    assertThatThrownBy(() -> render(b -> ValueText.time(b, -1)))
        .hasMessage("Cannot render a time of day of -1 microseconds");
  }

  @Property(tries = 1000)
  void uuidMatchesJavaUuid(@ForAll long msb, @ForAll long lsb) {
    assertThat(render(b -> ValueText.uuid(b, msb, lsb))).isEqualTo(new UUID(msb, lsb).toString());
  }

  @Property(tries = 1000)
  void float8ReadsBackExactly(@ForAll double value) {
    String text = render(b -> ValueText.float8(b, value));
    if (Double.isNaN(value)) {
      assertThat(text).isEqualTo("NaN");
    } else {
      assertThat(Double.parseDouble(text)).isEqualTo(value);
    }
  }

  @Property(tries = 1000)
  void float4ReadsBackExactly(@ForAll float value) {
    String text = render(b -> ValueText.float4(b, value));
    if (Float.isNaN(value)) {
      assertThat(text).isEqualTo("NaN");
    } else {
      assertThat(Float.parseFloat(text)).isEqualTo(value);
    }
  }

  @Test
  void specialFloatsUsePostgresSpellings() {
    assertThat(render(b -> ValueText.float8(b, Double.POSITIVE_INFINITY))).isEqualTo("Infinity");
    assertThat(render(b -> ValueText.float8(b, Double.NEGATIVE_INFINITY))).isEqualTo("-Infinity");
    assertThat(render(b -> ValueText.float8(b, 12.0))).isEqualTo("12");
    assertThat(render(b -> ValueText.float4(b, 0.5f))).isEqualTo("0.5");
  }

  @Test
  void datesOutsideYearsOneToNineThousandAreRefused() {
    assertThatThrownBy(() -> render(b -> ValueText.date(b, YEAR_1 - 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> render(b -> ValueText.date(b, YEAR_9999 + 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
