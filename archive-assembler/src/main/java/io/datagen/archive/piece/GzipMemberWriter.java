package io.datagen.archive.piece;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
    ByteArrayOutputStream member = new ByteArrayOutputStream(Math.max(64, length / 2));
    try {
      writeMember(raw, offset, length, member);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write gzip member in memory", e);
    }
    return member.toByteArray();
  }

  /** Writes a complete member holding {@code raw[offset, offset+length)} to {@code out}. */
  public void writeMember(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    out.write(HEADER, 0, HEADER.length);
    deflater.reset();
    deflater.setInput(raw, offset, length);
    deflater.finish();
    while (!deflater.finished()) {
      int produced = deflater.deflate(buffer);
      out.write(buffer, 0, produced);
    }
    crc.reset();
    crc.update(raw, offset, length);
    writeIntLittleEndian(out, (int) crc.getValue()); // CRC32 of the raw bytes
    writeIntLittleEndian(out, length); // ISIZE: raw length mod 2^32
  }

  private static void writeIntLittleEndian(OutputStream out, int value) throws IOException {
    for (int i = 0; i < 4; i++) {
      out.write(value >>> (8 * i));
    }
  }
}
