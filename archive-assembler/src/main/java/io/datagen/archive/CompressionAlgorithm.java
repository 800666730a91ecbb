package io.datagen.archive;

/** The compression algorithm byte of 1.15+ headers (pg_compress_algorithm). */
public enum CompressionAlgorithm {
  NONE(0),
  /** Called gzip by PostgreSQL; custom-format blocks are really zlib streams. */
  GZIP(1),
  LZ4(2),
  ZSTD(3);

  private final int code;

  CompressionAlgorithm(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static CompressionAlgorithm fromCode(int code) {
    for (CompressionAlgorithm algorithm : values()) {
      if (algorithm.code == code) {
        return algorithm;
      }
    }
    throw new IllegalArgumentException(
        "Cannot decode compression algorithm: " + code + " (expected 0 to 3)");
  }
}
