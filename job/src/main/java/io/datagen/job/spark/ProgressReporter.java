package io.datagen.job.spark;

import io.datagen.job.plan.Selection;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Live progress of the generate stage, fed by the {@link RowCounter} that segment writers add
 * generated rows to every {@value SegmentWriter#PROGRESS_BATCH_ROWS} rows: the in-process engine's
 * shared counters, read as they are, or one Spark accumulator per table. Spark merges a task's
 * counts into the driver's accumulator only when the task ends; while it runs, the executor's
 * heartbeats (every {@code spark.executor.heartbeatInterval}, which {@link SparkSetup} shortens)
 * carry its count so far, which a listener keeps per running task attempt. A table's rows done are
 * the merged count plus the running attempts' counts (at most its row count).
 *
 * <p>On a terminal it redraws one line per table (rows done/total) and a total line (throughput,
 * ETA) a few times a second; otherwise it prints one line every few seconds, so logs stay readable:
 * the total, throughput, ETA, and how far each unfinished table is.
 */
final class ProgressReporter implements AutoCloseable {
  private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

  /** How many unfinished tables a log line names (the rest are counted). */
  static final int LOG_TABLES = 8;

  private final PrintWriter out;
  private final boolean terminal;
  private final List<String> names = new ArrayList<>();
  private final List<Long> totals = new ArrayList<>();
  private final RowCounter rowsDone;
  private final int tableCount;
  private final long started = System.nanoTime();
  private final Thread ticker;
  private int linesDrawn;

  /** Table index by accumulator id. */
  private final Map<Long, Integer> tableOfAccumulator = new HashMap<>();

  /** Per running task attempt (by task id), its rows so far per table, from heartbeats. */
  private final Map<Long, long[]> running = new HashMap<>();

  /** Task attempts that have ended: a heartbeat that comes late must not bring them back. */
  private final Set<Long> ended = new HashSet<>();

  /** The Spark context whose heartbeats are read, or null in process. */
  private final SparkContext spark;

  private final SparkListener listener = new Listener();

  /**
   * @param rowsDone the counts to show, per table (by schema position)
   * @param spark the context the accumulators of {@code rowsDone} belong to, or null in process
   * @param out where to draw, or null for no progress output (the counters still count)
   */
  ProgressReporter(
      RowCounter rowsDone,
      JavaSparkContext spark,
      Schema schema,
      Selection selection,
      PrintWriter out,
      boolean terminal) {
    this(
        rowsDone,
        spark,
        schema,
        selection,
        out,
        terminal,
        terminal ? TERMINAL_INTERVAL : LOG_INTERVAL);
  }

  /**
   * @param interval how often to draw
   */
  ProgressReporter(
      RowCounter rowsDone,
      JavaSparkContext spark,
      Schema schema,
      Selection selection,
      PrintWriter out,
      boolean terminal,
      Duration interval) {
    this.out = out;
    this.terminal = terminal;
    this.spark = spark == null ? null : spark.sc();
    this.rowsDone = rowsDone;
    this.tableCount = schema.tables().size();
    if (rowsDone instanceof RowCounter.Accumulators accumulators) {
      for (int t = 0; t < tableCount; t++) {
        tableOfAccumulator.put(accumulators.perTable()[t].id(), t);
      }
    }
    for (int t = 0; t < tableCount; t++) {
      TableSpec table = schema.tables().get(t);
      if (selection.includes(table.name()) && selection.withData()) {
        names.add(table.name().toString());
        totals.add(table.rowCount());
      } else {
        names.add(null);
        totals.add(0L);
      }
    }
    this.ticker = new Thread(() -> tick(interval), "datagen-progress");
    ticker.setDaemon(true);
    if (out != null) {
      if (this.spark != null) {
        this.spark.addSparkListener(listener);
      }
      ticker.start();
    }
  }

  /** Reads running attempts' row counts from heartbeats, and forgets them when attempts end. */
  private final class Listener extends SparkListener {
    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
      for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task :
          CollectionConverters.asJava(update.accumUpdates())) {
        long taskId = (Long) task._1();
        for (AccumulableInfo info : CollectionConverters.asJava(task._4())) {
          Integer table = tableOfAccumulator.get(info.id());
          if (table != null && info.update().isDefined()) {
            taskRows(taskId, table, ((Number) info.update().get()).longValue());
          }
        }
      }
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
      taskEnded(taskEnd.taskInfo().taskId());
    }
  }

  /** A running task attempt has generated {@code rows} rows of table {@code table} so far. */
  synchronized void taskRows(long taskId, int table, long rows) {
    if (!ended.contains(taskId)) {
      running.computeIfAbsent(taskId, id -> new long[tableCount])[table] = rows;
    }
  }

  /**
   * A task attempt ended: if it succeeded, Spark has merged its count into the accumulators; if it
   * failed, its rows do not count.
   */
  synchronized void taskEnded(long taskId) {
    ended.add(taskId);
    running.remove(taskId);
  }

  /** Rows of table {@code t} generated so far: by ended attempts, and running ones. */
  synchronized long rowsOf(int t) {
    long rows = rowsDone.value(t);
    for (long[] task : running.values()) {
      rows += task[t];
    }
    return Math.min(rows, totals.get(t));
  }

  private void tick(Duration interval) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        Thread.sleep(interval.toMillis());
        draw(false);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One log line: total rows, throughput, ETA, then how many tables are complete and how far the
   * others are, e.g. {@code datagen: generating 12,288/30,000 rows ( 41%), 6,144 rows/s, ETA 3 s;
   * tables complete 1/3, posts 9,000/10,000 (90%), comments 0/10,000 (0%)}.
   */
  synchronized String logLine() {
    long[] rows = new long[tableCount];
    long done = 0;
    long total = 0;
    int tables = 0;
    int complete = 0;
    for (int t = 0; t < tableCount; t++) {
      if (names.get(t) != null) {
        rows[t] = rowsOf(t);
        done += rows[t];
        total += totals.get(t);
        tables++;
        complete += rows[t] >= totals.get(t) ? 1 : 0;
      }
    }
    double rate = done / elapsedSeconds();
    StringBuilder line =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "datagen: generating %s, %,.0f rows/s%s; tables complete %d/%d",
                fraction(done, total),
                rate,
                eta(done, total, rate),
                complete,
                tables));
    int named = 0;
    for (int t = 0; t < tableCount; t++) {
      if (names.get(t) == null || rows[t] >= totals.get(t)) {
        continue;
      }
      if (named == LOG_TABLES) {
        line.append(", ").append(tables - complete - named).append(" more");
        break;
      }
      line.append(", ").append(names.get(t)).append(' ').append(fraction(rows[t], totals.get(t)));
      named++;
    }
    return line.toString();
  }

  private double elapsedSeconds() {
    return Math.max(1e-3, (System.nanoTime() - started) / 1e9);
  }

  private synchronized void draw(boolean last) {
    if (!terminal) {
      if (!last) {
        out.println(logLine());
        out.flush();
      }
      return;
    }
    long done = 0;
    long total = 0;
    for (int t = 0; t < tableCount; t++) {
      if (names.get(t) != null) {
        done += rowsOf(t);
        total += totals.get(t);
      }
    }
    double rate = done / elapsedSeconds();
    StringBuilder screen = new StringBuilder();
    if (linesDrawn > 0) {
      screen
          .append("\033[")
          .append(linesDrawn)
          .append('F'); // back to the first line drawn last time
    }
    int lines = 0;
    for (int t = 0; t < tableCount; t++) {
      if (names.get(t) == null) {
        continue;
      }
      screen.append(
          String.format(
              Locale.ROOT,
              "\033[2K  %-32s %s%n",
              names.get(t),
              fraction(rowsOf(t), totals.get(t))));
      lines++;
    }
    screen.append(
        String.format(
            Locale.ROOT,
            "\033[2K  %-32s %s, %,.0f rows/s%s%n",
            "total",
            fraction(done, total),
            rate,
            last ? "" : eta(done, total, rate)));
    lines++;
    linesDrawn = lines;
    out.print(screen);
    out.flush();
  }

  private static String fraction(long done, long total) {
    double percent = total == 0 ? 100 : 100.0 * done / total;
    return String.format(Locale.ROOT, "%,d/%,d rows (%3.0f%%)", done, total, percent);
  }

  private static String eta(long done, long total, double rate) {
    if (done == 0 || done >= total || rate <= 0) {
      return "";
    }
    long seconds = Math.round((total - done) / rate);
    return seconds < 60
        ? ", ETA " + seconds + " s"
        : String.format(Locale.ROOT, ", ETA %d min %02d s", seconds / 60, seconds % 60);
  }

  @Override
  public void close() {
    if (out == null) {
      return;
    }
    if (spark != null) {
      spark.removeSparkListener(listener);
    }
    ticker.interrupt();
    try {
      ticker.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (terminal) {
      draw(true);
    }
  }
}
