package io.datagen.archive.piece;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Adler32;

/**
 * Plain-script ({@code .sql.gz}) and directory-archive ({@code .dat.gz}) piece: one complete gzip
 * member; members concatenate into one gzip file.
 */
final class GzipMemberEncoder implements PieceEncoder {
  private final GzipMemberWriter writer;
  private final Adler32 adler = new Adler32();

  GzipMemberEncoder(int level) {
    this.writer = new GzipMemberWriter(level);
  }

  @Override
  public EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    byte[] member = length == 0 ? new byte[0] : writer.member(raw, offset, length);
    return new EncodedPiece(member, length, (int) adler.getValue());
  }

  @Override
  public int encodeTo(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    adler.reset();
    adler.update(raw, offset, length);
    if (length > 0) {
      writer.writeMember(raw, offset, length, out);
    }
    return (int) adler.getValue();
  }
}
