package io.datagen.job.spark;

import io.datagen.archive.directory.DirectoryArchiveWriter;
import io.datagen.archive.directory.DirectoryOutput;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.leftovers.RunId;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where a directory archive goes. Like a single-file output, it appears under its final name only
 * when complete, and a failed or killed run leaves nothing under that name:
 *
 * <ul>
 *   <li>A local directory is written as a temporary directory beside its final name, every file
 *       synced, then renamed (rename(2) is atomic, and replaces an empty directory).
 *   <li>On a Hadoop file system with cheap, atomic rename ({@code hdfs:}), the same.
 *   <li>On an object store ({@code s3a:}), where a rename is a copy of every object, the files go
 *       straight to their final keys, data files first, each visible once complete, and {@code
 *       toc.dat} last, completed only on commit: {@code toc.dat} is the commit marker (pg_restore
 *       cannot read a directory without it). A failed run aborts toc.dat's upload and deletes the
 *       data files it wrote; a killed one leaves data files without toc.dat.
 * </ul>
 *
 * <p>The name must be new or an empty directory: pg_dump -Fd refuses anything else, and so does
 * this. Every file's size and SHA-256 are recorded for the manifest.
 */
abstract class DirectoryTarget implements Destination, DirectoryOutput {
  private static final int STREAM_BUFFER = 1 << 20;

  /** A file of the archive as written: its name, size and SHA-256 (null when not recorded). */
  record WrittenFile(String name, long bytes, String sha256) {}

  private final List<WrittenFile> written = new ArrayList<>();
  private boolean digests = true;

