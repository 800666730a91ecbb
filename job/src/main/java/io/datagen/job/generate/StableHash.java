package io.datagen.job.generate;

import java.nio.charset.StandardCharsets;

/**
 * A 64-bit hash of text that is the same on every JVM and machine: FNV-1a over the UTF-8 bytes,
 * finished with {@link #mix64}. Never {@link String#hashCode()} (32 bits, and not meant to be
 * stable).
 */
public final class StableHash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private StableHash() {}

  public static long hash64(String text) {
    long h = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ (b & 0xff)) * FNV_PRIME;
    }
    return mix64(h ^ text.length());
  }

  /**
   * The SplitMix64 finaliser (Stafford's variant 13), a bijection on 64-bit values whose output
   * bits each depend on every input bit.
   */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
