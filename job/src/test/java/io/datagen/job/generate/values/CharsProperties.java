package io.datagen.job.generate.values;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** {@link Chars#appendNumber} (two digits per division) against the plain decimal text. */
class CharsProperties {
  @Property(tries = 2000)
  void appendNumberWritesTheZeroPaddedDecimal(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value,
      @ForAll @IntRange(min = 0, max = 25) int width,
      @ForAll @IntRange(min = 0, max = 3) int magnitude) {
    long scaled =
        magnitude == 0
            ? value % 10
            : magnitude == 1 ? value % 1000 : magnitude == 2 ? value % Integer.MAX_VALUE : value;
    Chars chars = new Chars(1).append("x");
    chars.appendNumber(scaled, width);
    String digits = Long.toString(scaled);
    assertThat(chars.toString())
        .isEqualTo("x" + "0".repeat(Math.max(0, width - digits.length())) + digits);
  }
}
