package io.datagen.job.generate.values;

import io.datagen.job.generate.FeistelPermutation;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * A fixed list of values (enum labels, {@code enum} / {@code weighted_enum} choices) picked
 * uniformly, or by relative weights when given: the draw is placed on the cumulative weights and
 * found by binary search (O(log n), no allocation).
 *
 * <p>With a row count, weighted draws are stratified: row {@code r} draws in the stratum {@code
 * [π(r), π(r)+1) / rows} of a keyed permutation π of the rows, so over the table every value's
 * share is its weight to within one row, while the order still looks random.
 */
public final class LabelValues extends ValueSource {
  private final Literal[] values;
  private final double[] cumulative;
  private final FeistelPermutation strata;

  /** Uniform choice. */
  public LabelValues(List<Literal> values) {
    this(values, null);
  }

  /**
   * Weighted choice; {@code weights} relative, non-negative, with a positive sum; null = uniform.
   */
  public LabelValues(List<Literal> values, double[] weights) {
    this(values, weights, 0, 0);
  }

  /**
   * Weighted choice stratified over {@code rowCount} rows (none when 0) with the permutation key
   * {@code key}.
   */
  public LabelValues(List<Literal> values, double[] weights, long rowCount, long key) {
    this.strata = weights != null && rowCount > 1 ? new FeistelPermutation(rowCount, key) : null;
    if (values.isEmpty()) {
      throw new IllegalArgumentException("Cannot choose from an empty list of values");
    }
    this.values = values.toArray(new Literal[0]);
    if (weights == null) {
      this.cumulative = null;
      return;
    }
    if (weights.length != values.size()) {
      throw new IllegalArgumentException(
          "Cannot weigh " + values.size() + " values with " + weights.length + " weights");
    }
    double[] sums = new double[weights.length];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
        throw new IllegalArgumentException("Cannot use weight " + weights[i]);
      }
      total += weights[i];
      sums[i] = total;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("Cannot choose with weights summing to " + total);
    }
    for (int i = 0; i < sums.length; i++) {
      sums[i] /= total;
    }
    sums[sums.length - 1] = 1.0;
    this.cumulative = sums;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    if (cumulative == null) {
      values[rng.nextInt(row, 0, values.length)].emit(out);
      return;
    }
    double u = rng.nextDouble(row, 0);
    if (strata != null && row < strata.domain()) {
      u = (strata.apply(row) + u) / strata.domain();
    }
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    values[lo].emit(out);
  }

  @Override
  public long domainSize() {
    return values.length;
  }

  @Override
  public void emit(long index, ValueSink out) {
    values[(int) index].emit(out);
  }
}
