package io.datagen.job.leftovers;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code datagen clean}: finds the leftovers of dead runs in the given directories and removes
 * those older than a threshold, and on {@code s3a:} aborts the incomplete multipart uploads older
 * than it.
 *
 * <p>A leftover is stale when every leftover of its run (same run id, in any directory scanned) was
 * last written longer ago than the threshold: a live run keeps writing its staging files while it
 * generates and its temporary output while it assembles, so its newest write stays recent.
 */
public final class LeftoverCleaner {
  /** The default of {@code --older-than}: far longer than a live run goes without writing. */
  public static final String DEFAULT_OLDER_THAN = "1h";

  private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

  private final Configuration conf;
  private final PrintWriter out;
  private final PrintWriter err;

  public LeftoverCleaner(Configuration conf, PrintWriter out, PrintWriter err) {
    this.conf = conf;
    this.out = out;
    this.err = err;
  }

  /** A directory to scan, on its file system. */
  private record Location(FileSystem fs, Path directory) {
    String display() {
      return LeftoverCleaner.display(directory);
    }
  }

  /**
   * Cleans the given locations: directories, or names of outputs standing for the directory that
   * holds them.
   *
   * @throws DatagenException USAGE for a location that is no path or does not exist, OUTPUT for one
   *     that cannot be listed or a leftover that cannot be removed (after trying all of them)
   */
  public void clean(List<String> locations, Duration olderThan, boolean dryRun, Instant now) {
    Instant cutoff = now.minus(olderThan);
    Set<Location> directories = new LinkedHashSet<>();
    for (String location : locations) {
      directories.add(locate(location));
    }
    Map<Location, List<Leftover>> found = new java.util.LinkedHashMap<>();
    List<Leftover> all = new ArrayList<>();
    for (Location location : directories) {
      List<Leftover> here = list(location);
      found.put(location, here);
      all.addAll(here);
    }
    Set<String> liveRuns = liveRuns(all, cutoff);
    String verb = dryRun ? "would remove" : "removed";
    long removedBytes = 0;
    int removed = 0;
    int kept = 0;
    int aborted = 0;
    List<String> failures = new ArrayList<>();
    for (Map.Entry<Location, List<Leftover>> entry : found.entrySet()) {
      Location location = entry.getKey();
      boolean liveHere = false;
      for (Leftover leftover : entry.getValue()) {
        if (liveRuns.contains(leftover.name().run().id())) {
          liveHere = true;
          kept++;
          out.println(
              "kept "
                  + describe(leftover)
                  + " ("
                  + run(leftover)
                  + "): its run wrote "
                  + ago(runNewest(all, leftover), now)
                  + " ago, within --older-than "
                  + Durations.format(olderThan));
          continue;
        }
        try {
          if (!dryRun && !location.fs().delete(leftover.path(), true)) {
            throw new IOException("the file system refused to delete it");
          }
          removed++;
          removedBytes += leftover.bytes();
          out.printf(
              "%s %s (%s, last written %s ago): %,d bytes%n",
              verb,
              describe(leftover),
              run(leftover),
              ago(leftover.lastWritten(), now),
              leftover.bytes());
        } catch (IOException | RuntimeException e) {
          failures.add("Cannot remove " + display(leftover.path()) + ": " + e.getMessage());
        }
      }
      if ("s3a".equals(location.fs().getScheme())) { // hadoop-aws is needed only here
        aborted += abortUploads(location, cutoff, dryRun, liveHere, failures);
      }
    }
    out.printf(
        "datagen: %s %d leftover%s (%,d bytes)%s; kept %d younger than %s%n",
        verb,
        removed,
        removed == 1 ? "" : "s",
        removedBytes,
        aborted == 0
            ? ""
            : (dryRun ? ", would abort " : ", aborted ")
                + aborted
                + " incomplete upload"
                + (aborted == 1 ? "" : "s"),
        kept,
        Durations.format(olderThan));
    out.flush();
    if (!failures.isEmpty()) {
      failures.forEach(f -> err.println("datagen: " + f));
      err.flush();
      throw new DatagenException(
          ErrorCategory.OUTPUT,
          "Cannot clean up "
              + failures.size()
              + " of the leftovers (above); check the permissions and run datagen clean again");
    }
  }

