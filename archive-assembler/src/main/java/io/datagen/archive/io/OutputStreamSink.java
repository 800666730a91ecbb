package io.datagen.archive.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/** A {@link PositionedSink} over any OutputStream (a local file, a Hadoop stream, a socket). */
public final class OutputStreamSink implements PositionedSink {
  private final OutputStream out;
  private long position;

  OutputStreamSink(OutputStream out) {
    this.out = Objects.requireNonNull(out, "out");
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    position++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    out.write(bytes, offset, length);
    position += length;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
