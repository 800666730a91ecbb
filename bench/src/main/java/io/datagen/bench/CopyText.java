package io.datagen.bench;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.spark.RunSummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A table's uncompressed COPY text, exactly the bytes the archive's data block encodes: generated
 * once as a {@code --format copy --compress none} script, then cut out of it (between the {@code
 * COPY ... FROM stdin;} line and the {@code \.} that ends the data).
 */
public final class CopyText {
  private static final byte[] COPY_LINE_END = " FROM stdin;\n".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA_END = "\\.\n".getBytes(StandardCharsets.US_ASCII);

  /** How far into the script the COPY line may be: after the table's DDL, which is small. */
  private static final int HEAD_LIMIT = 1 << 20;

  private CopyText() {}

  /** Writes the COPY text of {@code schema}'s table at {@code rows} rows to {@code target}. */
  public static long write(EndToEndRuns runs, BenchSchema schema, long rows, Path target)
      throws IOException {
    Path script = target.resolveSibling(target.getFileName() + ".sql");
    try {
      RunSummary summary =
          runs.generate(schema, rows, OutputFormat.COPY, CompressionOption.NONE, script);
      long dataBytes = summary.tables().get(0).rawBytes();
      try (FileChannel in = FileChannel.open(script, StandardOpenOption.READ);
          FileChannel out =
              FileChannel.open(
                  target,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
        long start = dataStart(in, script);
        requireDataEnd(in, start + dataBytes, script);
        long copied = 0;
        while (copied < dataBytes) {
          copied += in.transferTo(start + copied, dataBytes - copied, out);
        }
      }
      return dataBytes;
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static long dataStart(FileChannel in, Path script) throws IOException {
    ByteBuffer head = ByteBuffer.allocate((int) Math.min(HEAD_LIMIT, in.size()));
    while (head.hasRemaining() && in.read(head, head.position()) > 0) {
      // read until the head is full or the file ends
    }
    int at = indexOf(head.array(), head.position(), COPY_LINE_END);
    if (at < 0) {
      throw new IOException(
          "Cannot find the COPY data in "
              + script
              + ": no 'COPY ... FROM stdin;' line in its first "
              + HEAD_LIMIT
              + " bytes");
    }
    return at + COPY_LINE_END.length;
  }

  private static void requireDataEnd(FileChannel in, long end, Path script) throws IOException {
    ByteBuffer tail = ByteBuffer.allocate(DATA_END.length);
    while (tail.hasRemaining() && in.read(tail, end + tail.position()) > 0) {
      // read the terminator, or what is left of the file
    }
    if (tail.position() != DATA_END.length
        || indexOf(tail.array(), DATA_END.length, DATA_END) != 0) {
      throw new IOException(
          "Cannot cut the COPY data out of "
              + script
              + ": the run reported its size, but no '\\.' line follows at byte "
              + end);
    }
  }

  private static int indexOf(byte[] haystack, int length, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
