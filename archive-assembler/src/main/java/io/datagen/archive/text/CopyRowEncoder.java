package io.datagen.archive.text;

/**
 * Writes rows in COPY text format into a {@link TextBuffer}: values separated by TAB, rows ended by
 * LF. Usage per row: {@code beginValue()} before each value (it writes the delimiter), then append
 * the value (or use {@link #appendNull()} / {@link #appendText}), and {@link #endRow()}.
 */
public final class CopyRowEncoder {
  private final TextBuffer buffer;
  private boolean firstInRow = true;
  private long rows;

  public CopyRowEncoder(TextBuffer buffer) {
    this.buffer = buffer;
  }

  public TextBuffer buffer() {
    return buffer;
  }

  /**
   * Writes the delimiter unless this is the row's first value; returns the buffer for the value.
   */
  public TextBuffer beginValue() {
    if (!firstInRow) {
      buffer.appendByte(CopyText.DELIMITER);
    }
    firstInRow = false;
    return buffer;
  }

  public CopyRowEncoder appendNull() {
    beginValue().appendByte('\\').appendByte('N');
    return this;
  }

  /** A text value, COPY-escaped; {@code null} writes {@code \N}. */
  public CopyRowEncoder appendText(CharSequence value) {
    if (value == null) {
      return appendNull();
    }
    beginValue().appendCopyEscaped(value);
    return this;
  }

  public CopyRowEncoder appendLong(long value) {
    beginValue().appendLong(value);
    return this;
  }

  public CopyRowEncoder endRow() {
    buffer.appendByte('\n');
    firstInRow = true;
    rows++;
    return this;
  }

  public long rows() {
    return rows;
  }
}
