package io.datagen.job.spark;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Knows which attempts of the generate job are still running. When {@code collect} returns, Spark
 * has a result for every partition, but the losing copies of speculated tasks (and attempts on
 * executors being lost) may still be writing staging files. The staging directory is removed only
 * once every attempt has ended, so no straggler writes into it afterwards.
 *
 * <p>The job is recognised by its job group; events arrive on Spark's listener bus in order, so
 * once the job's end has been seen, every attempt that will ever start has been counted.
 */
final class AttemptTracker extends SparkListener {
  /** The local property that carries {@code setJobGroup}'s id into job events. */
  private static final String JOB_GROUP_PROPERTY = "spark.jobGroup.id";

  private final String jobGroup = "datagen-generate-" + UUID.randomUUID();
  private final Set<Integer> stageIds = new HashSet<>();
  private boolean submitted;
  private int jobId = -1;
  private boolean jobEnded;
  private int running;

  String jobGroup() {
    return jobGroup;
  }

  /** Called just before the job is submitted; until then there is nothing to wait for. */
  synchronized void jobSubmitted() {
    submitted = true;
  }

  @Override
  public synchronized void onJobStart(SparkListenerJobStart event) {
    if (event.properties() != null
        && jobGroup.equals(event.properties().getProperty(JOB_GROUP_PROPERTY))) {
      jobId = event.jobId();
      stageIds.addAll(
          CollectionConverters.asJava(event.stageIds()).stream().map(id -> (Integer) id).toList());
    }
  }

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart event) {
    if (stageIds.contains(event.stageId())) {
      running++;
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    if (stageIds.contains(event.stageId())) {
      running--;
      notifyAll();
    }
  }

  @Override
  public synchronized void onJobEnd(SparkListenerJobEnd event) {
    if (event.jobId() == jobId) {
      jobEnded = true;
      notifyAll();
    }
  }

  /**
   * Waits until the job (if it was submitted) has ended and none of its attempts runs any more.
   *
   * @return true if so, false if {@code timeout} passed first
   */
  synchronized boolean awaitAllAttemptsEnded(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (submitted && !(jobEnded && running <= 0)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      try {
        wait(Math.max(1, left / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
