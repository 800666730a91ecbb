package io.datagen.job.spark;

import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** FileSystem access for staging and output files. */
final class StagingFiles {
  private StagingFiles() {}

  /**
   * The path's FileSystem, without Hadoop's client-side {@code .crc} side files: the archive must
   * be the only file a run leaves, and staged pieces carry their own CRC-32.
   *
   * @param option the option that named the path, for the message when no connector serves it
   */
  static FileSystem fileSystem(String option, Path path, Configuration conf) throws IOException {
    FileSystem fs = HadoopFileSystems.of(option, path, conf);
    fs.setWriteChecksum(false);
    return fs;
  }

  /**
   * Creates a new file (never overwriting) whose parent directory must already exist: the driver
   * creates the staging directory before any task runs and deletes it at the end.
   */
  static FSDataOutputStream createInExistingDirectory(FileSystem fs, Path file) throws IOException {
    return fs.createFile(file).overwrite(false).build();
  }
}
