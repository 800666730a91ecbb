package io.datagen.job.spark;

import io.datagen.archive.directory.DirectoryOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * TEST-ONLY switches that make task attempts misbehave, so the tests can show that retries,
 * speculative attempts and killed runs never change or corrupt an archive. Read from the job's
 * local properties ({@code setLocalProperty}, per job), else from the Spark configuration (which
 * reaches executors in other JVMs); all off unless set. Not for users.
 *
 * <ul>
 *   <li>{@value #FAIL_FIRST_ATTEMPT} = N: the first attempt of every task whose partition id is a
 *       multiple of N fails after writing (and flushing) the first piece of its staging file.
 *   <li>{@value #SLOW_FIRST_ATTEMPT_MILLIS} = M: the first attempt of partition 0 sleeps M ms after
 *       writing its first piece, so speculation starts a second attempt that finishes first.
 *   <li>{@value #PAUSE_BEFORE_COMMIT_MILLIS} = M: the driver sleeps M ms after the archive is fully
 *       written under its temporary name, before making it visible (to kill a run there).
 *   <li>{@value #FAIL_OUTPUT_AFTER_BYTES} = B: the driver's archive stream fails once B bytes have
 *       been written (a full disk, a lost connection to the store mid-upload).
 * </ul>
 */
final class FaultInjection {
  static final String FAIL_FIRST_ATTEMPT = "spark.datagen.test.failFirstAttempt";
  static final String SLOW_FIRST_ATTEMPT_MILLIS = "spark.datagen.test.slowFirstAttemptMillis";
  static final String PAUSE_BEFORE_COMMIT_MILLIS = "spark.datagen.test.pauseBeforeCommitMillis";
  static final String FAIL_OUTPUT_AFTER_BYTES = "spark.datagen.test.failOutputAfterBytes";

  private final int failEvery;
  private final long slowMillis;

  private FaultInjection(int failEvery, long slowMillis) {
    this.failEvery = failEvery;
    this.slowMillis = slowMillis;
  }

  /** The switches as the executor running this task sees them; none outside a Spark task. */
  static FaultInjection forCurrentTask() {
    TaskContext task = TaskContext.get();
    SparkEnv env = SparkEnv.get();
    if (env == null || task == null) {
      return new FaultInjection(0, 0);
    }
    return new FaultInjection(
        (int) setting(task, env.conf(), FAIL_FIRST_ATTEMPT),
        setting(task, env.conf(), SLOW_FIRST_ATTEMPT_MILLIS));
  }

  private static long setting(TaskContext task, SparkConf conf, String key) {
    String local = task.getLocalProperty(key);
    return local != null ? Long.parseLong(local) : conf.getLong(key, 0);
  }

  /** Called after each piece is written (and before the next one starts). */
  void afterPiece(int piecesWritten, FSDataOutputStream out) throws IOException {
    TaskContext task = TaskContext.get();
    if (piecesWritten != 1 || task == null || task.attemptNumber() != 0) {
      return;
    }
    if (failEvery > 0 && task.partitionId() % failEvery == 0) {
      out.hflush(); // the partial staging file really exists, as after a crash mid-write
      throw new IllegalStateException(
          "Injected failure ("
              + FAIL_FIRST_ATTEMPT
              + ") in partition "
              + task.partitionId()
              + ", attempt "
              + task.attemptNumber()
              + ", after writing a piece");
    }
    if (slowMillis > 0 && task.partitionId() == 0) {
      out.hflush();
      try {
        Thread.sleep(slowMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt(); // killed as the losing speculative attempt
        throw new IllegalStateException("Slow attempt interrupted", e);
      }
    }
  }

  /** Driver side: the pause between a complete temporary archive and its commit. */
  static void pauseBeforeCommit(SparkConf conf) {
    long millis = conf.getLong(PAUSE_BEFORE_COMMIT_MILLIS, 0);
    if (millis > 0) {
      System.err.println(
          "datagen: [test] archive complete under its temporary name; pausing "
              + millis
              + " ms before commit");
      System.err.flush();
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Driver side: {@code out}, or a stream that fails after the configured number of bytes. */
  static OutputStream failingAfter(JavaSparkContext spark, OutputStream out) {
    long limit = outputLimit(spark);
    return limit <= 0 ? out : failingAfter(limit, new long[1], out);
  }

  /**
   * Driver side: a directory archive's files, or files that fail once the configured number of
   * bytes has been written into all of them together.
   */
  static DirectoryOutput failingAfter(JavaSparkContext spark, DirectoryOutput files) {
    long limit = outputLimit(spark);
    if (limit <= 0) {
      return files;
    }
    long[] written = new long[1];
    return name -> failingAfter(limit, written, files.create(name));
  }

  private static long outputLimit(JavaSparkContext spark) {
    String local = spark.getLocalProperty(FAIL_OUTPUT_AFTER_BYTES);
    return local != null
        ? Long.parseLong(local)
        : spark.getConf().getLong(FAIL_OUTPUT_AFTER_BYTES, 0);
  }

  /** {@code out}, failing once {@code written[0]} would pass {@code limit}. */
  private static OutputStream failingAfter(long limit, long[] counter, OutputStream out) {
    return new FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (counter[0] + len > limit) {
          throw new IOException(
              "Injected failure (" + FAIL_OUTPUT_AFTER_BYTES + ") after " + counter[0] + " bytes");
        }
        out.write(b, off, len);
        counter[0] += len;
      }

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }
    };
  }
}
