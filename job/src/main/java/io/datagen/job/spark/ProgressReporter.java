package io.datagen.job.spark;

import io.datagen.job.plan.Selection;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live progress of the generate stage, fed by the {@link RowCounter} that segment writers add each
 * finished segment's rows to (Spark accumulators, merged on the driver as tasks end, or the
 * in-process engine's shared counters). On a terminal it redraws one line per table (rows
 * done/total, throughput, ETA) a few times a second; otherwise it prints one summary line every few
 * seconds, so logs stay readable.
 */
final class ProgressReporter implements AutoCloseable {
  private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
  private static final Duration LOG_INTERVAL = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final boolean terminal;
  private final List<String> names = new ArrayList<>();
  private final List<Long> totals = new ArrayList<>();
  private final RowCounter rowsDone;
  private final long started = System.nanoTime();
  private final Thread ticker;
  private int linesDrawn;

  /**
   * @param rowsDone the counts to show, per table
   * @param out where to draw, or null for no progress output (the counters still count)
   */
  ProgressReporter(
      RowCounter rowsDone, Schema schema, Selection selection, PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
    this.rowsDone = rowsDone;
    for (int t = 0; t < schema.tables().size(); t++) {
      TableSpec table = schema.tables().get(t);
      if (selection.includes(table.name()) && selection.withData()) {
        names.add(table.name().toString());
        totals.add(table.rowCount());
      } else {
        names.add(null);
        totals.add(0L);
      }
    }
    Duration interval = terminal ? TERMINAL_INTERVAL : LOG_INTERVAL;
    this.ticker = new Thread(() -> tick(interval), "datagen-progress");
    ticker.setDaemon(true);
    if (out != null) {
      ticker.start();
    }
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

  private synchronized void draw(boolean last) {
    long done = 0;
    long total = 0;
    for (int t = 0; t < names.size(); t++) {
      if (names.get(t) != null) {
        done += rowsDone.value(t);
        total += totals.get(t);
      }
    }
    double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
    double rate = done / seconds;
    if (!terminal) {
      if (!last) {
        out.println(
            String.format(
                Locale.ROOT,
                "datagen: generating %s, %,.0f rows/s%s",
                fraction(done, total),
                rate,
                eta(done, total, rate)));
        out.flush();
      }
      return;
    }
    StringBuilder screen = new StringBuilder();
    if (linesDrawn > 0) {
      screen
          .append("\033[")
          .append(linesDrawn)
          .append('F'); // back to the first line drawn last time
    }
    int lines = 0;
    for (int t = 0; t < names.size(); t++) {
      if (names.get(t) == null) {
        continue;
      }
      screen.append(
          String.format(
              Locale.ROOT,
              "\033[2K  %-32s %s%n",
              names.get(t),
              fraction(rowsDone.value(t), totals.get(t))));
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
