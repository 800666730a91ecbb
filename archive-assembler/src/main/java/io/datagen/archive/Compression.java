package io.datagen.archive;

/**
 * How the data of an archive is compressed: {@link #none()} or {@link #gzip(int)} for the writers;
 * lz4/zstd only appear when reading 1.15+ archives.
 *
 * @param level zlib level 1–9, or {@link #DEFAULT_LEVEL} (-1, zlib's Z_DEFAULT_COMPRESSION = 6); 0
 *     for NONE; -1 for LZ4/ZSTD (not recorded by the archive)
 */
public record Compression(CompressionAlgorithm algorithm, int level) {

  /** Z_DEFAULT_COMPRESSION, pg_dump's default for -Fc, written in 1.14 headers as Int -1. */
  public static final int DEFAULT_LEVEL = -1;

  private static final Compression NONE = new Compression(CompressionAlgorithm.NONE, 0);

  public Compression {
    if (algorithm == null) {
      throw new IllegalArgumentException("Cannot create compression: algorithm is null");
    }
    if (algorithm == CompressionAlgorithm.NONE && level != 0) {
      throw new IllegalArgumentException("Cannot create compression none with level: " + level);
    }
    if (algorithm == CompressionAlgorithm.GZIP
        && level != DEFAULT_LEVEL
        && (level < 1 || level > 9)) {
      throw new IllegalArgumentException(
          "Cannot create gzip compression with level: "
              + level
              + " (expected 1 to 9, or -1 for the zlib default)");
    }
    if ((algorithm == CompressionAlgorithm.LZ4 || algorithm == CompressionAlgorithm.ZSTD)
        && level != DEFAULT_LEVEL) {
      throw new IllegalArgumentException(
          "Cannot create " + algorithm + " compression with level: " + level);
    }
  }

  public static Compression none() {
    return NONE;
  }

  public static Compression gzip(int level) {
    return new Compression(CompressionAlgorithm.GZIP, level);
  }

  /** Maps the Int of a 1.4–1.14 header: 0 = none, -1 or 1–9 = zlib. */
  public static Compression fromHeaderLevel(int level) {
    if (level == 0) {
      return NONE;
    }
    if (level == DEFAULT_LEVEL || (level >= 1 && level <= 9)) {
      return gzip(level);
    }
    throw new IllegalArgumentException(
        "Cannot decode compression level: " + level + " (pg_restore 12-15 accept -1, 0, 1-9)");
  }

  /** Maps the algorithm byte of a 1.15+ header; the level is not recorded there. */
  public static Compression fromAlgorithm(CompressionAlgorithm algorithm) {
    return algorithm == CompressionAlgorithm.NONE
        ? NONE
        : new Compression(algorithm, DEFAULT_LEVEL);
  }

  /** The Int a 1.14 header stores: 0 for none, the zlib level for gzip. */
  public int headerLevel() {
    if (algorithm == CompressionAlgorithm.LZ4 || algorithm == CompressionAlgorithm.ZSTD) {
      throw new IllegalStateException(
          "Cannot write " + algorithm + " in a 1.14 header: it records zlib levels only");
    }
    return level;
  }

  public boolean isCompressed() {
    return algorithm != CompressionAlgorithm.NONE;
  }

  /** The zlib level, with -1 resolved to 6 as zlib does. */
  public int effectiveLevel() {
    return level == DEFAULT_LEVEL ? 6 : level;
  }

  @Override
  public String toString() {
    return algorithm == CompressionAlgorithm.GZIP
        ? "gzip:" + effectiveLevel()
        : algorithm.name().toLowerCase(java.util.Locale.ROOT);
  }
}
