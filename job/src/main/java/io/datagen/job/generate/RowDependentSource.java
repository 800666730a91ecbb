package io.datagen.job.generate;

/**
 * A source whose value depends on another column of the same row ({@code updated_at} after {@code
 * created_at}). It keeps no row state: it recomputes that column's value at the same row index by
 * calling the column's own (pure) generator, bound once the generators are built.
 */
public abstract class RowDependentSource extends ValueSource {

  /** Index of the column this source reads. */
  public abstract int dependsOnColumn();

  /** Called once with that column's generator, before any value is generated. */
  public abstract void bind(ColumnGenerator column);
}
