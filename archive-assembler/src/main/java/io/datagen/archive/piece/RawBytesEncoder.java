package io.datagen.archive.piece;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.Adler32;

/** Plain-script and directory-archive piece without compression: the raw bytes, unframed. */
final class RawBytesEncoder implements PieceEncoder {
  private final Adler32 adler = new Adler32();

  @Override
  public EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    return new EncodedPiece(
        Arrays.copyOfRange(raw, offset, offset + length), length, (int) adler.getValue());
  }

  @Override
  public int encodeTo(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    adler.reset();
    adler.update(raw, offset, length);
    out.write(raw, offset, length);
    return (int) adler.getValue();
  }
}
