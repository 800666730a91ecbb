package io.datagen.job.generate;

import io.datagen.job.schema.QualifiedName;

/**
 * Derives the 64-bit stream keys every random draw starts from. Each name component is hashed on
 * its own and chained, so ({@code "a.b"}, {@code "c"}) and ({@code "a"}, {@code "b.c"}) differ, and
 * the purpose ("column", "fk", "key", ...) keeps the streams of one table apart. A key depends only
 * on the seed and names, so adding a column or a table never changes another stream.
 */
public final class Streams {
  private static final long GOLDEN = 0x9e3779b97f4a7c15L;

  private Streams() {}

  /** The stream of a column's values. */
  public static long column(long seed, QualifiedName table, String column) {
    return key(seed, table, "column", column);
  }

  /** The stream of something of {@code table} named {@code name} for {@code purpose}. */
  public static long key(long seed, QualifiedName table, String purpose, String name) {
    long k = StableHash.mix64(seed + GOLDEN);
    k = chain(k, table.schema());
    k = chain(k, table.name());
    k = chain(k, purpose);
    return chain(k, name);
  }

  /** A sub-stream of {@code key} (e.g. a column's NULL decisions, apart from its values). */
  public static long derive(long key, String purpose) {
    return chain(key, purpose);
  }

  private static long chain(long k, String part) {
    return StableHash.mix64(k * GOLDEN + StableHash.hash64(part));
  }
}
