package io.datagen.archive.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link TextBuffer} (escape table, room reserved once per value, char-array
 * input, two digits at a time) write exactly what a plain char-by-char encoding writes, also when
 * the buffer has to grow in the middle of a value.
 */
class TextBufferProperties {

  /** COPY text the slow, obvious way: replace each special char, then UTF-8 as the JDK does. */
  private static byte[] copyOracle(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case 0x0b -> out.append("\\v");
        default -> out.append(c);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String withoutNul(String text) {
    return text.replace('\0', '0');
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  @Property(tries = 500)
  void plainCharsAppendLikeEscapedOnes(@ForAll String raw, @ForAll @IntRange(max = 8) int offset) {
    String text =
        raw.chars()
            .filter(c -> TextBuffer.isCopyPlain((char) c))
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
            .toString();
    char[] chars = ("x".repeat(offset) + text).toCharArray();
    TextBuffer plain =
        new TextBuffer(1).appendByte('>').appendCopyPlain(chars, offset, text.length());
    TextBuffer escaped = new TextBuffer(1).appendByte('>').appendCopyEscaped(text);
    assertThat(plain.toString()).isEqualTo(escaped.toString());
  }

  @Test
  void copyPlainCharsAreAsciiOtherThanTheEscapedOnes() {
    for (char c = 0; c < 0x100; c++) {
      boolean plain = c != 0 && c < 0x80 && "\\\b\f\n\r\t\u000b".indexOf(c) < 0;
      assertThat(TextBuffer.isCopyPlain(c)).as("char %d", (int) c).isEqualTo(plain);
    }
    assertThat(TextBuffer.isCopyPlain('\u2603')).isFalse();
  }

  @Property(tries = 500)
  void copyEscapedMatchesTheOracle(
      @ForAll String raw, @ForAll @IntRange(min = 0, max = 40) int prefix) {
    String text = withoutNul(raw);
    byte[] before = "x".repeat(prefix).getBytes(StandardCharsets.US_ASCII);
    TextBuffer buffer = new TextBuffer(16).appendBytes(before).appendCopyEscaped(text);
    assertThat(buffer.toByteArray()).isEqualTo(concat(before, copyOracle(text)));
  }

  @Property(tries = 500)
  void copyEscapedCharsMatchTheOracle(
      @ForAll String raw,
      @ForAll @IntRange(min = 0, max = 40) int prefix,
      @ForAll @IntRange(min = 0, max = 3) int margin) {
    String text = withoutNul(raw);
    // The text in the middle of a larger array, as a reused char buffer holds it.
    char[] chars = ("#".repeat(margin) + text + "#".repeat(margin)).toCharArray();
    byte[] before = "x".repeat(prefix).getBytes(StandardCharsets.US_ASCII);
    TextBuffer buffer =
        new TextBuffer(16).appendBytes(before).appendCopyEscaped(chars, margin, text.length());
    assertThat(buffer.toByteArray()).isEqualTo(concat(before, copyOracle(text)));
  }

  @Property(tries = 500)
  void copyEscapedUtf8MatchesTheOracle(
      @ForAll String raw, @ForAll @IntRange(min = 0, max = 40) int prefix) {
    String text = withoutNul(raw);
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    byte[] before = "x".repeat(prefix).getBytes(StandardCharsets.US_ASCII);
    TextBuffer buffer =
        new TextBuffer(16).appendBytes(before).appendCopyEscapedUtf8(utf8, 0, utf8.length);
    assertThat(buffer.toByteArray()).isEqualTo(concat(before, copyOracle(text)));
  }

  @Test
  void everyCopyPathRefusesNulAfterWritingWhatCameBefore() {
    String message = "Cannot encode text value: it contains NUL (U+0000)";
    TextBuffer chars = new TextBuffer();
    assertThatThrownBy(() -> chars.appendCopyEscaped("ab\0c".toCharArray(), 0, 4))
        .hasMessageContaining(message);
    assertThat(chars.toString()).isEqualTo("ab");
    TextBuffer text = new TextBuffer();
    assertThatThrownBy(() -> text.appendCopyEscaped("ab\0c")).hasMessageContaining(message);
    assertThat(text.toString()).isEqualTo("ab");
    TextBuffer utf8 = new TextBuffer();
    assertThatThrownBy(() -> utf8.appendCopyEscapedUtf8(new byte[] {'a', 'b', 0, 'c'}, 0, 4))
        .hasMessageContaining(message);
    assertThat(utf8.toString()).isEqualTo("ab");
  }

  @Test
  void charRangeOutsideTheArrayIsRefused() {
    assertThatThrownBy(() -> new TextBuffer().appendCopyEscaped(new char[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("Cannot append chars [2, 5) of an array of 4");
  }

  @Property(tries = 1000)
  void zeroPaddedMatchesTheJdk(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long value,
      @ForAll @IntRange(min = 0, max = 25) int width) {
    String expected = width == 0 ? Long.toString(value) : String.format("%0" + width + "d", value);
    assertThat(new TextBuffer(1).appendZeroPadded(value, width).toString()).isEqualTo(expected);
  }

  @Test
  void twoAndFourDigitFieldsAreZeroPaddedAndRefuseWiderValues() {
    for (int value = 0; value <= 9999; value++) {
      if (value <= 99) {
        assertThat(new TextBuffer(1).appendTwoDigits(value).toString())
            .isEqualTo(String.format("%02d", value));
      }
      assertThat(new TextBuffer(1).appendFourDigits(value).toString())
          .isEqualTo(String.format("%04d", value));
    }
    assertThatThrownBy(() -> new TextBuffer().appendTwoDigits(100))
        .hasMessage("Cannot write 100 as two digits");
    assertThatThrownBy(() -> new TextBuffer().appendFourDigits(-1))
        .hasMessage("Cannot write -1 as four digits");
  }

  @Property(tries = 1000)
  void smallLongsMatchTheJdk(@ForAll @LongRange(min = -100_000, max = 100_000) long value) {
    assertThat(new TextBuffer(1).appendLong(value).toString()).isEqualTo(Long.toString(value));
  }

  @Test
  void longsAtEveryDigitCountMatchTheJdk() {
    for (long power = 1; power > 0 && power <= Long.MAX_VALUE / 10; power *= 10) {
      for (long value : new long[] {power - 1, power, power + 1, Integer.MAX_VALUE, -power}) {
        assertThat(new TextBuffer(1).appendLong(value).toString()).isEqualTo(Long.toString(value));
      }
    }
    assertThat(new TextBuffer().appendLong(Long.MAX_VALUE).toString())
        .isEqualTo(Long.toString(Long.MAX_VALUE));
    assertThatThrownBy(() -> new TextBuffer().appendZeroPadded(-1, 2))
        .hasMessage("Cannot zero-pad a negative number: -1");
  }
}
