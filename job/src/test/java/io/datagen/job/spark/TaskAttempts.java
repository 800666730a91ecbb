package io.datagen.job.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/** Test listener: what happened to task attempts (failures, speculative copies, result sizes). */
final class TaskAttempts extends SparkListener {
  private int started;
  private int speculativeStarted;
  private int speculativeSucceeded;
  private int failed;
  private int killed;
  private final List<Long> successfulResultSizes = new ArrayList<>();

  @Override
  public synchronized void onTaskStart(SparkListenerTaskStart event) {
    started++;
    if (event.taskInfo().speculative()) {
      speculativeStarted++;
    }
  }

  @Override
  public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
    if (event.taskInfo().successful()) {
      successfulResultSizes.add(event.taskMetrics().resultSize());
      if (event.taskInfo().speculative()) {
        speculativeSucceeded++;
      }
    } else if (event.taskInfo().killed()) {
      killed++;
    } else if (event.taskInfo().failed()) {
      failed++;
    }
  }

  synchronized int started() {
    return started;
  }

  synchronized int speculativeStarted() {
    return speculativeStarted;
  }

  /** Speculative copies that finished first (Spark then kills the original attempt). */
  synchronized int speculativeSucceeded() {
    return speculativeSucceeded;
  }

  synchronized int failed() {
    return failed;
  }

  synchronized int killed() {
    return killed;
  }

  synchronized long resultBytes() {
    return successfulResultSizes.stream().mapToLong(Long::longValue).sum();
  }

  synchronized int successful() {
    return successfulResultSizes.size();
  }
}
