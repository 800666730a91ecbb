package io.datagen.archive.io;

import java.util.Arrays;

/** A {@link PositionedSink} that keeps every byte in memory; for tests and small archives. */
public final class InMemorySink implements PositionedSink {
  private byte[] buffer = new byte[256];
  private int size;

  @Override
  public long position() {
    return size;
  }

  @Override
  public void write(int b) {
    ensureCapacity(1);
    buffer[size++] = (byte) b;
  }

  @Override
  public void write(byte[] bytes, int offset, int length) {
    ensureCapacity(length);
    System.arraycopy(bytes, offset, buffer, size, length);
    size += length;
  }

  private void ensureCapacity(int extra) {
    long needed = (long) size + extra;
    if (needed > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException(
          "Cannot grow in-memory sink beyond 2 GiB: " + needed + " bytes");
    }
    if (needed > buffer.length) {
      buffer =
          Arrays.copyOf(
              buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L)));
    }
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  @Override
  public void flush() {
    // nothing buffered outside memory
  }

  @Override
  public void close() {
    // the bytes stay readable after close
  }
}
