package io.datagen.job.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.encode.CopyRowSink;
import io.datagen.job.encode.InsertRowSink;
import io.datagen.job.generate.values.Chars;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The encoders' shortcuts (text prepared once, composed text read from its array, dates cached)
 * write the same bytes as the plain path they replace.
 */
class PreparedTextAndDatesTest {
  private static final int YEAR_1 = -719_162;
  private static final int YEAR_9999 = 2_932_896;

  private static String copyRow(java.util.function.Consumer<CopyRowSink> values) {
    TextBuffer buffer = new TextBuffer(1);
    CopyRowSink sink = new CopyRowSink(buffer);
    values.accept(sink);
    sink.endRow();
    return buffer.toString();
  }

  @Property(tries = 300)
  void preparedAndComposedTextEncodeLikeTheString(@ForAll String raw) {
    String text = raw.replace('\0', ' ');
    Chars chars = new Chars(4).append(text);
    String expected = copyRow(s -> s.text(text));
    assertThat(copyRow(s -> s.text(PreparedText.of(text)))).isEqualTo(expected);
    assertThat(copyRow(s -> s.text(chars))).isEqualTo(expected);
    assertThat(PreparedText.of(text).toString()).isEqualTo(text);
    assertThat(PreparedText.of(text)).hasSameSizeAs(text);
  }

  @Property(tries = 300)
  void dictionaryEntriesEncodeLikeTheString(@ForAll List<String> raw) {
    String[] texts = raw.stream().map(t -> t.replace('\0', ' ')).toArray(String[]::new);
    TextTable table = TextTable.of(texts);
    assertThat(table.size()).isEqualTo(texts.length);
    for (int i = 0; i < texts.length; i++) {
      String text = texts[i];
      int index = i;
      assertThat(copyRow(s -> s.text(table, index))).isEqualTo(copyRow(s -> s.text(text)));
      assertThat(table.text(i)).isEqualTo(text);
      assertThat(table.length(i)).isEqualTo(text.length());
      assertThat(new Chars(1).append(table, i).toString()).isEqualTo(text);
      assertThat(copyRow(s -> s.text(new Chars(1).append(table, index))))
          .isEqualTo(copyRow(s -> s.text(text)));
    }
    boolean allPlain =
        String.join("", texts).chars().allMatch(c -> TextBuffer.isCopyPlain((char) c));
    assertThat(table.copyPlain()).isEqualTo(allPlain);
  }

  @Test
  void aDictionaryWithNulFailsWhenThatEntryIsWritten() {
    TextTable table = TextTable.of(new String[] {"fine", "a\0b"});
    assertThat(table.copyBytes()).isNull();
    assertThat(copyRow(s -> s.text(table, 0))).isEqualTo("fine\n");
    assertThatThrownBy(() -> copyRow(s -> s.text(table, 1)))
        .hasMessageContaining("Cannot encode text value: it contains NUL");
  }

  @Test
  void dictionaryEntriesAreJustTextToOtherSinks() {
    TextTable table = TextTable.of(new String[] {"it's", "a\tb", "naïve"});
    TextBuffer plain = new TextBuffer();
    TextBuffer picked = new TextBuffer();
    InsertRowSink a = new InsertRowSink(plain, "public", "t", List.of("c"), 2);
    InsertRowSink b = new InsertRowSink(picked, "public", "t", List.of("c"), 2);
    for (int i = 0; i < table.size(); i++) {
      a.beginRow();
      a.text(table.text(i));
      a.endRow();
      b.beginRow();
      b.text(table, i);
      b.endRow();
    }
    a.finish();
    b.finish();
    assertThat(picked.toString()).isEqualTo(plain.toString());
  }

  @Test
  void preparedTextIsJustTextToOtherSinks() {
    TextBuffer plain = new TextBuffer();
    TextBuffer prepared = new TextBuffer();
    InsertRowSink a = new InsertRowSink(plain, "public", "t", List.of("c"), 2);
    InsertRowSink b = new InsertRowSink(prepared, "public", "t", List.of("c"), 2);
    for (String text : new String[] {"it's", "a\tb", "naïve"}) {
      a.beginRow();
      a.text(text);
      a.endRow();
      b.beginRow();
      b.text(PreparedText.of(text));
      b.endRow();
    }
    a.finish();
    b.finish();
    assertThat(prepared.toString()).isEqualTo(plain.toString());
  }

  @Test
  void preparedTextWithNulFailsWhenItIsWrittenLikeAnyText() {
    PreparedText nul = PreparedText.of("a\0b");
    assertThat(nul.copyText()).isNull();
    assertThatThrownBy(() -> copyRow(s -> s.text(nul)))
        .hasMessageContaining("Cannot encode text value: it contains NUL");
  }

  @Property(tries = 200)
  void cachedDatesMatchValueText(
      @ForAll @IntRange(min = YEAR_1, max = YEAR_9999 - 2 * 4096 - 5000) int firstDay,
      @ForAll @IntRange(min = 1, max = 5000) int span) {
    DateTexts dates = new DateTexts();
    // Twice over a range, plus days 4096 apart: hits, misses and slot collisions.
    for (int round = 0; round < 2; round++) {
      for (int day = firstDay; day < firstDay + span; day += 7) {
        for (int other : new int[] {day, day + 4096, day + 2 * 4096}) {
          TextBuffer cached = new TextBuffer(1).appendByte('x');
          dates.appendDate(cached, other);
          TextBuffer direct = new TextBuffer(1).appendByte('x');
          ValueText.date(direct, other);
          assertThat(cached.toString()).isEqualTo(direct.toString());
        }
      }
    }
  }

  @Property(tries = 500)
  void cachedTimestampsMatchValueText(
      @ForAll @LongRange(min = -62_135_596_800_000_000L, max = 253_402_300_799_999_999L)
          long micros) {
    DateTexts dates = new DateTexts();
    for (int i = 0; i < 2; i++) {
      TextBuffer cached = new TextBuffer(1);
      ValueText.timestamp(cached, micros, dates);
      TextBuffer direct = new TextBuffer(1);
      ValueText.timestamp(direct, micros);
      assertThat(cached.toString()).isEqualTo(direct.toString());
    }
  }

  @Test
  void outOfRangeDatesStillFailAndAreNotCached() {
    DateTexts dates = new DateTexts();
    assertThatThrownBy(() -> dates.appendDate(new TextBuffer(), YEAR_9999 + 1))
        .hasMessageContaining("Cannot render date out of years 1..9999");
    assertThatThrownBy(() -> dates.appendDate(new TextBuffer(), YEAR_9999 + 1))
        .hasMessageContaining("Cannot render date out of years 1..9999");
  }
}
