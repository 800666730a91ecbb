package io.datagen.job.spark;

import io.datagen.job.leftovers.RunId;
import java.io.File;
import java.io.IOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One run's staging directory, {@code .datagen-staging-<run id>-<start time>} ({@link
 * io.datagen.job.leftovers.LeftoverName}) under {@code --staging} (default: beside the output).
 * Created by the driver before any task runs — executors create their files in it non-recursively —
 * and removed by the driver at the end, with every attempt's leftovers.
 */
final class StagingDirectory {
  private final Path path;
  private final Configuration conf;

  private StagingDirectory(Path path, Configuration conf) {
    this.path = path;
    this.conf = conf;
  }

  /**
   * {@code --staging} if given, else beside the output, else (stdout, a device, a FIFO) the
   * temporary directory on a local master or the working directory on a cluster.
   */
  static StagingDirectory choose(
      GenerateRequest request,
      Destination output,
      String sparkMaster,
      Configuration conf,
      RunId run) {
    String name = run.stagingName();
    if (request.staging() != null) {
      return new StagingDirectory(new Path(request.staging(), name), conf);
    }
    if (output.stagingParent() != null) {
      return new StagingDirectory(new Path(output.stagingParent(), name), conf);
    }
    if (sparkMaster.startsWith("local")) {
      return new StagingDirectory(
          new Path(new File(System.getProperty("java.io.tmpdir")).toURI().toString(), name), conf);
    }
    return new StagingDirectory(new Path(name), conf);
  }

  Path path() {
    return path;
  }

  void create() throws IOException {
    FileSystem fs = StagingFiles.fileSystem("--staging", path, conf);
    if (!fs.mkdirs(path)) {
      throw new IOException("Cannot create staging directory " + path);
    }
  }

  /** Best effort; a leftover directory is named {@code .datagen-staging-*} and safe to remove. */
  void removeQuietly() {
    try {
      HadoopFileSystems.of("--staging", path, conf).delete(path, true);
    } catch (IOException | RuntimeException ignored) {
      // The run's own outcome (success or its error) is what the user needs to see.
    }
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
