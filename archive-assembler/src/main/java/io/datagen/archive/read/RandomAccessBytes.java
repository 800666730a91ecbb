package io.datagen.archive.read;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Bytes that can be streamed from any position: a file or an array. */
interface RandomAccessBytes {

  long length();

  InputStream openAt(long position) throws IOException;

  static RandomAccessBytes of(byte[] bytes) {
    return new RandomAccessBytes() {
      @Override
      public long length() {
        return bytes.length;
      }

      @Override
      public InputStream openAt(long position) {
        return new ByteArrayInputStream(
            bytes,
            (int) Math.min(position, bytes.length),
            (int) Math.max(0, bytes.length - position));
      }
    };
  }

  static RandomAccessBytes of(Path file) throws IOException {
    long length = Files.size(file);
    return new RandomAccessBytes() {
      @Override
      public long length() {
        return length;
      }

      @Override
      public InputStream openAt(long position) throws IOException {
        SeekableByteChannel channel = Files.newByteChannel(file);
        channel.position(position);
        return new BufferedInputStream(Channels.newInputStream(channel), 64 * 1024);
      }
    };
  }
}
