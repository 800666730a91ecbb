package io.datagen.bench;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.spark.GenerateJob;
import io.datagen.job.spark.GenerateRequest;
import io.datagen.job.spark.RunSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * {@code generate} runs in this JVM, through {@link GenerateJob} on one Spark context that every
 * run reuses (so no run pays for starting Spark), with the CLI's defaults for everything the
 * benchmark does not vary.
 */
public final class EndToEndRuns {
  private final JavaSparkContext spark;
  private final long seed;

  public EndToEndRuns(JavaSparkContext spark, long seed) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.seed = seed;
  }

  /**
   * One end-to-end run with {@code rows} rows into a temporary output, deleted afterwards.
   *
   * @return the wall time of the whole run (plan, generate, stage, assemble, clean up) and its
   *     sizes
   */
  public EndToEndResult measure(
      BenchSchema schema, long rows, OutputFormat format, CompressionOption codec)
      throws IOException {
    Path directory = Files.createTempDirectory("datagen-bench-");
    try {
      System.gc(); // the previous run's garbage is not this run's cost
      long started = System.nanoTime();
      RunSummary summary = generate(schema, rows, format, codec, directory.resolve("output"));
      long nanos = System.nanoTime() - started;
      long rawBytes = summary.tables().stream().mapToLong(RunSummary.TableStats::rawBytes).sum();
      return new EndToEndResult(
          schema.name(),
          format.id(),
          codec.toString(),
          summary.totalRows(),
          nanos,
          rawBytes,
          summary.archiveBytes());
    } finally {
      TemporaryFiles.deleteRecursively(directory);
    }
  }

  /** One run writing {@code output}, which the caller deletes. */
  public RunSummary generate(
      BenchSchema schema, long rows, OutputFormat format, CompressionOption codec, Path output) {
    GenerateRequest request =
        new GenerateRequest(
            schema.file().toString(),
            null,
            output.toString(),
            format,
            codec,
            seed,
            RunClock.SEEDED_EPOCH,
            rows,
            null, // partitions: the job's default, twice the cores
            SegmentPlanner.DEFAULT_SEGMENT_ROWS,
            null, // staging: the job's default
            false,
            100, // rows per INSERT: the CLI's default (unused by COPY and archives)
            null,
            SelectionRequest.ALL,
            false);
    return GenerateJob.run(spark, schema.schema(rows), request, null);
  }
}
