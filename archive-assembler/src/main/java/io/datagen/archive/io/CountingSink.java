package io.datagen.archive.io;

/**
 * A {@link PositionedSink} that discards bytes and only counts them. The custom-format writer runs
 * its real code path into one of these to learn every data offset before writing the TOC.
 */
public final class CountingSink implements PositionedSink {
  private long position;

  CountingSink(long startPosition) {
    if (startPosition < 0) {
      throw new IllegalArgumentException(
          "Cannot start counting sink at position: " + startPosition);
    }
    this.position = startPosition;
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void write(int b) {
    position++;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    position += length;
  }

  /** Counts {@code length} bytes that are not materialised (a piece's declared length). */
  public void skip(long length) {
    if (length < 0) {
      throw new IllegalArgumentException("Cannot skip negative byte count: " + length);
    }
    position += length;
  }

  @Override
  public void flush() {
    // nothing to flush
  }

  @Override
  public void close() {
    // nothing to close
  }
}
