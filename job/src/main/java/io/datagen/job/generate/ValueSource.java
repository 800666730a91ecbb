package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * The values a column can take, before uniqueness and NULLs are applied. A source offers a random
 * value for a row and, when it can enumerate its values, an index → value mapping used to build
 * unique keys from a permutation of the row index.
 *
 * <p>Like {@link ColumnGenerator}, a source is a pure function of its inputs and keeps no state
 * across calls (a text source may reuse a scratch buffer, hence one instance per task).
 *
 * <p>An abstract class rather than an interface: a column generator calls its source once per row
 * from a call site that sees every kind of source, and a virtual call through the class's table is
 * cheaper there than an interface call (9 % of customers' generation in the profile,
 * docs/profiling.md).
 */
public abstract class ValueSource {

  /** A random value for {@code row}, drawing only from {@code rng} (any draws ≥ 0). */
  public abstract void random(RandomSource rng, long row, ValueSink out);

  /**
   * How many distinct values {@link #emit} produces for indexes {@code [0, domainSize)}: distinct
   * indexes give distinct values. 0 when the source cannot enumerate its values.
   */
  public abstract long domainSize();

  /** The value at {@code index}, {@code 0 ≤ index < domainSize()}. */
  public abstract void emit(long index, ValueSink out);

  /**
   * True when {@link #random} already never repeats across rows (sequences, time-ordered UUIDs).
   */
  public boolean rowInjective() {
    return false;
  }
}
