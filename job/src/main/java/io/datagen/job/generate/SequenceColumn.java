package io.datagen.job.generate;

import io.datagen.job.schema.QualifiedName;
import java.util.Objects;

/**
 * A column whose values come from a sequence (serial types, {@code generator: "sequence"}, a {@code
 * default} of {@code nextval('…')}): row {@code r} holds what the r-th {@code nextval} would have
 * returned, so after the data the archive sets the sequence to {@link #lastValue} of the table.
 *
 * @param columnIndex position of the column in the table (and in each row)
 * @param sequence the database sequence to advance: the serial's own {@code <table>_<column>_seq},
 *     or the named top-level sequence; null for a plain {@code start}/{@code increment} numbering
 *     that no database sequence backs
 */
public record SequenceColumn(
    int columnIndex, String column, QualifiedName sequence, SequenceValues values) {

  public SequenceColumn {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(values, "values");
  }

  /** The value of row {@code row} (ignoring NULLs a null_ratio may put there). */
  public long valueAt(long row) {
    return values.valueAt(row);
  }

  /**
   * The value the sequence must be set to ({@code setval(seq, v, true)}) after a table of {@code
   * rowCount > 0} rows: the one of the last row, as after {@code rowCount} calls to nextval.
   */
  public long lastValue(long rowCount) {
    if (rowCount <= 0) {
      throw new IllegalArgumentException("Cannot give the last value of an empty table's sequence");
    }
    return values.valueAt(rowCount - 1);
  }
}