  private int abortUploads(
      Location location, Instant cutoff, boolean dryRun, boolean liveHere, List<String> failures) {
    S3Uploads s3 = S3Uploads.of(location.fs());
    List<S3Uploads.Upload> uploads;
    try {
      uploads = s3.under(location.directory());
    } catch (IOException e) {
      failures.add(
          "Cannot list the incomplete uploads under " + location.display() + ": " + e.getMessage());
      return 0;
    }
    int aborted = 0;
    for (S3Uploads.Upload upload : uploads) {
      if (liveHere || upload.initiated().isAfter(cutoff)) {
        out.println(
            "kept incomplete upload "
                + upload.describe()
                + (liveHere
                    ? ": a live run's staging or temporary output is beside it"
                    : ": younger than --older-than"));
        continue;
      }
      try {
        if (!dryRun) {
          s3.abort(upload);
        }
        aborted++;
        out.println(
            (dryRun ? "would abort" : "aborted") + " incomplete upload " + upload.describe());
      } catch (IOException | RuntimeException e) {
        failures.add("Cannot abort upload " + upload.describe() + ": " + e.getMessage());
      }
    }
    return aborted;
  }

  /**
   * The stale leftovers in a local or Hadoop directory, by the same rule as {@link #clean} (for
   * {@code generate}'s warning).
   */
  public static List<Leftover> stale(FileSystem fs, Path directory, Instant cutoff)
      throws IOException {
    List<Leftover> here = Leftover.in(fs, directory);
    Set<String> live = liveRuns(here, cutoff);
    return here.stream().filter(l -> !live.contains(l.name().run().id())).toList();
  }

  /** Runs with any leftover written after {@code cutoff}: all of their leftovers are kept. */
  private static Set<String> liveRuns(List<Leftover> leftovers, Instant cutoff) {
    Set<String> live = new java.util.HashSet<>();
    for (Leftover leftover : leftovers) {
      if (leftover.lastWritten().isAfter(cutoff)) {
        live.add(leftover.name().run().id());
      }
    }
    return live;
  }

  private static Instant runNewest(List<Leftover> all, Leftover of) {
    Map<String, Instant> newest = new HashMap<>();
    for (Leftover leftover : all) {
      newest.merge(
          leftover.name().run().id(), leftover.lastWritten(), (a, b) -> a.isAfter(b) ? a : b);
    }
    return newest.get(of.name().run().id());
  }

  private Location locate(String location) {
    Path path;
    try {
      path =
          URI_WITH_SCHEME.matcher(location).matches()
              ? new Path(location)
              : new Path(new File(location).getAbsoluteFile().toURI());
    } catch (IllegalArgumentException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Invalid location '" + location + "': " + e.getMessage(), e);
    }
    FileSystem fs;
    try {
      fs = path.getFileSystem(conf);
      path = fs.makeQualified(path);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot clean " + location + ": " + e.getMessage(), e);
    }
    try {
      if (location.endsWith("/") || isDirectory(fs, path)) {
        return new Location(fs, path);
      }
      Path parent = path.getParent();
      if (parent != null && (parent.isRoot() || isDirectory(fs, parent))) {
        return new Location(fs, parent);
      }
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot clean " + location + ": " + e.getMessage(), e);
    }
    throw new DatagenException(
        ErrorCategory.USAGE,
        "Cannot clean "
            + location
            + ": neither it nor its parent is a directory; give the directory that holds the"
            + " outputs (the parent of -o) or the --staging location");
  }

  private static boolean isDirectory(FileSystem fs, Path path) throws IOException {
    try {
      FileStatus status = fs.getFileStatus(path);
      return status.isDirectory();
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  private List<Leftover> list(Location location) {
    try {
      return Leftover.in(location.fs(), location.directory());
    } catch (FileNotFoundException e) {
      return List.of(); // an object store's prefix with nothing under it
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot list " + location.display() + ": " + e.getMessage(), e);
    }
  }

  private static String describe(Leftover leftover) {
    LeftoverName name = leftover.name();
    String kind =
        name.kind() == LeftoverName.Kind.STAGING
            ? "staging directory"
            : "temporary output for " + name.outputName();
    return kind + " " + display(leftover.path());
  }

  private static String run(Leftover leftover) {
    RunId run = leftover.name().run();
    return run.started() == null
        ? "run " + run.id()
        : "run " + run.id() + " started " + run.started();
  }

  private static String ago(Instant then, Instant now) {
    Duration age = Duration.between(then, now);
    return Durations.format(age.isNegative() ? Duration.ZERO : age);
  }

  /** A local path as a path, anything else as its URI. */
  static String display(Path path) {
    return "file".equals(path.toUri().getScheme()) ? path.toUri().getPath() : path.toString();
  }
}
