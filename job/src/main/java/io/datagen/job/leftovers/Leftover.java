package io.datagen.job.leftovers;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A staging directory or temporary output found on a file system, with what it holds.
 *
 * @param path where it is
 * @param name its parsed name (kind, run id, start time)
 * @param bytes the size of its files
 * @param lastWritten when it was last written: its modification time (a file) or the newest of its
 *     files' (a directory; an empty one: its run's start time), never before its run's start time
 */
public record Leftover(Path path, LeftoverName name, long bytes, Instant lastWritten) {
  public Leftover {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lastWritten, "lastWritten");
  }

  /**
   * The leftovers directly inside {@code directory} (not below it), in name order.
   *
   * @throws FileNotFoundException if {@code directory} does not exist
   */
  public static List<Leftover> in(FileSystem fs, Path directory) throws IOException {
    List<Leftover> found = new ArrayList<>();
    for (FileStatus entry : fs.listStatus(directory)) {
      var name = LeftoverName.parse(entry.getPath().getName());
      if (name.isPresent()) {
        Leftover leftover = measure(fs, entry, name.get());
        if (leftover != null) {
          found.add(leftover);
        }
      }
    }
    found.sort(Comparator.comparing(l -> l.path().getName()));
    return found;
  }

  /** Null when it disappeared while being measured (its run ended and removed it). */
  private static Leftover measure(FileSystem fs, FileStatus entry, LeftoverName name)
      throws IOException {
    Instant started = name.run().started();
    long newest = entry.isFile() ? entry.getModificationTime() : Long.MIN_VALUE;
    long bytes = entry.isFile() ? entry.getLen() : 0;
    if (entry.isDirectory()) {
      try {
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(entry.getPath(), true);
        while (files.hasNext()) {
          LocatedFileStatus file = files.next();
          bytes += file.getLen();
          newest = Math.max(newest, file.getModificationTime());
        }
      } catch (FileNotFoundException gone) {
        return null;
      }
      if (newest == Long.MIN_VALUE) {
        // An empty directory: its run's start, else its own time. (An object store's directory has
        // no time of its own: S3A reports the time of the listing.)
        newest = started != null ? started.toEpochMilli() : entry.getModificationTime();
      }
    }
    Instant lastWritten = Instant.ofEpochMilli(newest);
    if (started != null && started.isAfter(lastWritten)) {
      lastWritten = started;
    }
    return new Leftover(entry.getPath(), name, bytes, lastWritten);
  }
}