  /**
   * The target for a directory archive's name: a local path, or a URI.
   *
   * @throws DatagenException USAGE for stdout or a malformed name, OUTPUT for a name that cannot be
   *     written (a file, a non-empty directory, a missing parent, no connector)
   */
  static DirectoryTarget of(String output, Configuration conf, RunId run) {
    if ("-".equals(output)) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "--format directory writes a directory, which stdout (-o -) cannot hold; give -o DIR");
    }
    if (LocalOutput.isLocal(output)) {
      return new LocalDirectory(LocalOutput.resolveDirectory(output), run);
    }
    Path target;
    try {
      target = new Path(output);
    } catch (IllegalArgumentException e) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Invalid output '" + LocalOutput.printable(output) + "': " + e.getMessage());
    }
    try {
      FileSystem fs = StagingFiles.fileSystem("-o", target, conf);
      requireNewOrEmpty(fs, target);
      if (fs.hasPathCapability(target, CommonPathCapabilities.ABORTABLE_STREAM)) {
        return new ObjectStorePrefix(fs, target);
      }
      return new RenamedDirectory(fs, target, run);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  private static void requireNewOrEmpty(FileSystem fs, Path target) throws IOException {
    if (!fs.exists(target)) {
      return;
    }
    FileStatus status = fs.getFileStatus(target);
    if (status.isFile()) {
      throw new DatagenException(
          ErrorCategory.OUTPUT,
          "Cannot write "
              + target
              + ": it exists and is not a directory; a directory archive is a directory of its"
              + " own: name a new one, or remove the file");
    }
    if (fs.listStatus(target).length > 0) {
      throw new DatagenException(
          ErrorCategory.OUTPUT,
          "Cannot write "
              + target
              + ": the directory is not empty; a directory archive needs a directory of its own"
              + " (as pg_dump -Fd does): remove it or name a new one");
    }
  }

  /** Whether each file's SHA-256 is computed (for the manifest); on unless turned off. */
  void recordDigests(boolean record) {
    this.digests = record;
  }

  /** The files written so far, in order ({@code toc.dat} last once the archive is complete). */
  List<WrittenFile> writtenFiles() {
    return List.copyOf(written);
  }

  /** Total bytes written. */
  long bytes() {
    return written.stream().mapToLong(WrittenFile::bytes).sum();
  }

  @Override
  public final OutputStream create(String fileName) throws IOException {
    if (fileName.isEmpty() || fileName.contains("/") || fileName.startsWith(".")) {
      throw new IllegalArgumentException("Cannot create archive file: bad name '" + fileName + "'");
    }
    MessageDigest sha256 = digests ? sha256() : null;
    OutputStream file = openFile(fileName);
    return new FilterOutputStream(digests ? new DigestOutputStream(file, sha256) : file) {
      private long size;
      private boolean closed;

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        size += length;
      }

      @Override
      public void write(int b) throws IOException {
        out.write(b);
        size++;
      }

      @Override
      public void close() throws IOException {
        if (closed) {
          return;
        }
        closed = true;
        out.close();
        String digest = sha256 == null ? null : HexFormat.of().formatHex(sha256.digest());
        written.add(new WrittenFile(fileName, size, digest));
      }
    };
  }

  /**
   * A new file of the archive; closing the stream completes it (syncs it, or completes its upload),
   * except where a subclass holds {@code toc.dat} back until commit.
   */
  abstract OutputStream openFile(String fileName) throws IOException;

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** A local directory: a temporary directory beside it, every file synced, then renamed. */
  private static final class LocalDirectory extends DirectoryTarget {
    private final LocalOutput output;
    private final java.nio.file.Path temporary;
    private volatile boolean created;

    LocalDirectory(LocalOutput output, RunId run) {
      this.output = output;
      java.nio.file.Path target = output.target().toAbsolutePath().normalize();
      this.temporary = target.resolveSibling(run.temporaryName(target.getFileName().toString()));
    }

    @Override
    OutputStream openFile(String fileName) throws IOException {
      if (!created) {
        Files.createDirectory(temporary);
        created = true;
      }
      FileChannel channel =
          FileChannel.open(
              temporary.resolve(fileName), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new FilterOutputStream(
          new BufferedOutputStream(Channels.newOutputStream(channel), STREAM_BUFFER)) {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
          try {
            out.flush();
            channel.force(true); // as pg_dump syncs its files: they survive a crash once renamed
          } finally {
            out.close();
          }
        }
      };
    }

    @Override
    public void commit() throws IOException {
      if (!created) {
        Files.createDirectory(temporary); // an archive always has toc.dat; kept for safety
        created = true;
      }
      OutputTarget.syncDirectory(temporary);
      // rename(2) replaces an empty directory atomically, and refuses a non-empty one.
      Files.move(temporary, output.target(), StandardCopyOption.ATOMIC_MOVE);
      OutputTarget.syncDirectory(output.target().toAbsolutePath().normalize().getParent());
    }

    @Override
    public void abort() {
      if (!created) {
        return;
      }
      try (Stream<java.nio.file.Path> files = Files.walk(temporary)) {
        for (java.nio.file.Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      } catch (IOException | RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
    }

    @Override
    public String describe() {
      return output.given();
    }

    @Override
    public String partial() {
      return created ? "the partial output " + temporary : null;
    }

    @Override
    public Path stagingParent() {
      return new Path(output.target().toAbsolutePath().normalize().getParent().toUri());
    }
  }

  /** A temporary directory, then a rename: for Hadoop file systems where rename is atomic. */
  private static final class RenamedDirectory extends DirectoryTarget {
    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private volatile boolean created;

    RenamedDirectory(FileSystem fs, Path target, RunId run) {
      this.fs = fs;
      this.target = target;
      this.temporary = new Path(OutputTarget.parentOf(target), run.temporaryName(target.getName()));
    }

    @Override
    OutputStream openFile(String fileName) throws IOException {
      created = true;
      return fs.create(new Path(temporary, fileName), false);
    }

    @Override
    public void commit() throws IOException {
      if (fs.exists(target) && !fs.delete(target, false)) { // an empty directory, checked before
        throw new IOException("Cannot replace the empty directory " + target);
      }
      if (!fs.rename(temporary, target)) {
        throw new IOException("Cannot rename " + temporary + " to " + target);
      }
    }

    @Override
    public void abort() {
      try {
        fs.delete(temporary, true);
      } catch (IOException | RuntimeException ignored) {
        // Best effort: the run already failed with a more useful error.
      }
    }

    @Override
    public String describe() {
      return target.toString();
    }

    @Override
    public String partial() {
      return created ? "the partial output " + temporary : null;
    }

    @Override
    public Path stagingParent() {
      return OutputTarget.parentOf(target);
    }
  }

  /**
   * Objects under a prefix: data files complete one by one, {@code toc.dat} on commit. Its stream
   * is held open when the writer closes it, and closed (the upload completed) by {@link #commit()}.
   */
  private static final class ObjectStorePrefix extends DirectoryTarget {
    private final FileSystem fs;
    private final Path target;
    private final List<Path> completed = new ArrayList<>();
    private volatile FSDataOutputStream current;
    private FSDataOutputStream toc;

    ObjectStorePrefix(FileSystem fs, Path target) {
      this.fs = fs;
      this.target = target;
    }

    @Override
    OutputStream openFile(String fileName) throws IOException {
      Path file = new Path(target, fileName);
      FSDataOutputStream stream = fs.create(file, false);
      current = stream;
      boolean marker = DirectoryArchiveWriter.TOC_FILE.equals(fileName);
      return new FilterOutputStream(stream) {
        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
          if (marker) {
            stream.flush();
            toc = stream; // completed on commit: toc.dat is the commit marker
            return;
          }
          stream.close(); // completes the upload: the data file appears, whole
          completed.add(file);
        }
      };
    }

    @Override
    public void commit() throws IOException {
      if (toc == null) {
        throw new IOException("Cannot commit " + target + ": toc.dat was not written");
      }
      toc.close();
    }

    @Override
    public void abort() {
      if (current != null) {
        try {
          current.abort(); // the upload in progress (toc.dat's, if it was held) never completes
        } catch (RuntimeException ignored) {
          // Best effort: the run already failed with a more useful error.
        }
        try {
          current.close();
        } catch (IOException | RuntimeException ignored) {
          // Best effort.
        }
      }
      for (Path file : completed) {
        try {
          fs.delete(file, false);
        } catch (IOException | RuntimeException ignored) {
          // Best effort: without toc.dat what is left is no archive; docs/operations.md says so.
        }
      }
    }

    @Override
    public String describe() {
      return target.toString();
    }

    @Override
    public String partial() {
      return current != null
          ? "the files written under " + target + " so far and the upload in progress"
          : null;
    }

    @Override
    public Path stagingParent() {
      return OutputTarget.parentOf(target);
    }
  }
}
