package io.datagen.archive.io;

import io.datagen.archive.OffsetFlag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The four primitives of the archive header, TOC and data framing (pg_backup_archiver.c {@code
 * WriteByte}, {@code WriteInt}, {@code WriteStr}, {@code WriteOffset}), plus the chunk framing of
 * pg_backup_custom.c. Fixed sizes: intSize 4, offSize 8.
 */
public final class ArchiveOutput {
  /** Bytes of magnitude after the sign byte of every Int (pg_dump's sizeof(int)). */
  public static final int INT_SIZE = 4;

  /** Bytes of an Offset's position (pg_dump's sizeof(pgoff_t)). */
  public static final int OFF_SIZE = 8;

  /** String length that stands for NULL. */
  public static final int NULL_STRING_LENGTH = -1;

  private final PositionedSink sink;
  private final byte[] scratch = new byte[1 + OFF_SIZE];

  public ArchiveOutput(PositionedSink sink) {
    this.sink = sink;
  }

  public PositionedSink sink() {
    return sink;
  }

  public long position() {
    return sink.position();
  }

  public void writeByte(int value) throws IOException {
    if (value < 0 || value > 255) {
      throw new IllegalArgumentException("Cannot write byte: " + value);
    }
    sink.write(value);
  }

  /**
   * Sign byte (0 or 1), then the absolute value in {@link #INT_SIZE} bytes, least significant
   * first.
   */
  public void writeInt(int value) throws IOException {
    if (value == Integer.MIN_VALUE) {
      throw new IllegalArgumentException(
          "Cannot write Int: " + value + " (its magnitude does not fit pg_restore's int)");
    }
    int magnitude = Math.abs(value);
    scratch[0] = (byte) (value < 0 ? 1 : 0);
    for (int i = 0; i < INT_SIZE; i++) {
      scratch[1 + i] = (byte) (magnitude >>> (8 * i));
    }
    sink.write(scratch, 0, 1 + INT_SIZE);
  }

  /** NULL as Int -1; otherwise Int byte length and the UTF-8 bytes, no terminator. */
  public void writeStr(String value) throws IOException {
    if (value == null) {
      writeInt(NULL_STRING_LENGTH);
      return;
    }
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    writeInt(bytes.length);
    sink.write(bytes, 0, bytes.length);
  }

  /** A Str that pg_restore dereferences unconditionally: NULL would crash it, so refuse. */
  public void writeRequiredStr(String field, String value) throws IOException {
    if (value == null) {
      throw new IllegalArgumentException(
          "Cannot write " + field + ": NULL (pg_restore dereferences it and crashes)");
    }
    writeStr(value);
  }

  /** Flag byte, then the unsigned position in {@link #OFF_SIZE} bytes, least significant first. */
  public void writeOffset(OffsetFlag flag, long position) throws IOException {
    if (position < 0) {
      throw new IllegalArgumentException("Cannot write offset: " + position);
    }
    scratch[0] = (byte) flag.code();
    for (int i = 0; i < OFF_SIZE; i++) {
      scratch[1 + i] = (byte) (position >>> (8 * i));
    }
    sink.write(scratch, 0, 1 + OFF_SIZE);
  }

  public void writeBytes(byte[] bytes, int offset, int length) throws IOException {
    sink.write(bytes, offset, length);
  }

  /**
   * One data chunk: Int length, then the bytes. A zero length is the end-of-block marker, so an
   * empty chunk would silently truncate the block: refuse it.
   */
  public void writeChunk(byte[] bytes, int offset, int length) throws IOException {
    if (length <= 0) {
      throw new IllegalArgumentException(
          "Cannot write chunk: length " + length + " (Int 0 ends the data block)");
    }
    writeInt(length); // chunk length, > 0
    sink.write(bytes, offset, length);
  }

  /** Int 0: the end of a data block's chunks. */
  public void writeEndOfBlock() throws IOException {
    writeInt(0); // end of block marker
  }
}
