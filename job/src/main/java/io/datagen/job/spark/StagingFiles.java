package io.datagen.job.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** FileSystem access for staging and output files. */
final class StagingFiles {
  private StagingFiles() {}

  /**
   * The path's FileSystem, without Hadoop's client-side {@code .crc} side files: the archive
   * must be the only file a run leaves, and staged pieces carry their own CRC-32.
   */
  static FileSystem fileSystem(Path path, Configuration conf) throws IOException {
    FileSystem fs = path.getFileSystem(conf);
    fs.setWriteChecksum(false);
    return fs;
  }
}
