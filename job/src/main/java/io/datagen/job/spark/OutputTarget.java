package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the archive goes: stdout, or a path/URI on any Hadoop FileSystem. A file is written under
 * a temporary name beside its final one and renamed only when complete, so readers never see a
 * half-written archive and a failed or killed run leaves no file under the final name.
 */
abstract class OutputTarget {
  abstract OutputStream open() throws IOException;

  /** Makes the output visible under its final name. */
  abstract void commit() throws IOException;

  /** Removes whatever a failed run wrote. Never throws. */
  abstract void abort();

  abstract String describe();

  static OutputTarget of(String output, Configuration conf) {
    if ("-".equals(output)) {
      return new Stdout();
    }
    return new HadoopFile(new Path(output), conf);
  }

  private static final class Stdout extends OutputTarget {
    @Override
    OutputStream open() {
      // Closing the archive stream must not close the process's stdout.
      return new FilterOutputStream(System.out) {
        @Override
        public void write(byte[] b, int off, int len) throws IOException {
          out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
          flush();
        }
      };
    }

    @Override
    void commit() {
      System.out.flush();
    }

    @Override
    void abort() {
      System.out.flush();
    }

    @Override
    String describe() {
      return "stdout";
    }
  }

  private static final class HadoopFile extends OutputTarget {
    private final Path target;
    private final Path temporary;
    private final Configuration conf;

    HadoopFile(Path target, Configuration conf) {
      this.target = target;
      this.temporary = new Path(target.getParent() == null ? new Path(".") : target.getParent(),
          "." + target.getName() + ".datagen-" + UUID.randomUUID() + ".tmp");
      this.conf = conf;
    }

    private FileSystem fs() throws IOException {
      return StagingFiles.fileSystem(target, conf);
    }

    @Override
    OutputStream open() throws IOException {
      FileSystem fs = fs();
      if (fs.getFileStatus(target.getParent() == null ? new Path(".") : target.getParent()).isFile()) {
        throw new DatagenException(ErrorCategory.OUTPUT, "Cannot write " + target + ": its parent is a file");
      }
      return fs.create(temporary, true);
    }

    @Override
    void commit() throws IOException {
      FileSystem fs = fs();
      if (fs.exists(target) && !fs.delete(target, false)) {
        throw new IOException("Cannot replace existing " + target);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("Cannot rename " + temporary + " to " + target);
      }
    }

    @Override
    void abort() {
      try {
        fs().delete(temporary, false);
      } catch (IOException | RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
    }

    @Override
    String describe() {
      return target.toString();
    }
  }
}
