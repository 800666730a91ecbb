package io.datagen.job.generate;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.sink.RowSink;
import java.util.List;

/**
 * Generates whole rows of one table: every column, in column order, between {@link
 * RowSink#beginRow()} and {@link RowSink#endRow()}. Rows may be generated in any order and on any
 * machine with identical results. Not thread-safe (text generators reuse a buffer): build one per
 * task with {@code compile.TableGenerators.create}.
 */
public final class TableRowGenerator {
  private final QualifiedName table;
  private final List<String> columnNames;
  private final ColumnGenerator[] columns;
  private final List<SequenceColumn> sequenceColumns;

  public TableRowGenerator(
      QualifiedName table,
      List<String> columnNames,
      ColumnGenerator[] columns,
      List<SequenceColumn> sequenceColumns) {
    this.table = table;
    this.columnNames = List.copyOf(columnNames);
    this.columns = columns.clone();
    this.sequenceColumns = List.copyOf(sequenceColumns);
  }

  public QualifiedName table() {
    return table;
  }

  /** Emits row {@code row} (0-based, {@code < row count}). */
  public void generateRow(long row, RowSink out) {
    out.beginRow();
    int column = 0;
    try {
      for (; column < columns.length; column++) {
        columns[column].generate(row, out);
      }
    } catch (OutOfMemoryError e) {
      // Caught here, inside the task, so that Spark does not take it for a broken executor (and
      // end the JVM): the user learns which column asked for too much. No cause: the driver
      // reports the innermost message.
      throw new DatagenException(
          ErrorCategory.GENERATION,
          "Cannot generate column "
              + columnNames.get(column)
              + " of table "
              + table
              + " at row "
              + row
              + ": out of memory ("
              + e.getMessage()
              + "); make its values smaller, or give the executors more memory");
    }
    out.endRow();
  }

  /** Names of the columns, in the order their values are emitted. */
  public List<String> columnNames() {
    return columnNames;
  }

  /** The generator of one column (e.g. to emit a single column, or for tests). */
  public ColumnGenerator column(int index) {
    return columns[index];
  }

  /**
   * The columns whose values come from a sequence, so the caller can set the sequences after the
   * data.
   */
  public List<SequenceColumn> sequenceColumns() {
    return sequenceColumns;
  }
}
