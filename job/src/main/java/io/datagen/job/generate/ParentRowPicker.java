package io.datagen.job.generate;

/**
 * Which parent row a child row of a foreign key points at. Uniform today; a skewed distribution
 * (e.g. Zipf) is another implementation of this one method.
 */
@FunctionalInterface
interface ParentRowPicker {

  /** A row index of the parent table, in [0, parent row count). */
  long parentRow(long childRow);

  /** Uniform over the parent's rows, from the foreign key's own stream. */
  static ParentRowPicker uniform(RandomSource rng, long parentRows) {
    return childRow -> rng.nextBounded(childRow, 0, parentRows);
  }

  /** Driven by a unique key that contains the whole foreign key (one-to-one, junction tables). */
  static ParentRowPicker keyed(KeyPlan plan, int component) {
    return childRow -> plan.component(childRow, component);
  }
}
