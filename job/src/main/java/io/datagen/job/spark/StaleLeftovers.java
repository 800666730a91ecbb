package io.datagen.job.spark;

import io.datagen.job.leftovers.Durations;
import io.datagen.job.leftovers.Leftover;
import io.datagen.job.leftovers.LeftoverCleaner;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code generate}'s warning about leftovers of dead runs beside a local output (and in a local
 * staging location): one line, with the {@code datagen clean} command that removes them.
 */
final class StaleLeftovers {
  private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

  private static final int NAMES_SHOWN = 3;

  private StaleLeftovers() {}

  /**
   * The warning, or null when there is nothing stale (or the directories cannot be read: the run
   * itself reports what matters).
   */
  static String warning(
      Destination target, StagingDirectory staging, Configuration conf, Instant now) {
    Path outputDirectory = target.stagingParent();
    if (outputDirectory == null || !isLocal(outputDirectory)) {
      return null;
    }
    Set<Path> directories = new LinkedHashSet<>(); // the same directory once, however spelled
    directories.add(local(outputDirectory));
    Path stagingDirectory = staging.path().getParent();
    if (stagingDirectory != null && isLocal(stagingDirectory)) {
      directories.add(local(stagingDirectory));
    }
    Duration threshold = Durations.parse(LeftoverCleaner.DEFAULT_OLDER_THAN);
    List<Leftover> stale = new ArrayList<>();
    List<String> command = new ArrayList<>(List.of("datagen", "clean"));
    try {
      FileSystem fs = HadoopFileSystems.local(conf);
      for (Path directory : directories) {
        List<Leftover> here = LeftoverCleaner.stale(fs, directory, now.minus(threshold));
        if (!here.isEmpty()) {
          stale.addAll(here);
          command.add(quoted(directory.toString()));
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
    if (stale.isEmpty()) {
      return null;
    }
    long bytes = stale.stream().mapToLong(Leftover::bytes).sum();
    return String.format(
        "datagen: warning: %d leftover%s of dead runs (%,d bytes), last written over %s ago: %s;"
            + " remove with: %s",
        stale.size(),
        stale.size() == 1 ? "" : "s",
        bytes,
        LeftoverCleaner.DEFAULT_OLDER_THAN,
        names(stale),
        String.join(" ", command));
  }

  /** The first few names, so that the warning stays one line. */
  private static String names(List<Leftover> stale) {
    List<String> names = stale.stream().map(l -> l.path().getName()).toList();
    return names.size() <= NAMES_SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, NAMES_SHOWN))
            + " and "
            + (names.size() - NAMES_SHOWN)
            + " more";
  }

  private static boolean isLocal(Path path) {
    return "file".equals(path.toUri().getScheme());
  }

  /** A local directory as a plain, normalized path (a {@code file:} URI may end in '/'). */
  private static Path local(Path directory) {
    return new Path(java.nio.file.Path.of(directory.toUri()).normalize().toString());
  }

  private static String quoted(String path) {
    return SHELL_SAFE.matcher(path).matches() ? path : "'" + path.replace("'", "'\\''") + "'";
  }
}
