package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.apache.hadoop.util.VersionInfo;

/**
 * The Hadoop file system of a URI given on the command line. A scheme with no connector on the
 * class path is an output error that names the option, the scheme and the connector to add: Hadoop
 * itself says only "No FileSystem for scheme" or, for schemes it maps to a class of a module that
 * is not there ({@code gs}, {@code abfs}, ...), "Class ... not found".
 */
final class HadoopFileSystems {
  /**
   * Set (by {@link HadoopConf#withoutSpark}) in the configuration of a run without Spark whose
   * every location is local: its local file system is made directly, see {@link #local}.
   */
  static final String LOCAL_ONLY = "datagen.fs.local-only";

  private HadoopFileSystems() {}

  /**
   * The local file system. In a local-only run a new, uncached instance made directly: {@code
   * FileSystem.get} would first instantiate every file system its service files list (S3A, view
   * file systems ...), some of which log in through {@code UserGroupInformation}, and key its cache
   * on the login user -- a few hundred milliseconds of a small run (docs/profiling.md). It holds
   * nothing that needs closing. Otherwise Hadoop's cached instance.
   */
  static LocalFileSystem local(Configuration conf) throws IOException {
    if (!conf.getBoolean(LOCAL_ONLY, false)) {
      return FileSystem.getLocal(conf);
    }
    LocalFileSystem fs = new LocalFileSystem();
    fs.initialize(URI.create("file:///"), conf);
    return fs;
  }

  /**
   * @param option the option that named the path ({@code -o}, {@code --staging}, {@code
   *     --manifest}), for the message
   */
  static FileSystem of(String option, Path path, Configuration conf) throws IOException {
    String scheme = path.toUri().getScheme();
    if (conf.getBoolean(LOCAL_ONLY, false) && (scheme == null || "file".equals(scheme))) {
      return local(conf);
    }
    try {
      return path.getFileSystem(conf);
    } catch (UnsupportedFileSystemException e) {
      throw missingConnector(option, path, e);
    } catch (RuntimeException e) {
      if (classNotFound(e)) {
        throw missingConnector(option, path, e);
      }
      throw e;
    }
  }

  private static boolean classNotFound(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }

  private static DatagenException missingConnector(String option, Path path, Exception cause) {
    String scheme = path.toUri().getScheme();
    return new DatagenException(
        ErrorCategory.OUTPUT,
        "Cannot write "
            + option
            + " "
            + path
            + ": no Hadoop file system for scheme '"
            + scheme
            + "'; add "
            + connectorFor(scheme == null ? "" : scheme.toLowerCase(Locale.ROOT))
            + " to the class path, see docs/operations.md",
        cause);
  }

  /** The connector that Hadoop's own configuration (core-default.xml) expects for a scheme. */
  static String connectorFor(String scheme) {
    String hadoop = VersionInfo.getVersion();
    return switch (scheme) {
      case "s3a" ->
          "Hadoop's S3A connector (org.apache.hadoop:hadoop-aws:"
              + hadoop
              + " with the AWS SDK v2 modules it needs)";
      case "gs" ->
          "Hadoop's Google Cloud Storage connector (org.apache.hadoop:hadoop-gcp:" + hadoop + ")";
      case "abfs", "abfss", "wasb", "wasbs" ->
          "Hadoop's Azure connector (org.apache.hadoop:hadoop-azure:" + hadoop + ")";
      default -> "a Hadoop connector for '" + scheme + "'";
    };
  }
}
