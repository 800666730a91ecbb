package io.datagen.archive.text;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes multi-row INSERT statements shaped like {@code pg_dump --rows-per-insert=N}:
 *
 * <pre>
 * INSERT INTO public.t VALUES
 * 	(1, 'a'),
 * 	(2, 'b');
 * </pre>
 *
 * With one row per statement: {@code INSERT INTO public.t VALUES (1, 'a');}. Each piece (segment)
 * must be ended with {@link #finish()} so it holds only complete statements.
 */
public final class InsertTextEncoder {
  private final TextBuffer buffer;
  private final byte[] statementStart;
  private final int rowsPerStatement;
  private int rowsInStatement;
  private boolean firstInRow;
  private boolean inRow;
  private long rows;

  /**
   * Every name is given as it is in the catalog, unquoted; the encoder quotes each with {@link
   * SqlIdentifiers}, so no name can change the statement.
   *
   * @param schema the table's schema, e.g. {@code public}
   * @param table the table, e.g. {@code Order}
   * @param columns column names for {@code --column-inserts} style, or null
   */
  public InsertTextEncoder(
      TextBuffer buffer, String schema, String table, List<String> columns, int rowsPerStatement) {
    if (rowsPerStatement < 1) {
      throw new IllegalArgumentException(
          "Cannot use rows per INSERT statement: " + rowsPerStatement);
    }
    this.buffer = buffer;
    this.rowsPerStatement = rowsPerStatement;
    StringBuilder start =
        new StringBuilder("INSERT INTO ").append(SqlIdentifiers.qualified(schema, table));
    if (columns != null && !columns.isEmpty()) {
      start.append(" (");
      for (int i = 0; i < columns.size(); i++) {
        start.append(i == 0 ? "" : ", ").append(SqlIdentifiers.quote(columns.get(i)));
      }
      start.append(')');
    }
    start.append(" VALUES");
    this.statementStart = start.toString().getBytes(StandardCharsets.UTF_8);
  }

  public TextBuffer buffer() {
    return buffer;
  }

  public InsertTextEncoder beginRow() {
    if (inRow) {
      throw new IllegalStateException("Cannot begin row: the previous row was not ended");
    }
    if (rowsInStatement == 0) {
      buffer.appendBytes(statementStart);
      buffer.appendAscii(rowsPerStatement == 1 ? " (" : "\n\t(");
    } else {
      buffer.appendAscii(",\n\t(");
    }
    inRow = true;
    firstInRow = true;
    return this;
  }

  /** Writes ", " unless this is the row's first value; returns the buffer for the value. */
  public TextBuffer beginValue() {
    if (!inRow) {
      throw new IllegalStateException("Cannot write value: no row begun");
    }
    if (!firstInRow) {
      buffer.appendByte(',').appendByte(' ');
    }
    firstInRow = false;
    return buffer;
  }

  public InsertTextEncoder appendNull() {
    beginValue().appendAscii("NULL");
    return this;
  }

  /** A quoted string literal; {@code null} writes NULL. */
  public InsertTextEncoder appendLiteral(CharSequence value) {
    if (value == null) {
      return appendNull();
    }
    beginValue().appendSqlLiteral(value);
    return this;
  }

  public InsertTextEncoder appendLong(long value) {
    beginValue().appendLong(value);
    return this;
  }

  public InsertTextEncoder endRow() {
    if (!inRow) {
      throw new IllegalStateException("Cannot end row: no row begun");
    }
    buffer.appendByte(')');
    inRow = false;
    rows++;
    if (++rowsInStatement == rowsPerStatement) {
      endStatement();
    }
    return this;
  }

  /** Closes an open statement; call at the end of every piece. */
  public InsertTextEncoder finish() {
    if (inRow) {
      throw new IllegalStateException("Cannot finish INSERT text: a row is still open");
    }
    if (rowsInStatement > 0) {
      endStatement();
    }
    return this;
  }

  private void endStatement() {
    buffer.appendByte(';').appendByte('\n');
    rowsInStatement = 0;
  }

  public long rows() {
    return rows;
  }
}
