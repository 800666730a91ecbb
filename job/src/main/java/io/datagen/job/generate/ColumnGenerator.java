package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * Produces one column's value for any row: a pure function of (seed, table, column, row index).
 *
 * <p>Implementations keep no state across rows, read no clock and no global random generator, and
 * do not allocate on this path (everything is pre-computed in the constructor). They may reuse a
 * scratch buffer for text, so one instance must not be shared between threads: build one per task.
 */
@FunctionalInterface
public interface ColumnGenerator {

  /** Emits exactly one value (possibly NULL) for row {@code row ≥ 0} into {@code out}. */
  void generate(long row, ValueSink out);
}
