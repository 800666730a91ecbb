package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * How one column reads another column of the same row (a rule's condition, an ordering check, an
 * {@code updated_at} after its {@code created_at}): the other column is computed once per row,
 * however many columns read it. Without this, a chain of rules where each column reads the one
 * before it twice costs 2^depth evaluations per row.
 *
 * <p>Reads replay the captured value into the reader's own capture, so they see exactly what the
 * column emits; the row's own output still comes from the column itself. Not thread-safe, like
 * every generator of a task.
 */
public final class RowMemo implements ColumnGenerator {
  private final ColumnGenerator column;
  private final ValueCapture value = new ValueCapture();
  private long row = -1;

  public RowMemo(ColumnGenerator column) {
    this.column = column;
  }

  @Override
  public void generate(long row, ValueSink out) {
    if (row != this.row) {
      this.row = -1; // not valid while the column is computed (it may fail half-way)
      column.generate(row, value);
      this.row = row;
    }
    value.replay(out);
  }
}
