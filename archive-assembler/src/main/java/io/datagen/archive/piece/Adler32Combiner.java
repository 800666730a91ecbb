package io.datagen.archive.piece;

/**
 * Adler-32 arithmetic for stitching: the checksum of A‖B from the checksums of A and B and the
 * length of B (the same result as zlib's adler32_combine).
 *
 * <p>Adler-32 is two sums modulo 65521: {@code a = 1 + Σ bytes} and {@code b = Σ of the running a
 * values}. Appending B (n bytes) after A adds B's bytes to a (minus B's own starting 1) and,
 * because every running a of B starts from A's a instead of 1, adds {@code n·(a_A − 1)} to b.
 */
public final class Adler32Combiner {
  /** The largest prime below 2^16, the Adler-32 modulus. */
  public static final int MOD_ADLER = 65521;

  /** Adler-32 of zero bytes. */
  public static final int INITIAL = 1;

  private Adler32Combiner() {}

  public static int combine(int adlerA, int adlerB, long lengthB) {
    if (lengthB < 0) {
      throw new IllegalArgumentException(
          "Cannot combine Adler-32 with negative length: " + lengthB);
    }
    long aA = adlerA & 0xffff;
    long bA = (adlerA >>> 16) & 0xffff;
    long aB = adlerB & 0xffff;
    long bB = (adlerB >>> 16) & 0xffff;
    long n = lengthB % MOD_ADLER;
    long a = Math.floorMod(aA + aB - 1, MOD_ADLER);
    long b = Math.floorMod(bA + bB + n * Math.floorMod(aA - 1, MOD_ADLER), MOD_ADLER);
    return (int) ((b << 16) | a);
  }
}
