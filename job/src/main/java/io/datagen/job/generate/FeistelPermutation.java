package io.datagen.job.generate;

/**
 * A keyed pseudo-random bijection of [0, domain): a balanced Feistel network over the smallest even
 * number of bits that covers the domain, with cycle-walking (re-encrypt while the result falls
 * outside the domain). Because the network is a permutation of its 2^b values, walking from an
 * in-domain value always comes back into the domain; as 2^b &lt; 4·domain, it takes under four
 * steps on average. Used to make key values look random yet never repeat, without memory.
 */
public final class FeistelPermutation {
  private static final int ROUNDS = 6;

  private final long domain;
  private final int halfBits;
  private final long halfMask;
  private final long[] roundKeys = new long[ROUNDS];

  /**
   * @param domain number of elements, {@code ≥ 1}
   */
  public FeistelPermutation(long domain, long key) {
    if (domain < 1) {
      throw new IllegalArgumentException("Cannot permute an empty domain: " + domain);
    }
    this.domain = domain;
    int bits = 64 - Long.numberOfLeadingZeros(domain - 1);
    this.halfBits = Math.max(1, (bits + 1) / 2);
    this.halfMask = halfBits == 32 ? 0xffffffffL : (1L << halfBits) - 1;
    long k = key;
    for (int i = 0; i < ROUNDS; i++) {
      k = StableHash.mix64(k + 0x9e3779b97f4a7c15L);
      roundKeys[i] = k;
    }
  }

  public long domain() {
    return domain;
  }

  /** The image of {@code index}, for {@code 0 ≤ index < domain}. */
  public long apply(long index) {
    long x = index;
    do {
      x = encrypt(x);
    } while (Long.compareUnsigned(x, domain) >= 0);
    return x;
  }

  private long encrypt(long x) {
    long left = (x >>> halfBits) & halfMask;
    long right = x & halfMask;
    for (int i = 0; i < ROUNDS; i++) {
      long next = left ^ (StableHash.mix64(right ^ roundKeys[i]) & halfMask);
      left = right;
      right = next;
    }
    return (left << halfBits) | right;
  }
}
