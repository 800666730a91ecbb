package io.datagen.archive.io;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A byte sink that knows how many bytes it has accepted, in the spirit of Iceberg's {@code
 * PositionOutputStream}. Archive offsets are taken from {@link #position()}, never computed
 * elsewhere.
 */
public interface PositionedSink extends Closeable {

  /** Number of bytes written so far (the absolute file position of the next byte). */
  long position();

  void write(int b) throws IOException;

  void write(byte[] bytes, int offset, int length) throws IOException;

  default void write(byte[] bytes) throws IOException {
    write(bytes, 0, bytes.length);
  }

  void flush() throws IOException;

  /** A sink over {@code out}, starting at position 0; closing the sink closes {@code out}. */
  static PositionedSink of(OutputStream out) {
    return new OutputStreamSink(out);
  }

  static InMemorySink inMemory() {
    return new InMemorySink();
  }

  /** A sink that discards bytes and only counts them, starting at {@code startPosition}. */
  static CountingSink counting(long startPosition) {
    return new CountingSink(startPosition);
  }

  /** A view of this sink as an OutputStream; closing the view does not close the sink. */
  default OutputStream asOutputStream() {
    PositionedSink sink = this;
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        sink.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        sink.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        sink.flush();
      }
    };
  }
}
