package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.leftovers.RunId;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.CommonPathCapabilities;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Where the archive (or the manifest) goes: stdout, a local file, a device or FIFO, or a URI on any
 * Hadoop FileSystem. A file appears under its final name only when complete, so readers never see a
 * half-written archive and a failed or killed run leaves no file under the final name:
 *
 * <ul>
 *   <li>A local regular file is written under a temporary name beside its final one, synced, and
 *       renamed over it on commit (rename(2) is atomic). A symbolic link is followed: its target is
 *       replaced, the link stays ({@link LocalOutput}).
 *   <li>A local device, FIFO or socket, and stdout ({@code -o -}), are written in place as a
 *       stream: no temporary file, and every write error is reported.
 *   <li>On a Hadoop file system with cheap, atomic rename ({@code hdfs:}) the bytes go to a
 *       temporary name beside the final one, renamed on commit.
 *   <li>On an object store whose output streams can be aborted ({@code s3a:}), a rename is a copy
 *       of the whole object. There the bytes go straight to the final key as one multipart upload:
 *       the object becomes visible only when the upload completes on commit; a failed run aborts
 *       the upload and a killed one never completes it, so no object appears either way.
 * </ul>
 *
 * <p>Local outputs are checked when the target is made ({@link #of}), before any work starts.
 *
 * <p>Lifecycle: {@link #open()} once, then exactly one of {@link #commit()} or {@link #abort()}.
 */
abstract class OutputTarget implements Destination {
  private static final int STREAM_BUFFER = 1 << 20;

  /** The stream to write to; do not close it: {@link #commit()} or {@link #abort()} does. */
  abstract OutputStream open() throws IOException;

  /**
   * The target for an output name: {@code -}, a local path, or a URI.
   *
   * @throws DatagenException USAGE for a malformed name, OUTPUT for an output that cannot be
   *     written
   */
  static OutputTarget of(String output, Configuration conf) {
    return of("-o", output, conf, RunId.start(Clock.systemUTC()));
  }

  /**
   * The target for an output name given in {@code option} ({@code -o}, {@code --manifest}).
   *
   * @throws DatagenException USAGE for a malformed name, OUTPUT for an output that cannot be
   *     written (a URI whose scheme no connector on the class path serves included)
   */
  static OutputTarget of(String option, String output, Configuration conf, RunId run) {
    if ("-".equals(output)) {
      return new Stdout();
    }
    if (LocalOutput.isLocal(output)) {
      LocalOutput local = LocalOutput.resolve(output);
      return local.special() ? new LocalStream(local) : new LocalFile(local, run);
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
      FileSystem fs = StagingFiles.fileSystem(option, target, conf);
      if (fs.hasPathCapability(target, CommonPathCapabilities.ABORTABLE_STREAM)) {
        return new AbortableObject(fs, target);
      }
      return new RenamedFile(fs, target, run);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + output + ": " + e.getMessage(), e);
    }
  }

  /**
   * Refuses a manifest that would land on the output itself (the same name, or another name of the
   * same file).
   */
  static void requireDistinct(String output, String manifest) {
    if (manifest != null && identity(output).equals(identity(manifest))) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "--manifest "
              + manifest
              + " names the same file as -o "
              + output
              + "; give the manifest a name of its own (e.g. "
              + ("-".equals(output) ? "run.json" : output + ".json")
              + ")");
    }
  }

  private static String identity(String output) {
    if ("-".equals(output)) {
      return "-";
    }
    if (LocalOutput.isLocal(output)) {
      return LocalOutput.resolve(output).target().toAbsolutePath().normalize().toString();
    }
    try {
      return java.net.URI.create(output).normalize().toString();
    } catch (IllegalArgumentException notAUri) {
      return output; // Hadoop reports it when the target is made
    }
  }

  /** The parent directory of a Hadoop path ({@code .} for a bare name). */
  static Path parentOf(Path path) {
    return path.getParent() == null ? new Path(".") : path.getParent();
  }

  private static void requireParentNotAFile(FileSystem fs, Path target) throws IOException {
    Path parent = parentOf(target);
    if (fs.exists(parent) && fs.getFileStatus(parent).isFile()) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + target + ": its parent is a file");
    }
  }

  /**
   * Makes a directory's entries (a rename into it) durable; best effort, as some file systems
   * cannot sync a directory.
   */
  static void syncDirectory(java.nio.file.Path directory) {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException | RuntimeException ignored) {
      // The files themselves are synced; the entries' durability is left to the OS.
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

  /**
   * The stream a target hands out: buffered, with every write error thrown (unlike a PrintStream).
   * Targets close it themselves, and stdout's never: closing it would close the process's stdout.
   */
  private static OutputStream checkedStream(OutputStream raw) {
    return new BufferedOutputStream(raw, STREAM_BUFFER);
  }

  /**
   * The process's standard output, written through its file descriptor: {@link System#out} is a
   * PrintStream, which swallows write errors (a full disk, a closed pipe).
   */
  private static final class Stdout extends OutputTarget {
    private OutputStream stream;

    @Override
    OutputStream open() {
      System.out.flush(); // anything printed before goes first
      stream = checkedStream(new FileOutputStream(FileDescriptor.out));
      return stream;
    }

    @Override
    public void commit() throws IOException {
      stream.flush(); // never close: that would close the process's stdout
    }

    @Override
    public void abort() {
      try {
        if (stream != null) {
          stream.flush();
        }
      } catch (IOException ignored) {
        // The run already failed with a more useful error.
      }
    }

    @Override
    public String describe() {
      return "stdout";
    }

    @Override
    public String partial() {
      return null; // what reached stdout cannot be taken back
    }

    @Override
    public Path stagingParent() {
      return null;
    }
  }

  /** A local regular file: a temporary name beside it, synced, then renamed over it. */
  private static final class LocalFile extends OutputTarget {
    private final LocalOutput output;
    private final java.nio.file.Path temporary;
    private FileChannel channel;
    private volatile OutputStream stream;

    LocalFile(LocalOutput output, RunId run) {
      this.output = output;
      java.nio.file.Path target = output.target();
      this.temporary = target.resolveSibling(run.temporaryName(target.getFileName().toString()));
    }

    @Override
    OutputStream open() throws IOException {
      channel =
          FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      stream = checkedStream(Channels.newOutputStream(channel));
      return stream;
    }

    @Override
    public void commit() throws IOException {
      stream.flush();
      channel.force(true); // as pg_dump syncs its output: the archive survives a crash once renamed
      stream.close();
      Files.move(temporary, output.target(), StandardCopyOption.ATOMIC_MOVE);
      syncDirectory(output.target().toAbsolutePath().getParent());
    }

    @Override
    public void abort() {
      closeQuietly(stream);
      try {
        Files.deleteIfExists(temporary);
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
      return stream != null ? "the partial output " + temporary : null;
    }

    @Override
    public Path stagingParent() {
      return new Path(output.target().toAbsolutePath().getParent().toUri());
    }
  }

  /** A local device, FIFO or socket: written in place, as a stream. */
  private static final class LocalStream extends OutputTarget {
    private final LocalOutput output;
    private OutputStream stream;

    LocalStream(LocalOutput output) {
      this.output = output;
    }

    @Override
    OutputStream open() throws IOException {
      stream = checkedStream(new FileOutputStream(output.target().toFile()));
      return stream;
    }

    @Override
    public void commit() throws IOException {
      stream.close(); // flushes: a write error surfaces here
    }

    @Override
    public void abort() {
      closeQuietly(stream);
    }

    @Override
    public String describe() {
      return output.given();
    }

    @Override
    public String partial() {
      return null; // written in place: what a device or FIFO took cannot be taken back
    }

    @Override
    public Path stagingParent() {
      return null;
    }
  }

  /** Temporary name, then rename: for Hadoop file systems where rename is atomic and cheap. */
  private static final class RenamedFile extends OutputTarget {
    private final FileSystem fs;
    private final Path target;
    private final Path temporary;
    private volatile FSDataOutputStream stream;

    RenamedFile(FileSystem fs, Path target, RunId run) {
      this.fs = fs;
      this.target = target;
      this.temporary = new Path(parentOf(target), run.temporaryName(target.getName()));
    }

    @Override
    OutputStream open() throws IOException {
      requireParentNotAFile(fs, target);
      stream = fs.create(temporary, true);
      return stream;
    }

    @Override
    public void commit() throws IOException {
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
    public void abort() {
      closeQuietly(stream);
      try {
        fs.delete(temporary, false);
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
      return stream != null ? "the partial output " + temporary : null;
    }

    @Override
    public Path stagingParent() {
      return parentOf(target);
    }
  }

  /** The final key, written as one upload that completes only on commit: for object stores. */
  private static final class AbortableObject extends OutputTarget {
    private final FileSystem fs;
    private final Path target;
    private volatile FSDataOutputStream stream;

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
    public void commit() throws IOException {
      stream.close(); // completes the upload: the object appears now, whole
    }

    @Override
    public void abort() {
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
    public String describe() {
      return target.toString();
    }

    @Override
    public String partial() {
      return stream != null ? "the incomplete upload to " + target : null;
    }

    @Override
    public Path stagingParent() {
      return parentOf(target);
    }
  }
}
