package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;

/**
 * Starts a Spark context on a cluster master and fails fast, in one line, when the cluster cannot
 * run anything: a master that cannot be reached, one that does not accept the application, or one
 * that gives it no executor (no worker, no worker with the resources asked for, or executors that
 * die before registering). Spark itself would retry a standalone registration for 60 s and then
 * leave a submitted job waiting for resources forever.
 *
 * <p>Within one timeout (the {@code generate --master-timeout} option): a TCP probe of a {@code
 * spark://} master's address(es), the context's creation (in a thread of its own, since Spark's
 * standalone client blocks the constructor while it registers), then the first executor's
 * registration with the driver. With dynamic allocation and no initial executors, executors are
 * only requested once a job runs, so that last wait is skipped.
 */
final class MasterConnection {
  /** The default of {@code --master-timeout}. */
  static final Duration DEFAULT_TIMEOUT =
      Duration.ofSeconds(SparkSetup.DEFAULT_MASTER_TIMEOUT_SECONDS);

  private MasterConnection() {}

  static boolean isLocal(String master) {
    return master.startsWith("local");
  }

  /**
   * A running context on {@code conf}'s (non-local) master with at least one executor registered.
   *
   * @throws DatagenException (generation, exit 3) naming the master when it cannot be reached,
   *     refuses the application, or gives it no executor within {@code timeout}
   */
  static JavaSparkContext start(SparkConf conf, Duration timeout) {
    String master = conf.get("spark.master");
    long deadline = System.nanoTime() + timeout.toNanos();
    if (master.startsWith("spark://")) {
      probe(master, timeout);
    }
    JavaSparkContext context = create(conf, master, timeout, deadline);
    if (context.sc().isStopped()) {
      throw failure(
          "the Spark master "
              + master
              + " ended this application while it started (Spark gave up registering with it);"
              + " check that it runs and is reachable from here, or rerun with --verbose");
    }
    if (needsExecutorAtStart(conf)) {
      awaitExecutor(context, master, timeout, deadline);
    }
    return context;
  }

  /**
   * Fails at once when no address of the master URL accepts a TCP connection; one that accepts may
   * still not be a Spark master, which the registration wait catches.
   */
  static void probe(String master, Duration timeout) {
    List<String> reasons = new ArrayList<>();
    int connectMillis = (int) Math.max(1, Math.min(timeout.toMillis(), 5_000));
    for (String hostPort : master.substring("spark://".length()).split(",")) {
      int colon = hostPort.lastIndexOf(':');
      String host = hostPort.substring(0, colon);
      int port = Integer.parseInt(hostPort.substring(colon + 1));
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), connectMillis);
        return;
      } catch (UnknownHostException e) {
        reasons.add(hostPort + ": unknown host");
      } catch (ConnectException e) {
        reasons.add(hostPort + ": connection refused");
      } catch (SocketTimeoutException e) {
        reasons.add(hostPort + ": no answer within " + connectMillis + " ms");
      } catch (NoRouteToHostException e) {
        reasons.add(hostPort + ": no route to host");
      } catch (IOException | IllegalArgumentException e) {
        reasons.add(hostPort + ": " + e.getMessage());
      }
    }
    throw failure(
        "cannot reach the Spark master "
            + master
            + " ("
            + String.join("; ", reasons)
            + "); check --master and that the master runs");
  }

  private static JavaSparkContext create(
      SparkConf conf, String master, Duration timeout, long deadline) {
    Object lock = new Object();
    boolean[] abandoned = {false};
    FutureTask<JavaSparkContext> creation =
        new FutureTask<>(
            () -> {
              JavaSparkContext context = new JavaSparkContext(conf);
              synchronized (lock) {
                if (abandoned[0]) {
                  context.stop(); // the run has already failed: do not leave it running
                }
              }
              return context;
            });
    Thread thread = new Thread(creation, "datagen-spark-start");
    thread.setDaemon(true);
    thread.start();
    try {
      return creation.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      synchronized (lock) {
        abandoned[0] = true;
      }
      if (creation.isDone()) {
        stopQuietly(creation);
      }
      throw failure(
          "the Spark master "
              + master
              + " did not register this application within "
              + seconds(timeout)
              + " (--master-timeout, which Spark's own start-up counts against): check that it is"
              + " a Spark "
              + io.datagen.job.DatagenVersion.sparkVersion()
              + " master reachable from here, or raise --master-timeout on a busy machine");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DatagenException(
          ErrorCategory.GENERATION,
          "Cannot start Spark on master " + master + ": " + rootMessage(cause),
          cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (lock) {
        abandoned[0] = true;
      }
      throw failure("interrupted while connecting to the Spark master " + master);
    }
  }

  private static void stopQuietly(FutureTask<JavaSparkContext> creation) {
    try {
      creation.get().stop();
    } catch (ExecutionException | InterruptedException | RuntimeException ignored) {
      // It failed or was stopped: nothing runs.
    }
  }

  /** Whether executors are there to wait for before any job is submitted. */
  static boolean needsExecutorAtStart(SparkConf conf) {
    if (!conf.getBoolean("spark.dynamicAllocation.enabled", false)) {
      return true;
    }
    return Math.max(
            Math.max(
                conf.getInt("spark.dynamicAllocation.minExecutors", 0),
                conf.getInt("spark.dynamicAllocation.initialExecutors", 0)),
            conf.getInt("spark.executor.instances", 0))
        > 0;
  }

  private static void awaitExecutor(
      JavaSparkContext context, String master, Duration timeout, long deadline) {
    CountDownLatch added = new CountDownLatch(1);
    SparkListener listener =
        new SparkListener() {
          @Override
          public void onExecutorAdded(SparkListenerExecutorAdded executorAdded) {
            added.countDown();
          }
        };
    context.sc().addSparkListener(listener);
    boolean ready = false;
    try {
      // The driver itself is listed too: more than one entry means an executor has registered
      // (perhaps before the listener was added).
      while (!ready && !context.sc().isStopped()) {
        long left = deadline - System.nanoTime();
        ready = context.statusTracker().getExecutorInfos().length > 1;
        if (ready || left <= 0) {
          break;
        }
        ready =
            added.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      context.sc().removeSparkListener(listener);
    }
    if (ready) {
      return;
    }
    boolean stopped = context.sc().isStopped();
    String executorMemory = context.getConf().get("spark.executor.memory", "1g");
    String executorCores = context.getConf().get("spark.executor.cores", "all of a worker's");
    context.stop();
    if (stopped) {
      throw failure(
          "the Spark master "
              + master
              + " ended this application before it had an executor (a master gives an"
              + " application up when its executors keep failing to start, see the workers'"
              + " logs); rerun with --verbose for Spark's reason");
    }
    throw failure(
        "the Spark master "
            + master
            + " gave this application no executor within "
            + seconds(timeout)
            + " (--master-timeout): no worker is registered with it, none has the free cores and"
            + " memory asked for (spark.executor.cores="
            + executorCores
            + ", spark.executor.memory="
            + executorMemory
            + "), or the executors fail to start (see the workers' logs)");
  }

  private static String seconds(Duration timeout) {
    long millis = timeout.toMillis();
    return millis % 1000 == 0
        ? (millis / 1000) + " s"
        : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static DatagenException failure(String reason) {
    return new DatagenException(
        ErrorCategory.GENERATION, Character.toUpperCase(reason.charAt(0)) + reason.substring(1));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
