package io.datagen.job.plan;

import io.datagen.archive.Compression;
import io.datagen.archive.CompressionAlgorithm;
import java.io.Serializable;
import java.util.Locale;

/**
 * The {@code --compress} option, in {@code pg_dump -Z}'s spellings: {@code none}, {@code gzip},
 * {@code gzip:N} or a bare level {@code N} (0 = none, 1..9 = gzip level), {@code zstd} or {@code
 * zstd:N} (1..22, default 3), {@code lz4} or {@code lz4:N} (1..12, default 1); zstd and lz4 make
 * custom archives 1.15, which pg_restore 16 or newer reads.
 *
 * @param algorithm NONE, GZIP, ZSTD or LZ4
 * @param level 0 for none, 1..9 for gzip, 1..22 for zstd, 1..12 for lz4
 */
public record CompressionOption(CompressionAlgorithm algorithm, int level) implements Serializable {
  /** pg_dump's default for {@code -Fc}: zlib at its default level (6). */
  public static final CompressionOption DEFAULT_GZIP =
      new CompressionOption(CompressionAlgorithm.GZIP, 6);

  public static final CompressionOption NONE = new CompressionOption(CompressionAlgorithm.NONE, 0);

  private static final String EXPECTED =
      "expected none, gzip, gzip:1..9, 0..9, zstd, zstd:1.."
          + Compression.MAX_ZSTD_LEVEL
          + ", lz4 or lz4:1.."
          + Compression.MAX_LZ4_LEVEL;

  public CompressionOption {
    boolean valid =
        switch (algorithm) {
          case NONE -> level == 0;
          case GZIP -> level >= 1 && level <= 9;
          case ZSTD -> level >= 1 && level <= Compression.MAX_ZSTD_LEVEL;
          case LZ4 -> level >= 1 && level <= Compression.MAX_LZ4_LEVEL;
        };
    if (!valid) {
      throw new IllegalArgumentException(
          "Invalid compression: "
              + algorithm.name().toLowerCase(Locale.ROOT)
              + " level "
              + level
              + " ("
              + EXPECTED
              + ")");
    }
  }

  public static CompressionOption parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("none")) {
      return NONE;
    }
    if (value.equals("gzip")) {
      return DEFAULT_GZIP;
    }
    if (value.equals("zstd")) {
      return new CompressionOption(CompressionAlgorithm.ZSTD, Compression.DEFAULT_ZSTD_LEVEL);
    }
    if (value.equals("lz4")) {
      return new CompressionOption(CompressionAlgorithm.LZ4, 1);
    }
    boolean zstd = value.startsWith("zstd:");
    boolean gzip = value.startsWith("gzip:");
    boolean lz4 = value.startsWith("lz4:");
    String digits = zstd || gzip ? value.substring(5) : lz4 ? value.substring(4) : value;
    int level;
    try {
      level = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid compression: '" + text + "' (" + EXPECTED + ")", e);
    }
    if (zstd) {
      return leveled(text, CompressionAlgorithm.ZSTD, level, Compression.MAX_ZSTD_LEVEL);
    }
    if (lz4) {
      return leveled(text, CompressionAlgorithm.LZ4, level, Compression.MAX_LZ4_LEVEL);
    }
    if (gzip && level == 0) {
      throw new IllegalArgumentException(
          "Invalid compression: '" + text + "' (gzip levels are 1..9; use 'none')");
    }
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException(
          "Invalid compression: '" + text + "' (gzip levels are 0..9; " + EXPECTED + ")");
    }
    return level == 0 ? NONE : new CompressionOption(CompressionAlgorithm.GZIP, level);
  }

  private static CompressionOption leveled(
      String text, CompressionAlgorithm algorithm, int level, int max) {
    if (level < 1 || level > max) {
      throw new IllegalArgumentException(
          "Invalid compression: '"
              + text
              + "' ("
              + algorithm.name().toLowerCase(Locale.ROOT)
              + " levels are 1.."
              + max
              + ")");
    }
    return new CompressionOption(algorithm, level);
  }

  /** The oldest PostgreSQL major whose pg_restore datagen's archives are for. */
  public static final int OLDEST_PG_MAJOR = 12;

  /** The newest PostgreSQL major datagen's archives are tested with. */
  public static final int NEWEST_PG_MAJOR = 18;

  /** The first pg_restore that reads zstd and lz4 (archive 1.15). */
  public static final int ZSTD_LZ4_PG_MAJOR = 16;

  /**
   * Whether pg_restore 12 to 15 can read an archive (custom or directory) with this compression
   * (archive 1.14).
   */
  public boolean readableByEveryPgRestore() {
    return algorithm == CompressionAlgorithm.NONE || algorithm == CompressionAlgorithm.GZIP;
  }

  /** Whether pg_restore of that major reads an archive with this compression. */
  public boolean readableBy(int pgMajor) {
    return readableByEveryPgRestore() || pgMajor >= ZSTD_LZ4_PG_MAJOR;
  }

  /**
   * {@code --compat PG_MAJOR} without {@code --compress}: the fastest codec that major's pg_restore
   * reads (docs/performance.md has the measurements): lz4 at its fast level for 16 and newer, gzip
   * at level 1 before.
   *
   * @throws IllegalArgumentException for a major outside 12..18
   */
  public static CompressionOption fastestFor(int pgMajor) {
    requireSupported(pgMajor);
    return pgMajor >= ZSTD_LZ4_PG_MAJOR
        ? new CompressionOption(CompressionAlgorithm.LZ4, 1)
        : new CompressionOption(CompressionAlgorithm.GZIP, 1);
  }

  /**
   * @throws IllegalArgumentException for a major outside 12..18
   */
  public static void requireSupported(int pgMajor) {
    if (pgMajor < OLDEST_PG_MAJOR || pgMajor > NEWEST_PG_MAJOR) {
      throw new IllegalArgumentException(
          "Invalid --compat "
              + pgMajor
              + ": datagen writes archives for pg_restore "
              + OLDEST_PG_MAJOR
              + " to "
              + NEWEST_PG_MAJOR
              + " (give the major version of the oldest pg_restore that must read it)");
    }
  }

  /** The archive library's compression. */
  public Compression toCompression() {
    return switch (algorithm) {
      case NONE -> Compression.none();
      case GZIP -> Compression.gzip(level);
      case ZSTD -> Compression.zstd(level);
      case LZ4 -> Compression.lz4(level);
    };
  }

  @Override
  public String toString() {
    return algorithm == CompressionAlgorithm.NONE
        ? "none"
        : algorithm.name().toLowerCase(Locale.ROOT) + ":" + level;
  }
}
