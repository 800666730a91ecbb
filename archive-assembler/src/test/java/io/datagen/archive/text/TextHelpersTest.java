package io.datagen.archive.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class TextHelpersTest {

  @Test
  void identifiersFollowQuoteIdentifier() {
    assertThat(SqlIdentifiers.quote("customers")).isEqualTo("customers");
    assertThat(SqlIdentifiers.quote("_x1")).isEqualTo("_x1");
    assertThat(SqlIdentifiers.quote("Customers")).isEqualTo("\"Customers\"");
    assertThat(SqlIdentifiers.quote("1abc")).isEqualTo("\"1abc\"");
    assertThat(SqlIdentifiers.quote("a b")).isEqualTo("\"a b\"");
    assertThat(SqlIdentifiers.quote("ünï")).isEqualTo("\"ünï\"");
    assertThat(SqlIdentifiers.quote("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(SqlIdentifiers.quote("select")).isEqualTo("\"select\""); // reserved
    assertThat(SqlIdentifiers.quote("left")).isEqualTo("\"left\""); // type/func name
    assertThat(SqlIdentifiers.quote("integer")).isEqualTo("\"integer\""); // col name
    assertThat(SqlIdentifiers.quote("name")).isEqualTo("name"); // unreserved
    assertThat(SqlIdentifiers.qualified("public", "Order")).isEqualTo("public.\"Order\"");
    assertThatThrownBy(() -> SqlIdentifiers.quote(""))
        .hasMessage("Cannot quote identifier: empty string");
    assertThatThrownBy(() -> SqlIdentifiers.quote(null))
        .hasMessage("Cannot quote identifier: null");
    assertThatThrownBy(() -> SqlIdentifiers.quote("a\0b")).hasMessageContaining("contains NUL");
  }

  @Test
  void literalsForStandardConformingStrings() {
    assertThat(SqlLiterals.quote("it's")).isEqualTo("'it''s'");
    assertThat(SqlLiterals.quote("back\\slash\n")).isEqualTo("'back\\slash\n'");
    assertThat(SqlLiterals.quote(null)).isEqualTo("NULL");
    assertThat(SqlLiterals.quote("日本")).isEqualTo("'日本'");
    assertThatThrownBy(() -> SqlLiterals.quote("\0"))
        .hasMessageContaining("Cannot encode SQL literal: it contains NUL");
  }

  @Test
  void copyEscaping() {
    assertThat(CopyText.escape("a\\b\bc\fd\ne\rf\tg\u000bh"))
        .isEqualTo("a\\\\b\\bc\\fd\\ne\\rf\\tg\\vh");
    assertThat(CopyText.escape("\\.")).isEqualTo("\\\\.");
    assertThat(CopyText.escape(null)).isEqualTo("\\N");
    assertThat(CopyText.escape("")).isEmpty();
    assertThat(CopyText.escape("\u0001ü😀")).isEqualTo("\u0001ü😀");
    assertThatThrownBy(() -> CopyText.escape("\0"))
        .hasMessageContaining("Cannot encode text value: it contains NUL");
  }

  @Property(tries = 300)
  void utf8MatchesTheJdk(@ForAll String text) {
    TextBuffer buffer = new TextBuffer(1);
    buffer.appendUtf8(text);
    assertThat(buffer.toByteArray()).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 300)
  void longsMatchTheJdk(@ForAll long value) {
    assertThat(new TextBuffer().appendLong(value).toString()).isEqualTo(Long.toString(value));
  }

  @Test
  void bufferOperations() throws Exception {
    TextBuffer buffer = new TextBuffer(0);
    buffer
        .appendAscii("ab")
        .appendInt(-42)
        .appendLong(Long.MIN_VALUE)
        .appendLong(0)
        .appendByte('!');
    assertThat(buffer.toString()).isEqualTo("ab-42" + Long.MIN_VALUE + "0!");
    buffer.truncate(2);
    assertThat(buffer.toString()).isEqualTo("ab");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    buffer.writeTo(out);
    assertThat(out.toByteArray()).containsExactly('a', 'b');
    assertThat(buffer.array().length).isGreaterThanOrEqualTo(buffer.length());
    assertThat(buffer.clear().length()).isZero();
    assertThatThrownBy(() -> buffer.truncate(5))
        .hasMessageContaining("Cannot truncate text buffer of length 0 to: 5");
    assertThatThrownBy(() -> buffer.appendAscii("é"))
        .hasMessageContaining("Cannot append as ASCII: character U+e9 at index 0");
    assertThat(new TextBuffer().appendUtf8("\ud800x").toString()).isEqualTo("?x"); // lone surrogate
    StringBuilder big = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      big.append("ü\t");
    }
    assertThat(new TextBuffer(16).appendCopyEscaped(big).length()).isEqualTo(40_000);
    assertThat(new TextBuffer(16).appendSqlLiteral(big).length()).isEqualTo(30_002);
  }

  @Test
  void copyRows() {
    CopyRowEncoder rows = new CopyRowEncoder(new TextBuffer());
    rows.appendLong(1).appendText("a\tb").appendNull().appendText(null).endRow();
    rows.beginValue().appendAscii("2");
    rows.appendText("").endRow();
    assertThat(rows.buffer().toString()).isEqualTo("1\ta\\tb\t\\N\t\\N\n2\t\n");
    assertThat(rows.rows()).isEqualTo(2);
  }

  @Test
  void insertStatementsLikePgDump() {
    InsertTextEncoder multi = new InsertTextEncoder(new TextBuffer(), "public", "t", null, 2);
    for (int i = 1; i <= 3; i++) {
      multi.beginRow().appendLong(i).appendLiteral("x'" + i).appendNull().endRow();
    }
    multi.finish();
    assertThat(multi.buffer().toString())
        .isEqualTo(
            "INSERT INTO public.t VALUES\n\t(1, 'x''1', NULL),\n\t(2, 'x''2', NULL);\n"
                + "INSERT INTO public.t VALUES\n\t(3, 'x''3', NULL);\n");
    assertThat(multi.rows()).isEqualTo(3);
    InsertTextEncoder single =
        new InsertTextEncoder(new TextBuffer(), "public", "t", List.of("a", "B"), 1);
    single.beginRow().appendLiteral(null).endRow().finish();
    single.beginRow();
    single.beginValue().appendAscii("DEFAULT");
    single.endRow().finish();
    assertThat(single.buffer().toString())
        .isEqualTo(
            "INSERT INTO public.t (a, \"B\") VALUES (NULL);\nINSERT INTO public.t (a, \"B\") VALUES (DEFAULT);\n");
    assertThatThrownBy(() -> new InsertTextEncoder(new TextBuffer(), "public", "t", null, 0))
        .hasMessageContaining("rows per INSERT statement: 0");
    InsertTextEncoder broken = new InsertTextEncoder(new TextBuffer(), "public", "t", null, 5);
    assertThatThrownBy(broken::beginValue).hasMessage("Cannot write value: no row begun");
    assertThatThrownBy(broken::endRow).hasMessage("Cannot end row: no row begun");
    broken.beginRow();
    assertThatThrownBy(broken::beginRow)
        .hasMessage("Cannot begin row: the previous row was not ended");
    assertThatThrownBy(broken::finish).hasMessage("Cannot finish INSERT text: a row is still open");
  }
}
