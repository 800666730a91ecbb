package io.datagen.job.spark;

import io.datagen.job.plan.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The in-process engine: the groups of segments Spark would run as tasks, run by the same {@link
 * SegmentWriter} on a fixed pool of threads in this JVM, one writer (and staging file) per group as
 * per task. The results are the same SegmentResults a Spark job collects.
 */
final class InProcessSegments {
  private InProcessSegments() {}

  /**
   * The parallelism of a run: {@code -j N}'s N worker threads, else one per core (as Spark's {@code
   * local[N]} and {@code local[*]}).
   *
   * @param jobs {@code -j N}, or null
   */
  static int parallelism(Integer jobs) {
    return jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
  }

  /** Threads for a run: {@code parallelism}, and no more than there are groups to write. */
  static int threads(int groups, int parallelism) {
    return Math.max(1, Math.min(groups, parallelism));
  }

  /**
   * Writes every group and returns all their results (in group order). The first failure stops the
   * rest (running writers are interrupted, queued ones never start) and is rethrown as it was.
   */
  static List<SegmentResult> write(
      JobSettings settings, List<List<Segment>> groups, RowCounter rowsDone, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    try {
      List<Future<List<SegmentResult>>> written = new ArrayList<>(groups.size());
      for (List<Segment> group : groups) {
        written.add(pool.submit(() -> new SegmentWriter(settings, rowsDone).writeAll(group)));
      }
      List<SegmentResult> results = new ArrayList<>();
      for (Future<List<SegmentResult>> group : written) {
        results.addAll(group.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Cannot generate data: interrupted", e);
    } finally {
      // Writers still running after a failure stop between segments; their staging files go with
      // the staging directory, which the caller removes after this returns.
      pool.shutdownNow();
      awaitQuietly(pool);
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException("Cannot generate data: " + cause, cause);
  }

  private static void awaitQuietly(ExecutorService pool) {
    try {
      while (!pool.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS)) {
        // A segment in progress finishes before its writer sees the interrupt.
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger next = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "datagen-segments-" + next.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
