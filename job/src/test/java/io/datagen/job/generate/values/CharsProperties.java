package io.datagen.job.generate.values;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.sink.TextTable;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link Chars#appendNumber} (two digits per division) against the plain decimal text, and {@link
 * Chars#copyPlain} kept true only while every char is one COPY text stores as is.
 */
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

  /**
   * Any sequence of changes: whenever {@link Chars#copyPlain} says so, every char is plain (the
   * COPY encoder then copies without checking); after {@code clear} and plain appends it says so.
   */
  @Property(tries = 1000)
  void copyPlainHoldsOnlyForPlainText(
      @ForAll("operations") List<Integer> operations,
      @ForAll("texts") String text,
      @ForAll char c) {
    TextTable table = TextTable.of(new String[] {"plain", text});
    Chars chars = new Chars(4);
    for (int operation : operations) {
      switch (operation) {
        case 0 -> chars.clear();
        case 1 -> chars.append(c);
        case 2 -> chars.append(text);
        case 3 -> chars.append(text, 3);
        case 4 -> chars.append(text, text.length());
        case 5 -> chars.appendNumber(Math.abs((long) c * 31), 3);
        case 6 -> chars.append(table, 0);
        case 7 -> chars.append(table, 1);
        case 8 -> {
          if (chars.length() > 0) {
            chars.set(0, c);
          }
        }
        case 9 -> {
          if (chars.length() > 0) {
            chars.upperAt(chars.length() - 1);
          }
        }
        case 10 -> chars.setLength(chars.length() / 2);
        default -> chars.fit(3);
      }
      boolean allPlain = chars.chars().allMatch(ch -> TextBuffer.isCopyPlain((char) ch));
      if (chars.copyPlain()) {
        assertThat(allPlain).as("plain claimed for %s", chars).isTrue();
      }
    }
    TextTable words = TextTable.of(new String[] {"plain", "words"});
    chars.clear().append("ab_c").append(words, 1).appendNumber(42, 1).append('.');
    assertThat(chars.copyPlain()).isTrue();
  }

  @Provide
  Arbitrary<List<Integer>> operations() {
    return Arbitraries.integers().between(0, 11).list().ofMaxSize(12);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8),
        Arbitraries.strings().withChars('a', '\\', '\t', '\n', 'é', '\u2603').ofMaxLength(6),
        Arbitraries.strings().ofMaxLength(6));
  }
}
