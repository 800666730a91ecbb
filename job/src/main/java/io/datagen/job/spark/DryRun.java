package io.datagen.job.spark;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.encode.CopyRowSink;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.compile.TableGenerators;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.Selection;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --dry-run}: the plan and an estimate of the data, without Spark and without output. The
 * estimate encodes a sample of each table's rows (the first {@value #SAMPLE_ROWS}) as COPY text on
 * the driver and scales it to the row count.
 */
final class DryRun {
  static final int SAMPLE_ROWS = 1_000;

  private DryRun() {}

  static RunSummary run(Schema schema, GenerateRequest request, PrintWriter out) {
    long started = System.nanoTime();
    Selection selection = request.selection().resolve(schema);
    // Counted, never planned: a dry run reports a plan of any size without holding it.
    long segments = SegmentPlanner.segmentCount(schema, selection, request.segmentRows());
    List<RunSummary.TableStats> stats = new ArrayList<>();
    if (out != null) {
      selection.warnings().forEach(w -> out.println("datagen: warning: " + w));
      out.printf(
          Locale.ROOT,
          "datagen: dry run — %s, %s, seed %d, %,d segments of up to %,d rows%n",
          request.format().id(),
          request.compression(),
          request.seed(),
          segments,
          request.segmentRows());
    }
    for (TableSpec table : schema.tables()) {
      if (!selection.includes(table.name()) || !selection.withData()) {
        continue;
      }
      long estimated = estimateRawBytes(schema, table, request);
      long tableSegments = SegmentPlanner.segmentCount(table.rowCount(), request.segmentRows());
      stats.add(new RunSummary.TableStats(table.name().toString(), table.rowCount(), estimated, 0));
      if (out != null) {
        out.printf(
            Locale.ROOT,
            "  %-40s %,14d rows %,6d segments  ~%s%n",
            table.name(),
            table.rowCount(),
            tableSegments,
            RunSummary.bytes(estimated));
      }
    }
    return new RunSummary(
        "(dry run: nothing written)",
        request.format().id() + ", " + request.compression(),
        request.seed(),
        stats,
        0,
        Duration.ofNanos(System.nanoTime() - started));
  }

  private static long estimateRawBytes(Schema schema, TableSpec table, GenerateRequest request) {
    long sample = Math.min(SAMPLE_ROWS, table.rowCount());
    if (sample == 0) {
      return 0;
    }
    TableRowGenerator generator =
        TableGenerators.create(schema, table.name(), request.seed(), request.referenceTime());
    TextBuffer buffer = new TextBuffer();
    CopyRowSink sink = new CopyRowSink(buffer);
    for (long row = 0; row < sample; row++) {
      generator.generateRow(row, sink);
    }
    return Math.round((double) buffer.length() / sample * table.rowCount());
  }
}
