package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the archive (or the manifest) goes: stdout, or a path/URI on any Hadoop FileSystem. A file
 * appears under its final name only when complete, so readers never see a half-written archive and
 * a failed or killed run leaves no file under the final name:
 *
 * <ul>
 *   <li>On a file system with cheap, atomic rename ({@code file:}, {@code hdfs:}) the bytes go to a
 *       temporary name beside the final one, renamed on commit.
 *   <li>On an object store whose output streams can be aborted ({@code s3a:}), a rename is a copy
 *       of the whole object. There the bytes go straight to the final key as one multipart upload:
 *       the object becomes visible only when the upload completes on commit; a failed run aborts
 *       the upload and a killed one never completes it, so no object appears either way.
 * </ul>
 *
 * <p>Lifecycle: {@link #open()} once, then exactly one of {@link #commit()} or {@link #abort()}.
 */
abstract class OutputTarget {
  /** The stream to write to; do not close it: {@link #commit()} or {@link #abort()} does. */
  abstract OutputStream open() throws IOException;

  /** Finishes the output and makes it visible under its final name. */
  abstract void commit() throws IOException;

  /** Discards whatever was written; nothing appears under the final name. Never throws. */
  abstract void abort();

  abstract String describe();

  static OutputTarget of(String output, Configuration conf) {
    if ("-".equals(output)) {
      return new Stdout();
    }
    Path target = new Path(output);
    try {
      FileSystem fs = StagingFiles.fileSystem(target, conf);
      if (fs.hasPathCapability(target, CommonPathCapabilities.ABORTABLE_STREAM)) {
        return new AbortableObject(fs, target);
      }
      return new RenamedFile(fs, target);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private static Path parentOf(Path path) {
    return path.getParent() == null ? new Path(".") : path.getParent();
  }

  private static void requireParentNotAFile(FileSystem fs, Path target) throws IOException {
    Path parent = parentOf(target);
    if (fs.exists(parent) && fs.getFileStatus(parent).isFile()) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + target + ": its parent is a file");
    }
  }

  private static void closeQuietly(OutputStream stream) {
    if (stream != null) {
      try {
        stream.close();
      } catch (IOException | RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
    }
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

  /** Temporary name, then rename: for file systems where rename is atomic and cheap. */
  private static final class RenamedFile extends OutputTarget {
    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private FSDataOutputStream stream;

    RenamedFile(FileSystem fs, Path target) {
      this.fs = fs;
      this.target = target;
      this.temporary =
          new Path(
              parentOf(target), "." + target.getName() + ".datagen-" + UUID.randomUUID() + ".tmp");
    }

    @Override
    OutputStream open() throws IOException {
      requireParentNotAFile(fs, target);
      stream = fs.create(temporary, true);
      return stream;
    }

    @Override
    void commit() throws IOException {
      stream.close();
      // rename(2) replaces an existing file atomically on a local disk; HDFS refuses, so replace
      // there.
      if (!fs.rename(temporary, target)) {
        if (fs.exists(target) && !fs.delete(target, false)) {
          throw new IOException("Cannot replace existing " + target);
        }
        if (!fs.rename(temporary, target)) {
          throw new IOException("Cannot rename " + temporary + " to " + target);
        }
      }
    }

    @Override
    void abort() {
      closeQuietly(stream);
      try {
        fs.delete(temporary, false);
      } catch (IOException | RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
    }

    @Override
    String describe() {
      return target.toString();
    }
  }

  /** The final key, written as one upload that completes only on commit: for object stores. */
  private static final class AbortableObject extends OutputTarget {
    private final FileSystem fs;
    private final Path target;
    private FSDataOutputStream stream;

    AbortableObject(FileSystem fs, Path target) {
      this.fs = fs;
      this.target = target;
    }

    @Override
    OutputStream open() throws IOException {
      requireParentNotAFile(fs, target);
      stream = fs.create(target, true);
      return stream;
    }

    @Override
    void commit() throws IOException {
      stream.close(); // completes the upload: the object appears now, whole
    }

    @Override
    void abort() {
      if (stream == null) {
        return;
      }
      try {
        stream.abort(); // the upload is cancelled; an existing object under the key stays as it was
      } catch (RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
      closeQuietly(stream);
    }

    @Override
    String describe() {
      return target.toString();
    }
  }
}
