package io.datagen.job.spark;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose {@code close} only flushes: for handing an {@link OutputTarget}'s stream to a
 * writer that closes what it is given. Only the target may end its stream — on S3 closing an upload
 * publishes it, even half-written.
 */
final class UnclosableStream extends FilterOutputStream {
  UnclosableStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
  }

  @Override
  public void close() throws IOException {
    flush();
  }
}
