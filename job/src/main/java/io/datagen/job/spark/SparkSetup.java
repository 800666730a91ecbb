package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Creates the Spark context. Under {@code spark-submit} the master and everything else come from
 * the submitter; a plain {@code java} launch (the laptop case) gets an embedded {@code local[*]}
 * Spark bound to loopback, with the web UI off.
 */
public final class SparkSetup {
  public static final String APP_NAME = "datagen";

  /**
   * How long, by default, a cluster master may take to accept the application and give it a first
   * executor ({@code generate --master-timeout}).
   */
  public static final int DEFAULT_MASTER_TIMEOUT_SECONDS = 30;

  /**
   * The system property through which the laptop launcher ({@code submit/datagen}) names the thin
   * cluster jar (datagen and its libraries, no Spark) beside the jar it runs.
   */
  static final String CLUSTER_JAR_PROPERTY = "datagen.cluster.jar";

  /** The context this class started last, reused while it runs (one SparkContext per JVM). */
  private static JavaSparkContext current;

  private SparkSetup() {}

  /**
   * On a cluster master, executors run in JVMs of their own with only the cluster's Spark on their
   * class path: datagen's classes must reach them as a jar. spark-submit sets {@code spark.jars} to
   * the application jar; a driver started by the launcher sets it here to the thin cluster jar the
   * launcher names. A {@code spark.jars} already given (spark-submit's, or the user's) is kept;
   * with neither, nothing is added (an embedding application ships its own jars).
   *
   * @param clusterJar the thin cluster jar's path, or null when not launched by the launcher
   * @throws DatagenException USAGE when the launcher names a jar that is missing
   */
  static void shipClusterJar(SparkConf conf, String clusterJar) {
    if (clusterJar == null || clusterJar.isBlank() || conf.contains("spark.jars")) {
      return;
    }
    Path jar = Path.of(clusterJar).toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Cannot run on "
              + conf.get("spark.master")
              + ": its executors need datagen's cluster jar "
              + jar
              + ", which is missing; build it with 'mvn -DskipTests package' (or run"
              + " submit/install again)");
    }
    conf.set("spark.jars", jar.toUri().toString());
  }

  /**
   * A context for one run: the one already running in this JVM if {@link #start} made it (an
   * embedding application or a test owns it, so the run must not stop it), else a new one that the
   * run owns and stops.
   */
  public record Lease(JavaSparkContext context, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        context.stop();
      }
    }
  }

  public static synchronized Lease lease(String masterOverride) {
    return lease(masterOverride, MasterConnection.DEFAULT_TIMEOUT);
  }

  /**
   * @param masterTimeout how long a cluster master may take to accept the application and give it a
   *     first executor (see {@link #start(String, Duration)})
   */
  public static synchronized Lease lease(String masterOverride, Duration masterTimeout) {
    if (current != null && !current.sc().isStopped()) {
      return new Lease(current, false);
    }
    return new Lease(start(masterOverride, masterTimeout), true);
  }

  /**
   * @param masterOverride a master URL given on datagen's command line (e.g. {@code local[2]}), or
   *     null to use spark-submit's or the local default
   */
  public static JavaSparkContext start(String masterOverride) {
    return start(masterOverride, MasterConnection.DEFAULT_TIMEOUT);
  }

  /**
   * Like {@link #start(String)}; on a cluster master, fails within {@code masterTimeout} with a
   * one-line {@link io.datagen.job.DatagenException} (exit code 3) naming the master when it cannot
   * be reached, does not accept the application, or gives it no executor.
   */
  public static JavaSparkContext start(String masterOverride, Duration masterTimeout) {
    SparkConf conf = new SparkConf(true).setAppName(APP_NAME);
    if (masterOverride != null) {
      conf.setMaster(masterOverride);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    // Progress counts a running task's rows from its executor's heartbeats (ProgressReporter):
    // Spark's default of one every 10 s would leave the display still for that long.
    conf.setIfMissing(
        "spark.executor.heartbeatInterval",
        conf.get("spark.master").startsWith("local") ? "1s" : "3s");
    // Segments are small metadata; a task result is never large. Keep failures quick to surface.
    conf.setIfMissing("spark.task.maxFailures", "4");
    String master = conf.get("spark.master");
    if (!MasterConnection.isLocal(master)) {
      shipClusterJar(conf, System.getProperty(CLUSTER_JAR_PROPERTY));
    }
    JavaSparkContext context =
        MasterConnection.isLocal(master)
            ? new JavaSparkContext(conf)
            : MasterConnection.start(conf, masterTimeout);
    synchronized (SparkSetup.class) {
      current = context;
    }
    return context;
  }
}
