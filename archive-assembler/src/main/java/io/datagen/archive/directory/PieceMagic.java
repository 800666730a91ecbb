package io.datagen.archive.directory;

import io.datagen.archive.CompressionAlgorithm;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Checks the first bytes of a directory-archive piece as it is copied: a piece encoded for a custom
 * archive (chunk-framed) or with another codec would make a data file pg_restore cannot read, or,
 * for gzip, one it passes to COPY as garbage (zlib's gzread hands non-gzip bytes through
 * unchanged). A failed check fails the copy, and so the archive, before it is complete.
 */
final class PieceMagic {
  private static final byte[] GZIP = {0x1f, (byte) 0x8b};
  private static final byte[] ZSTD = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
  private static final byte[] LZ4 = {0x04, 0x22, 0x4d, 0x18};

  private final CompressionAlgorithm algorithm;
  private final String name;
  private final byte[] magic;
  private final byte[] start;
  private int seen;

  PieceMagic(CompressionAlgorithm algorithm, String name) {
    this.algorithm = algorithm;
    this.name = name;
    this.magic =
        switch (algorithm) {
          case NONE -> new byte[0]; // uncompressed bytes may be anything
          case GZIP -> GZIP;
          case ZSTD -> ZSTD;
          case LZ4 -> LZ4;
        };
    this.start = new byte[magic.length];
  }

  /** Takes the next stored bytes of the piece; checks once the magic's length has been seen. */
  void accept(byte[] bytes, int offset, int length) {
    if (seen == magic.length) {
      return;
    }
    int n = Math.min(length, magic.length - seen);
    System.arraycopy(bytes, offset, start, seen, n);
    seen += n;
    if (seen == magic.length && !Arrays.equals(start, magic)) {
      throw wrong(start);
    }
  }

  /** After the last bytes: a non-empty piece shorter than the magic is wrong too. */
  void finish() {
    if (seen > 0 && seen < magic.length) {
      throw wrong(Arrays.copyOf(start, seen));
    }
  }

  private IllegalStateException wrong(byte[] found) {
    return new IllegalStateException(
        "Cannot copy "
            + name
            + ": it does not start like a "
            + algorithm.name().toLowerCase(Locale.ROOT)
            + (algorithm == CompressionAlgorithm.GZIP ? " member" : " frame")
            + " (starts with "
            + HexFormat.of().formatHex(found)
            + ", expected "
            + HexFormat.of().formatHex(magic)
            + "); the pieces of a directory archive come from PieceEncoder.forDirectoryArchive");
  }
}
