package io.datagen.job.generate;

/**
 * Uniqueness of one (possibly composite) key without memory. The key's components — single columns
 * with an enumerable domain, or whole foreign keys whose domain is the parent's row count — span a
 * mixed-radix space of {@code Π radix_i} tuples. Row {@code r} takes tuple number {@code π(r)},
 * where π is a keyed permutation of [0, N) and {@code N = min(Π radix_i, 2^62)} ≥ row count, and
 * each component decodes its digit: {@code (π(r) / stride_i) mod radix_i}. Distinct rows get
 * distinct tuple numbers, hence distinct tuples.
 */
public final class KeyPlan {
  static final long MAX_SPACE = 1L << 62;

  private final FeistelPermutation permutation;
  private final long[] radixes;
  private final long[] strides;

  /**
   * @param radixes domain size of each component, each ≥ 1
   */
  public KeyPlan(long[] radixes, long key) {
    this.radixes = radixes.clone();
    this.strides = new long[radixes.length];
    long space = 1;
    for (int i = radixes.length - 1; i >= 0; i--) {
      strides[i] = space;
      space = saturatedMultiply(space, radixes[i]);
    }
    this.permutation = new FeistelPermutation(space, key);
  }

  /** {@code Π radixes}, saturated at {@link #MAX_SPACE}. */
  public static long space(long[] radixes) {
    long space = 1;
    for (long radix : radixes) {
      space = saturatedMultiply(space, radix);
    }
    return space;
  }

  private static long saturatedMultiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > MAX_SPACE / b ? MAX_SPACE : Math.min(MAX_SPACE, a * b);
  }

  /** The index of component {@code component} for {@code row}. */
  long component(long row, int component) {
    long tuple = permutation.apply(row);
    // Past the saturation point, the components before it only see the high digits; still
    // injective.
    return (tuple / strides[component]) % radixes[component];
  }
}
