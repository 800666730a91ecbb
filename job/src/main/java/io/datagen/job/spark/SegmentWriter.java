package io.datagen.job.spark;

import io.datagen.archive.Compression;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.text.TextBuffer;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.encode.CopyRowSink;
import io.datagen.job.encode.InsertRowSink;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.compile.TableGenerators;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.Segment;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.sink.RowSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;

/**
 * The executor side of a run: for each segment of a task, generate its rows as text, encode them as
 * one archive piece, append the piece to this task attempt's staging file, and report a {@link
 * SegmentResult}. It runs in Spark tasks, or on the launcher's own threads for a small run (see
 * {@link Engine}); it cannot tell the difference, so neither can the bytes. Every attempt writes
 * its own file (attempt id in the name), so a retried or speculative attempt never touches
 * another's bytes; the driver reads only the files named in the results of successful attempts.
 */
public final class SegmentWriter {
  /**
   * How a staging write failure begins: the driver recognizes it in a failed job's message (on a
   * cluster only the message crosses) and reports it as an output error.
   */
  static final String STAGING_FAILURE = "Cannot write staging file";

  /** Rows generated between two additions to a table's row counter (progress). */
  static final int PROGRESS_BATCH_ROWS = 4096;

  private final JobSettings settings;
  private final PieceEncoder encoder;
  private final Map<Integer, TableRowGenerator> generators = new HashMap<>();
  private final TextBuffer buffer = new TextBuffer(1 << 20);
  private final RowCounter rowsDone;

  /**
   * @param rowsDone per table, where to count generated rows for progress reporting (every {@value
   *     #PROGRESS_BATCH_ROWS} rows and at the end of a segment)
   */
  SegmentWriter(JobSettings settings, RowCounter rowsDone) {
    this.settings = settings;
    this.rowsDone = rowsDone;
    Compression compression = settings.compression().toCompression();
    this.encoder =
        switch (settings.format()) {
          case CUSTOM -> PieceEncoder.forCustomArchive(compression);
          case DIRECTORY -> PieceEncoder.forDirectoryArchive(compression);
          case COPY, SQL -> PieceEncoder.forPlainScript(compression);
        };
  }

  /** Writes the segments of one task into one staging file named after the task attempt. */
  public List<SegmentResult> writeAll(List<Segment> segments) {
    Path file = new Path(settings.stagingDirectory(), stagingFileName(segments));
    List<SegmentResult> results = new ArrayList<>(segments.size());
    FaultInjection faults = FaultInjection.forCurrentTask();
    try {
      FileSystem fs = StagingFiles.fileSystem("--staging", file, settings.hadoopConf().get());
      // Non-recursive: once the driver has removed the staging directory, a straggling attempt
      // (killed speculative copy, zombie executor) cannot bring it back.
      try (FSDataOutputStream out = StagingFiles.createInExistingDirectory(fs, file)) {
        for (Segment segment : segments) {
          stopIfKilled();
          results.add(write(segment, file, out));
          faults.afterPiece(results.size(), out);
        }
      }
    } catch (IOException | FSError e) {
      // FSError: Hadoop's local file system reports a full disk as an Error.
      Throwable cause = e instanceof FSError && e.getCause() != null ? e.getCause() : e;
      throw new DatagenException(
          ErrorCategory.OUTPUT,
          STAGING_FAILURE
              + " "
              + file
              + ": "
              + cause.getMessage()
              + " (check that --staging points at a writable location with room to spare)",
          e);
    }
    return results;
  }

  /**
   * A losing speculative attempt is interrupted, as is an in-process writer once another has
   * failed; stop between segments rather than finish for nothing.
   */
  private static void stopIfKilled() {
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.killTaskIfInterrupted();
    } else if (Thread.currentThread().isInterrupted()) {
      throw new IllegalStateException("Stopped: another segment writer of this run failed");
    }
  }

  private SegmentResult write(Segment segment, Path file, FSDataOutputStream out)
      throws IOException {
    TableSpec table = settings.schema().tables().get(segment.tableIndex());
    TableRowGenerator generator =
        generators.computeIfAbsent(
            segment.tableIndex(),
            t ->
                TableGenerators.create(
                    settings.schema(), table.name(), settings.seed(), settings.referenceTime()));
    buffer.clear();
    RowSink sink = rowSink(table, generator);
    // Rows are counted as they are generated, a batch at a time (one add per batch): on Spark,
    // executor heartbeats carry a running task's count to the driver's progress display.
    long row = segment.firstRow();
    while (row < segment.endRow()) {
      long batchEnd = Math.min(segment.endRow(), row + PROGRESS_BATCH_ROWS);
      long batchStart = row;
      for (; row < batchEnd; row++) {
        generator.generateRow(row, sink);
      }
      rowsDone.add(segment.tableIndex(), batchEnd - batchStart);
    }
    if (sink instanceof InsertRowSink insert) {
      insert.finish();
    }
    // The piece goes straight into the staging file (no array of its own: see
    // PieceEncoder.encodeTo), its CRC-32 computed on the way.
    long offset = out.getPos();
    CRC32 crc = new CRC32();
    int adler32 =
        encoder.encodeTo(
            buffer.array(),
            0,
            buffer.length(),
            new CheckedOutputStream(new UnclosableStream(out), crc));
    long stored = out.getPos() - offset;
    return new SegmentResult(
        segment, file.toString(), offset, buffer.length(), stored, adler32, (int) crc.getValue());
  }

  private RowSink rowSink(TableSpec table, TableRowGenerator generator) {
    if (settings.format() == OutputFormat.SQL) {
      return new InsertRowSink(
          buffer,
          table.name().schema(),
          table.name().name(),
          generator.columnNames(),
          settings.rowsPerInsert());
    }
    return new CopyRowSink(buffer);
  }

  private static String stagingFileName(List<Segment> segments) {
    TaskContext task = TaskContext.get();
    Segment first = segments.get(0);
    String attempt =
        task == null
            ? "driver"
            : task.stageId()
                + "."
                + task.stageAttemptNumber()
                + "-"
                + task.partitionId()
                + "."
                + task.attemptNumber()
                + "-"
                + task.taskAttemptId();
    return "t"
        + first.tableIndex()
        + "s"
        + first.segmentIndex()
        + "-attempt-"
        + attempt
        + ".pieces";
  }
}
