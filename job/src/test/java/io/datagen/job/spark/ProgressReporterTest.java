package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.Segment;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.Selection;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.schema.Schema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.util.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress moves while segments are generated: executors count rows every {@value
 * SegmentWriter#PROGRESS_BATCH_ROWS}, a running task's count reaches the display through executor
 * heartbeats, an ended task's count is the merged accumulator's (not added twice), and a failed
 * task's rows stop counting. Tasks here hold still on latches, so what the display shows while a
 * task runs is known without timing.
 */
class ProgressReporterTest {
  private static final long ROWS = 10_000;
  private static JavaSparkContext spark;
  private static Schema schema;

  /** Opened by the test to let the tasks that count and wait go on. */
  private static final CountDownLatch RELEASE_SUCCEEDING = new CountDownLatch(1);

  private static final CountDownLatch RELEASE_FAILING = new CountDownLatch(1);

  @BeforeAll
  static void start() {
    spark = SparkTestSupport.start("local[2]", Map.of("spark.executor.heartbeatInterval", "100ms"));
    schema =
        SchemaInput.load(SparkTestSupport.resource("/e2e/blog-core.json").toString(), ROWS, null);
    assertThat(schema.tables()).hasSizeGreaterThanOrEqualTo(3);
  }

  @AfterAll
  static void stop() {
    RELEASE_SUCCEEDING.countDown();
    RELEASE_FAILING.countDown();
    if (spark != null) {
      spark.stop();
    }
  }

  /**
   * Opens when a heartbeat carries {@code rows} for {@code accumulator}, or when a task ends; added
   * after the reporter's listener, so the reporter has seen the event by then.
   */
  private static final class Events extends SparkListener {
    private final long accumulator;
    private final long rows;
    final CountDownLatch heartbeat = new CountDownLatch(1);
    final CountDownLatch taskEnd = new CountDownLatch(1);

    Events(LongAccumulator accumulator, long rows) {
      this.accumulator = accumulator.id();
      this.rows = rows;
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
      CollectionConverters.asJava(update.accumUpdates())
          .forEach(
              task -> {
                for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
                  if (info.id() == accumulator
                      && info.update().exists(v -> ((Number) v).longValue() == rows)) {
                    heartbeat.countDown();
                  }
                }
              });
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      this.taskEnd.countDown();
    }
  }

  private static void await(CountDownLatch latch, String what) throws InterruptedException {
    assertThat(latch.await(5, TimeUnit.MINUTES)).as(what).isTrue();
  }

  private static String name(int table) {
    return schema.tables().get(table).name().toString();
  }

  @Test
  void aRunningTaskCountsBeforeItEndsOnceAfterAndAFailedOneNotAtAll() throws Exception {
    Selection selection = SelectionRequest.ALL.resolve(schema);
    int tables = schema.tables().size();
    long total = ROWS * tables;
    RowCounter.Accumulators counter =
        (RowCounter.Accumulators) RowCounter.accumulators(spark, schema);
    try (ProgressReporter reporter =
        new ProgressReporter(
            counter,
            spark,
            schema,
            selection,
            new PrintWriter(new StringWriter()),
            false,
            Duration.ofDays(1))) {
      LongAccumulator[] rows = counter.perTable();
      StringBuilder expected =
          new StringBuilder(
              String.format(
                  java.util.Locale.ROOT,
                  "datagen: generating 0/%,d rows (  0%%), 0 rows/s; tables complete 0/%d",
                  total,
                  tables));
      for (int t = 0; t < Math.min(tables, ProgressReporter.LOG_TABLES); t++) {
        expected.append(", ").append(name(t)).append(" 0/10,000 rows (  0%)");
      }
      if (tables > ProgressReporter.LOG_TABLES) {
        expected.append(", ").append(tables - ProgressReporter.LOG_TABLES).append(" more");
      }
      assertThat(reporter.logLine()).isEqualTo(expected.toString());

      // A task that has generated 5,000 rows of the second table, and holds still.
      Events succeeding = new Events(rows[1], 5_000);
      spark.sc().addSparkListener(succeeding);
      LongAccumulator second = rows[1];
      JavaFutureAction<Void> running =
          spark
              .parallelize(List.of(1), 1)
              .foreachAsync(
                  x -> {
                    second.add(5_000);
                    RELEASE_SUCCEEDING.await();
                  });
      await(succeeding.heartbeat, "a heartbeat with the running task's count");
      assertThat(rows[1].value()).as("merged only when the task ends").isZero();
      String line = reporter.logLine();
      assertThat(line)
          .startsWith(
              String.format(java.util.Locale.ROOT, "datagen: generating 5,000/%,d rows", total))
          .contains(", ETA ")
          .contains("; tables complete 0/" + tables)
          .contains(", " + name(1) + " 5,000/10,000 rows ( 50%)")
          .contains(", " + name(0) + " 0/10,000 rows (  0%)");
      RELEASE_SUCCEEDING.countDown();
      running.get();
      await(succeeding.taskEnd, "the task's end");
      spark.sc().removeSparkListener(succeeding);
      assertThat(rows[1].value()).isEqualTo(5_000);
      assertThat(reporter.logLine())
          .as("counted once: the merged value replaces the heartbeat's")
          .contains(", " + name(1) + " 5,000/10,000 rows ( 50%)")
          .startsWith(
              String.format(java.util.Locale.ROOT, "datagen: generating 5,000/%,d rows", total));

      // A task that counts 3,000 rows of the third table, then fails.
      Events failing = new Events(rows[2], 3_000);
      spark.sc().addSparkListener(failing);
      LongAccumulator third = rows[2];
      JavaFutureAction<Void> doomed =
          spark
              .parallelize(List.of(1), 1)
              .foreachAsync(
                  x -> {
                    third.add(3_000);
                    RELEASE_FAILING.await();
                    throw new IllegalStateException("fails on purpose");
                  });
      await(failing.heartbeat, "a heartbeat with the failing task's count");
      assertThat(reporter.logLine()).contains(", " + name(2) + " 3,000/10,000 rows ( 30%)");
      RELEASE_FAILING.countDown();
      assertThatThrownBy(doomed::get).isInstanceOf(ExecutionException.class);
      await(failing.taskEnd, "the failed task's end");
      spark.sc().removeSparkListener(failing);
      assertThat(rows[2].value()).isZero();
      assertThat(reporter.logLine())
          .as("a failed attempt's rows no longer count")
          .contains(", " + name(2) + " 0/10,000 rows (  0%)")
          .startsWith(
              String.format(java.util.Locale.ROOT, "datagen: generating 5,000/%,d rows", total));
    }
  }

  @Test
  void completeTablesAreCountedAndOnlyUnfinishedOnesNamed() {
    Selection selection = SelectionRequest.ALL.resolve(schema);
    int tables = schema.tables().size();
    RowCounter counter = RowCounter.inProcess(tables);
    try (ProgressReporter reporter =
        new ProgressReporter(counter, null, schema, selection, null, false, Duration.ofDays(1))) {
      counter.add(0, ROWS);
      reporter.taskRows(7, 1, 2_000);
      String line = reporter.logLine();
      assertThat(line)
          .contains("; tables complete 1/" + tables + ", ")
          .doesNotContain(name(0) + " ")
          .contains(name(1) + " 2,000/10,000 rows ( 20%)");
      reporter.taskEnded(7);
      reporter.taskRows(7, 1, 4_000); // a heartbeat that arrives after the task's end
      assertThat(reporter.logLine()).contains(name(1) + " 0/10,000 rows (  0%)");
    }
  }

  @Test
  void executorsCountEveryBatchAndTheRestOfTheSegment(@TempDir Path staging) {
    Selection selection = SelectionRequest.ALL.resolve(schema);
    JobSettings settings =
        new JobSettings(
            schema,
            selection,
            1,
            RunClock.SEEDED_EPOCH,
            OutputFormat.CUSTOM,
            CompressionOption.DEFAULT_GZIP,
            100,
            staging.toUri().toString(),
            new HadoopConf(new Configuration()));
    Segment first = SegmentPlanner.segments(schema, selection, ROWS).get(0);
    assertThat(first.rowCount()).isEqualTo(ROWS);
    LongAccumulator[] rows = new LongAccumulator[schema.tables().size()];
    for (int t = 0; t < rows.length; t++) {
      rows[t] = new LongAccumulator();
    }
    new SegmentWriter(settings, new RowCounter.Accumulators(rows)).writeAll(List.of(first));
    LongAccumulator counted = rows[first.tableIndex()];
    assertThat(counted.value()).isEqualTo(ROWS);
    // 10,000 rows: two batches of 4,096 and the remaining 1,808.
    assertThat(counted.count()).isEqualTo(3);
    assertThat(counted.value() - (counted.count() - 1) * SegmentWriter.PROGRESS_BATCH_ROWS)
        .isEqualTo(1_808);
  }
}
