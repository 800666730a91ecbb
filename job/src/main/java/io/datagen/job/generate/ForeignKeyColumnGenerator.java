package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * One column of a foreign key: picks the parent row and writes the parent's referenced column at
 * that row, computed by the parent's own generator — so the value exists in the parent without any
 * lookup. Every column of the key uses the same picker and the same NULL stream, so a composite key
 * points at one parent row and is NULL all together.
 */
public final class ForeignKeyColumnGenerator implements ColumnGenerator {
  private final ParentRowPicker picker;
  private final ColumnGenerator parentColumn;
  private final RandomSource nulls;
  private final double nullRatio;

  public ForeignKeyColumnGenerator(
      ParentRowPicker picker, ColumnGenerator parentColumn, RandomSource nulls, double nullRatio) {
    this.picker = picker;
    this.parentColumn = parentColumn;
    this.nulls = nulls;
    this.nullRatio = nullRatio;
  }

  @Override
  public void generate(long row, ValueSink out) {
    if (nullRatio > 0 && nulls.chance(row, 0, nullRatio)) {
      out.nullValue();
    } else {
      parentColumn.generate(picker.parentRow(row), out);
    }
  }
}
