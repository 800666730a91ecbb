package io.datagen.archive;

/**
 * How the data of an archive is compressed: {@link #none()}, {@link #gzip(int)} or {@link
 * #zstd(int)} or {@link #lz4(int)} for the writers.
 *
 * @param level zlib level 1–9, or {@link #DEFAULT_LEVEL} (-1, zlib's Z_DEFAULT_COMPRESSION = 6); 0
 *     for NONE; zstd level 1–22, or -1 (zstd's default, 3); lz4 level 1–12, or -1 (1, the fast
 *     compressor); levels are not recorded by 1.15+ archives, so a reader sees -1 for LZ4 and ZSTD
 */
public record Compression(CompressionAlgorithm algorithm, int level) {

  /** Z_DEFAULT_COMPRESSION, pg_dump's default for -Fc, written in 1.14 headers as Int -1. */
  public static final int DEFAULT_LEVEL = -1;

  /** ZSTD_CLEVEL_DEFAULT, pg_dump's level for {@code -Z zstd}. */
  public static final int DEFAULT_ZSTD_LEVEL = 3;

  /** ZSTD_maxCLevel(). */
  public static final int MAX_ZSTD_LEVEL = 22;

  /** LZ4HC_CLEVEL_MAX; 1 and 2 use the fast compressor, 3 and up LZ4HC at that level. */
  public static final int MAX_LZ4_LEVEL = 12;

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
    if (algorithm == CompressionAlgorithm.ZSTD
        && level != DEFAULT_LEVEL
        && (level < 1 || level > MAX_ZSTD_LEVEL)) {
      throw new IllegalArgumentException(
          "Cannot create zstd compression with level: "
              + level
              + " (expected 1 to "
              + MAX_ZSTD_LEVEL
              + ", or -1 for zstd's default)");
    }
    if (algorithm == CompressionAlgorithm.LZ4
        && level != DEFAULT_LEVEL
        && (level < 1 || level > MAX_LZ4_LEVEL)) {
      throw new IllegalArgumentException(
          "Cannot create lz4 compression with level: "
              + level
              + " (expected 1 to "
              + MAX_LZ4_LEVEL
              + ", or -1 for the fast compressor)");
    }
  }

  public static Compression none() {
    return NONE;
  }

  public static Compression gzip(int level) {
    return new Compression(CompressionAlgorithm.GZIP, level);
  }

  /** zstd at a level 1–22, or -1 for its default (3); archives carrying it are 1.15+. */
  public static Compression zstd(int level) {
    return new Compression(CompressionAlgorithm.ZSTD, level);
  }

  /** lz4 at a level 1–12, or -1 for the fast compressor; archives carrying it are 1.15+. */
  public static Compression lz4(int level) {
    return new Compression(CompressionAlgorithm.LZ4, level);
  }

  /** Whether a 1.14 header can say this (none and zlib); the others need 1.15+. */
  public boolean fitsVersion114() {
    return algorithm == CompressionAlgorithm.NONE || algorithm == CompressionAlgorithm.GZIP;
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

  /** The level, with -1 resolved as the library does: 6 for zlib, 3 for zstd. */
  public int effectiveLevel() {
    if (level != DEFAULT_LEVEL) {
      return level;
    }
    return switch (algorithm) {
      case ZSTD -> DEFAULT_ZSTD_LEVEL;
      case LZ4 -> 1;
      default -> 6;
    };
  }

  @Override
  public String toString() {
    String name = algorithm.name().toLowerCase(java.util.Locale.ROOT);
    return algorithm == CompressionAlgorithm.GZIP
            || (algorithm != CompressionAlgorithm.NONE && level != DEFAULT_LEVEL)
        ? name + ":" + effectiveLevel()
        : name;
  }
}
