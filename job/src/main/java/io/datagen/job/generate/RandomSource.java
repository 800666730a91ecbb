package io.datagen.job.generate;

/**
 * A counter-based random source: draw {@code d} of row {@code r} is {@code mix64(mix64(key + r·φ) +
 * (d+1)·ψ)}, a pure function of (stream key, row, draw). The first mix is exactly SplitMix64's
 * output at position {@code r} of the stream {@code key}; the second spreads several draws per
 * value. Nothing is stored between calls, so rows can be generated in any order, on any machine,
 * with the same result.
 */
public final class RandomSource {
  private static final long PHI = 0x9e3779b97f4a7c15L;
  private static final long PSI = 0xd1b54a32d192ed03L;
  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private final long key;

  public RandomSource(long key) {
    this.key = key;
  }

  public long key() {
    return key;
  }

  /** 64 uniformly distributed bits. */
  public long nextLong(long row, int draw) {
    return StableHash.mix64(StableHash.mix64(key + row * PHI) + (draw + 1L) * PSI);
  }

  /** Uniform in [0, 1), 53 bits of precision. */
  public double nextDouble(long row, int draw) {
    return (nextLong(row, draw) >>> 11) * DOUBLE_UNIT;
  }

  /**
   * Uniform in [0, bound) for {@code bound > 0}, by Lemire's multiply-high without rejection: the
   * bias is below {@code bound / 2^64} (under 10^-9 for any bound up to 10^10), negligible here and
   * the price of drawing exactly once.
   */
  public long nextBounded(long row, int draw, long bound) {
    return unsignedMultiplyHigh(nextLong(row, draw), bound);
  }

  /**
   * Uniform in [0, bound) with {@code bound} read as an unsigned 64-bit count (up to 2^64 - 1); a
   * bound of 0 stands for 2^64, every long. For ranges wider than a long's positive half.
   */
  public long nextBoundedUnsigned(long row, int draw, long bound) {
    long x = nextLong(row, draw);
    if (bound == 0) {
      return x;
    }
    // The unsigned high product, from the signed one (Hacker's Delight 8-3).
    return Math.multiplyHigh(x, bound) + ((x >> 63) & bound) + ((bound >> 63) & x);
  }

  /**
   * Uniform in [0, bound) for {@code 0 < bound ≤ Integer.MAX_VALUE}; same bias as {@link
   * #nextBounded}.
   */
  public int nextInt(long row, int draw, int bound) {
    return (int) unsignedMultiplyHigh(nextLong(row, draw), bound);
  }

  /**
   * The first mix of draw {@code d} of row {@code r}, which every draw of the row shares: for a
   * value that takes many draws of one row (a lorem text), computed once with this and then passed
   * to {@link #nextIntOfRow}.
   */
  public long rowMix(long row) {
    return StableHash.mix64(key + row * PHI);
  }

  /** {@link #nextInt nextInt(row, draw, bound)}, given {@code rowMix(row)}: the same number. */
  public int nextIntOfRow(long rowMix, int draw, int bound) {
    return (int) unsignedMultiplyHigh(StableHash.mix64(rowMix + (draw + 1L) * PSI), bound);
  }

  /** True with probability {@code p}. */
  public boolean chance(long row, int draw, double p) {
    return nextDouble(row, draw) < p;
  }

  /** The high 64 bits of the unsigned 128-bit product {@code x × bound}, for {@code bound ≥ 0}. */
  static long unsignedMultiplyHigh(long x, long bound) {
    return Math.multiplyHigh(x, bound) + ((x >> 63) & bound);
  }
}
