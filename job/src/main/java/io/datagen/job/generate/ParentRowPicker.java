package io.datagen.job.generate;

/**
 * Which parent row a child row of a foreign key points at: uniform, skewed by the foreign key's
 * {@code distribution} (e.g. Zipf), or driven by a unique key that contains the foreign key.
 */
@FunctionalInterface
public interface ParentRowPicker {

  /** A row index of the parent table, in [0, parent row count). */
  long parentRow(long childRow);

  /** Uniform over the parent's rows, from the foreign key's own stream. */
  static ParentRowPicker uniform(RandomSource rng, long parentRows) {
    return childRow -> rng.nextBounded(childRow, 0, parentRows);
  }

  /**
   * Skewed: the distribution draws a popularity rank (0 = most picked) and a keyed permutation of
   * the parent rows turns the rank into a row, so the popular parents are spread over the table
   * rather than being its first rows.
   */
  static ParentRowPicker skewed(
      RandomSource rng, io.datagen.job.generate.Sampler ranks, FeistelPermutation rankToRow) {
    long last = rankToRow.domain() - 1;
    return childRow -> {
      long rank = Math.round(ranks.sample(rng, childRow));
      return rankToRow.apply(rank < 0 ? 0 : Math.min(rank, last));
    };
  }

  /** Driven by a unique key that contains the whole foreign key (one-to-one, junction tables). */
  static ParentRowPicker keyed(KeyPlan plan, int component) {
    return childRow -> plan.component(childRow, component);
  }
}
