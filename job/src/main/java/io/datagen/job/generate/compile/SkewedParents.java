package io.datagen.job.generate.compile;

import io.datagen.job.generate.FeistelPermutation;
import io.datagen.job.generate.ParentRowPicker;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Streams;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TableSpec;

/** A foreign key's {@code distribution}: how often each parent row is picked. */
final class SkewedParents {
  private SkewedParents() {}

  /**
   * The skewed picker of foreign key {@code f}, or {@code fallback} when a unique key drives the
   * foreign key (uniqueness wins; a warning says so, once, at the key's first column).
   */
  static ParentRowPicker picker(
      TablePlan plan,
      int f,
      long parentRows,
      ParentRowPicker fallback,
      long seed,
      Problems problems,
      int columnIndex) {
    TableSpec table = plan.table;
    ForeignKeySpec fk = table.foreignKeys().get(f);
    if (plan.foreignKeyPlan[f] != null) {
      if (table.columnIndex(fk.columns().get(0)) == columnIndex) {
        problems.warning(
            fk.distribution(),
            "The 'distribution' of foreign key "
                + fk.name()
                + " of table "
                + table.name()
                + " is ignored: the key is part of a unique key, so each parent combination is used at"
                + " most once");
      }
      return fallback;
    }
    Distributions.Numeric ranks =
        Distributions.parentRanks(
            fk.distribution(),
            "foreign key " + fk.name(),
            parentRows,
            new Problems()); // validated with the table's checks already
    if (ranks == null) {
      return fallback;
    }
    RandomSource rng = new RandomSource(Streams.key(seed, table.name(), "fk", fk.name()));
    FeistelPermutation rankToRow =
        new FeistelPermutation(parentRows, Streams.key(seed, table.name(), "fk-rank", fk.name()));
    return ParentRowPicker.skewed(rng, ranks.sampler(), rankToRow);
  }
}
