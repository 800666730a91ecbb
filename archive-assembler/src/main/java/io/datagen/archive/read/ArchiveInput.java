package io.datagen.archive.read;

import io.datagen.archive.OffsetFlag;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the archive primitives (pg_backup_archiver.c {@code ReadInt}, {@code ReadStr}, {@code
 * ReadOffset}).
 */
final class ArchiveInput {
  private final InputStream in;
  private long position;
  private int intSize = 4;
  private int offSize = 8;

  ArchiveInput(InputStream in, long startPosition) {
    this.in = in;
    this.position = startPosition;
  }

  long position() {
    return position;
  }

  void setSizes(int intSize, int offSize) {
    this.intSize = intSize;
    this.offSize = offSize;
  }

  int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException(
          "Cannot read byte at position " + position + ": unexpected end of archive");
    }
    position++;
    return b;
  }

  byte[] readBytes(int length) throws IOException {
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new EOFException(
          "Cannot read "
              + length
              + " bytes at position "
              + position
              + ": unexpected end of archive");
    }
    position += length;
    return bytes;
  }

  void skip(long length) throws IOException {
    long remaining = length;
    while (remaining > 0) {
      long skipped = in.skip(remaining);
      if (skipped <= 0) {
        readByte();
        remaining--;
      } else {
        remaining -= skipped;
        position += skipped;
      }
    }
  }

  /** Sign byte, then {@code intSize} bytes of magnitude, least significant first. */
  int readInt() throws IOException {
    long start = position;
    int sign = readByte();
    long magnitude = 0;
    for (int i = 0; i < intSize; i++) {
      long b = readByte();
      if (i >= 4 && b != 0) {
        throw new ArchiveFormatException(
            "Cannot read Int at position " + start + ": magnitude exceeds 32 bits");
      }
      if (i < 4) {
        magnitude |= b << (8 * i);
      }
    }
    if (magnitude > Integer.MAX_VALUE) {
      throw new ArchiveFormatException(
          "Cannot read Int at position " + start + ": magnitude " + magnitude + " exceeds int");
    }
    return sign != 0 ? (int) -magnitude : (int) magnitude;
  }

  /** NULL (length -1) as null, otherwise the UTF-8 decoded bytes. */
  String readStr() throws IOException {
    long start = position;
    int length = readInt();
    if (length == -1) {
      return null;
    }
    if (length < -1) {
      throw new ArchiveFormatException(
          "Cannot read string at position " + start + ": length " + length);
    }
    return new String(readBytes(length), StandardCharsets.UTF_8);
  }

  /** An Offset: flag byte, then {@code offSize} unsigned bytes, least significant first. */
  ReadOffset readOffset() throws IOException {
    long start = position;
    int flagCode = readByte();
    OffsetFlag flag;
    try {
      flag = OffsetFlag.fromCode(flagCode);
    } catch (IllegalArgumentException e) {
      throw new ArchiveFormatException(
          "Cannot read offset at position " + start + ": unexpected data offset flag " + flagCode,
          e);
    }
    long value = 0;
    for (int i = 0; i < offSize; i++) {
      long b = readByte();
      if (i >= 8 && b != 0) {
        throw new ArchiveFormatException(
            "Cannot read offset at position " + start + ": file offset in dump file is too large");
      }
      if (i < 8) {
        value |= b << (8 * i);
      }
    }
    return new ReadOffset(flag, value);
  }

  record ReadOffset(OffsetFlag flag, long position) {}
}
