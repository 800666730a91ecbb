package io.datagen.archive.piece;

/**
 * The zlib (RFC 1950) wrapper bytes the driver writes around a table's sync-flushed raw deflate
 * pieces, so the whole block is one zlib stream as pg_restore's {@code inflateInit} requires.
 */
public final class ZlibStream {
  /** CMF: deflate (CM = 8) with a 32 KiB window (CINFO = 7). */
  public static final int CMF_DEFLATE_32K = 0x78;

  /**
   * An empty final block with fixed Huffman codes: BFINAL = 1, BTYPE = 01, end-of-block code,
   * padded to a byte. Valid after a sync flush, which leaves the stream byte-aligned.
   */
  private static final byte[] EMPTY_FINAL_BLOCK = {0x03, 0x00};

  /** Length of the trailer chunk: empty final block plus the 4-byte Adler-32. */
  public static final int TRAILER_LENGTH = EMPTY_FINAL_BLOCK.length + 4;

  private ZlibStream() {}

  /** The 2-byte zlib header zlib's deflateInit writes for {@code level} (-1 meaning 6). */
  public static byte[] header(int level) {
    int levelFlags;
    int effective = level == -1 ? 6 : level;
    if (effective < 2) {
      levelFlags = 0;
    } else if (effective < 6) {
      levelFlags = 1;
    } else if (effective == 6) {
      levelFlags = 2;
    } else {
      levelFlags = 3;
    }
    int flg = levelFlags << 6; // FLEVEL, FDICT = 0
    flg += 31 - ((CMF_DEFLATE_32K * 256 + flg) % 31); // FCHECK makes CMF·256 + FLG a multiple of 31
    return new byte[] {(byte) CMF_DEFLATE_32K, (byte) flg};
  }

  /** The empty final deflate block followed by the big-endian Adler-32 of all raw bytes. */
  public static byte[] trailer(int adler32) {
    return new byte[] {
      EMPTY_FINAL_BLOCK[0],
      EMPTY_FINAL_BLOCK[1],
      (byte) (adler32 >>> 24),
      (byte) (adler32 >>> 16),
      (byte) (adler32 >>> 8),
      (byte) adler32
    };
  }
}
