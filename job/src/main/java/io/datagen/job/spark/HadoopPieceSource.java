package io.datagen.job.spark;

import io.datagen.archive.piece.PieceSource;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;

/**
 * A staged piece read back by the driver through the Hadoop FileSystem API: {@code length} bytes
 * from {@code offset} of a task attempt's staging file. The bytes are checked against the CRC-32
 * the executor computed, so a torn or foreign file can never slip into an archive.
 */
final class HadoopPieceSource implements PieceSource {
  private final HadoopConf conf;
  private final Path file;
  private final long offset;
  private final long length;
  private final int crc32;

  HadoopPieceSource(HadoopConf conf, SegmentResult result) {
    this.conf = conf;
    this.file = new Path(result.stagingPath());
    this.offset = result.offset();
    this.length = result.storedLength();
    this.crc32 = result.storedCrc32();
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public InputStream open() throws IOException {
    FSDataInputStream in = HadoopFileSystems.of("--staging", file, conf.get()).open(file);
    try {
      in.seek(offset);
    } catch (IOException e) {
      in.close();
      throw e;
    }
    return new CheckedRange(in);
  }

  /** Yields exactly {@code length} bytes, then verifies their CRC-32. */
  private final class CheckedRange extends FilterInputStream {
    private final CRC32 crc = new CRC32();
    private long remaining = length;

    CheckedRange(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int off, int len) throws IOException {
      if (remaining == 0) {
        verify();
        return -1;
      }
      int n = in.read(buffer, off, (int) Math.min(len, remaining));
      if (n < 0) {
        throw new IOException(
            "Cannot read staged piece "
                + file
                + " at "
                + offset
                + ": file ends "
                + remaining
                + " bytes early");
      }
      crc.update(buffer, off, n);
      remaining -= n;
      if (remaining == 0) {
        verify();
      }
      return n;
    }

    private void verify() throws IOException {
      if ((int) crc.getValue() != crc32) {
        throw new IOException(
            "Cannot use staged piece " + file + " at " + offset + ": CRC-32 mismatch");
      }
    }
  }
}
