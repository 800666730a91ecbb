package io.datagen.archive.piece;

import io.datagen.archive.io.InMemorySink;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Writes one gzip member (RFC 1952) with a fixed header (no name, MTIME 0, OS unknown) so the
 * output is reproducible; gzip readers (zcat, psql via gunzip) read concatenated members.
 */
public final class GzipMemberWriter {
  /** ID1 ID2 CM=deflate FLG=0 MTIME=0 XFL=0 OS=255 (unknown). */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 0x08, 0, 0, 0, 0, 0, 0, (byte) 0xff};

  private final Deflater deflater;
  private final byte[] buffer = new byte[64 * 1024];
  private final CRC32 crc = new CRC32();

  public GzipMemberWriter(int level) {
    this.deflater = new Deflater(level, true);
  }

  /** A complete member holding {@code raw[offset, offset+length)}. */
  public byte[] member(byte[] raw, int offset, int length) {
    InMemorySink sink = new InMemorySink();
    sink.write(HEADER, 0, HEADER.length);
    deflater.reset();
    deflater.setInput(raw, offset, length);
    deflater.finish();
    while (!deflater.finished()) {
      int produced = deflater.deflate(buffer);
      sink.write(buffer, 0, produced);
    }
    crc.reset();
    crc.update(raw, offset, length);
    writeIntLittleEndian(sink, (int) crc.getValue()); // CRC32 of the raw bytes
    writeIntLittleEndian(sink, length); // ISIZE: raw length mod 2^32
    return sink.toByteArray();
  }

  private static void writeIntLittleEndian(InMemorySink sink, int value) {
    for (int i = 0; i < 4; i++) {
      sink.write(value >>> (8 * i));
    }
  }
}
