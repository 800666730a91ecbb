package io.datagen.bench;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.encode.CopyRowSink;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.compile.TableGenerators;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.Segment;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaLoader;
import io.datagen.job.schema.TableSpec;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures raw row generation: every table of a schema rendered as COPY text on the calling thread,
 * segment by segment into one reused buffer that is cleared before each segment and then discarded
 * — what an executor does before compressing a piece (see {@code SegmentWriter}), without the
 * compression and the staging write. A warm-up pass (up to {@link #WARM_UP_ROWS} rows of each
 * table) runs first so the JIT has compiled the hot paths.
 */
public final class RawGeneration {
  /** Rows of each table generated, and thrown away, before measuring. */
  static final long WARM_UP_ROWS = 1_000_000;

  /** One table's raw generation on the calling thread. */
  public record Result(String table, long rows, long bytes, long nanos) {
    public double megabytesPerSecond() {
      return bytes / 1e6 / (nanos / 1e9);
    }
  }

  private RawGeneration() {}

  /**
   * Generates every table of the schema file as COPY text into a reused buffer that is discarded,
   * on the calling thread, after a warm-up pass; rowsOverride null = the schema's row counts.
   */
  public static List<Result> measure(Path schemaFile, long seed, Long rowsOverride)
      throws IOException {
    List<Result> results = new ArrayList<>();
    for (Measurement measurement : measureWithCpuTime(schemaFile, seed, rowsOverride)) {
      results.add(measurement.result());
    }
    return results;
  }

  /**
   * A {@link Result} with the CPU time the generating thread used: on a machine shared with other
   * work the wall time also counts the time other processes had the core.
   */
  record Measurement(Result result, long cpuNanos) {
    double megabytesPerCpuSecond() {
      return result.bytes() / 1e6 / (cpuNanos / 1e9);
    }
  }

  static List<Measurement> measureWithCpuTime(Path schemaFile, long seed, Long rowsOverride)
      throws IOException {
    if (!Files.isReadable(schemaFile)) {
      throw new NoSuchFileException(
          schemaFile.toString(), null, "cannot read the schema file; check the path");
    }
    SchemaLoader loader =
        rowsOverride == null
            ? new SchemaLoader()
            : new SchemaLoader().withRowCountOverride(rowsOverride);
    Schema schema = loader.load(schemaFile).schema();
    List<Segment> segments = SegmentPlanner.segments(schema, SegmentPlanner.DEFAULT_SEGMENT_ROWS);
    TextBuffer buffer = new TextBuffer(1 << 20);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    List<Measurement> results = new ArrayList<>();
    for (int t = 0; t < schema.tables().size(); t++) {
      TableSpec table = schema.tables().get(t);
      TableRowGenerator generator =
          TableGenerators.create(schema, table.name(), seed, RunClock.SEEDED_EPOCH);
      List<Segment> own = new ArrayList<>();
      for (Segment segment : segments) {
        if (segment.tableIndex() == t) {
          own.add(segment);
        }
      }
      generate(generator, own, buffer, WARM_UP_ROWS);
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      long bytes = generate(generator, own, buffer, Long.MAX_VALUE);
      long nanos = System.nanoTime() - start;
      long cpuNanos = threads.getCurrentThreadCpuTime() - cpuStart;
      results.add(
          new Measurement(
              new Result(table.name().toString(), table.rowCount(), bytes, nanos), cpuNanos));
    }
    return results;
  }

  /** Generates the segments (at most {@code rowLimit} rows in all); returns the bytes written. */
  private static long generate(
      TableRowGenerator generator, List<Segment> segments, TextBuffer buffer, long rowLimit) {
    long bytes = 0;
    long rowsLeft = rowLimit;
    CopyRowSink sink = new CopyRowSink(buffer);
    for (Segment segment : segments) {
      if (rowsLeft <= 0) {
        break;
      }
      long end = Math.min(segment.endRow(), segment.firstRow() + rowsLeft);
      buffer.clear();
      for (long row = segment.firstRow(); row < end; row++) {
        generator.generateRow(row, sink);
      }
      rowsLeft -= end - segment.firstRow();
      bytes += buffer.length();
    }
    return bytes;
  }

  /**
   * {@code java -cp bench/target/benchmarks.jar io.datagen.bench.RawGeneration SCHEMA.json [ROWS]}
   * : prints one line per table (rows, MB, s, MB/s; and the thread's CPU seconds and MB per CPU
   * second, the figure that stays meaningful on a busy machine).
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 2) {
      System.err.println(
          "Usage: java -cp bench/target/benchmarks.jar io.datagen.bench.RawGeneration"
              + " SCHEMA.json [ROWS]  (ROWS overrides every table's row_count)");
      System.exit(64);
    }
    Long rows = null;
    if (args.length == 2) {
      try {
        rows = Long.parseLong(args[1].replace("_", ""));
      } catch (NumberFormatException e) {
        System.err.println(
            "Invalid ROWS: '" + args[1] + "'; give a whole number of rows, e.g. 1000000");
        System.exit(64);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-24s %12s %10s %8s %10s %8s %10s%n",
        "table",
        "rows",
        "MB",
        "s",
        "MB/s",
        "cpu s",
        "MB/cpu s");
    for (Measurement measurement : measureWithCpuTime(Path.of(args[0]), 1, rows)) {
      Result result = measurement.result();
      System.out.printf(
          Locale.ROOT,
          "%-24s %,12d %10.1f %8.2f %10.1f %8.2f %10.1f%n",
          result.table(),
          result.rows(),
          result.bytes() / 1e6,
          result.nanos() / 1e9,
          result.megabytesPerSecond(),
          measurement.cpuNanos() / 1e9,
          measurement.megabytesPerCpuSecond());
    }
  }
}
