package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.spark.GenerateJob;
import io.datagen.job.spark.GenerateRequest;
import io.datagen.job.spark.RunSummary;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "generate",
    description = "Generates the data described by a schema file into a pg_dump archive (or a SQL script).",
    sortOptions = false)
public final class GenerateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCHEMA", description = "Schema file (JSON), or - for stdin.")
  String schemaArgument;

  @Option(names = {"-i", "--input"}, paramLabel = "SCHEMA", description = "Schema file (the original tool's spelling).")
  String inputOption;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE|URI|-",
      description = "Where to write: a file, any Hadoop URI (s3a://, hdfs://, file:), or - for stdout. "
          + "Default: <database>.dump (custom) or <database>.sql.")
  String output;

  @Option(names = {"-f", "--format"}, paramLabel = "FORMAT", defaultValue = "custom",
      description = "custom (pg_restore), copy (psql script with COPY) or sql (psql script with INSERTs). Default: ${DEFAULT-VALUE}.")
  String format;

  @Option(names = {"-Z", "--compress"}, paramLabel = "METHOD",
      description = "none, gzip, gzip:1..9, or a level 0..9. Default: gzip for custom, none for scripts.")
  String compress;

  @Option(names = "--seed", paramLabel = "N", description = "Seed; the same seed gives byte-identical output. Default: random (printed).")
  Long seed;

  @Option(names = "--rows", paramLabel = "N", description = "Row count for every table, overriding row_count.")
  Long rows;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Spark tasks to spread the segments over. Default: Spark's default parallelism. Never changes the output.")
  Integer partitions;

  @Option(names = "--segment-rows", paramLabel = "N", defaultValue = "" + SegmentPlanner.DEFAULT_SEGMENT_ROWS,
      description = "Rows per segment (the unit of work and of determinism). Default: ${DEFAULT-VALUE}.")
  long segmentRows;

  @Option(names = "--staging", paramLabel = "URI",
      description = "Where executors stage compressed blocks (any Hadoop URI). Default: next to the output.")
  String staging;

  @Option(names = "--keep-staging", description = "Keep the staging directory (for debugging).")
  boolean keepStaging;

  @Option(names = "--manifest", paramLabel = "FILE|URI",
      description = "Also write a JSON manifest of the run (schema digest, seed, options, per-table and per-segment "
          + "sizes and checksums, archive SHA-256), after the archive is complete.")
  String manifest;

  @Option(names = "--timestamp", paramLabel = "ISO-8601",
      description = "The archive's creation time and the reference date for generated dates. "
          + "Default: SOURCE_DATE_EPOCH, else 2025-01-01T00:00:00Z when --seed is given, else now.")
  String timestamp;

  @Option(names = "--rows-per-insert", paramLabel = "N", defaultValue = "100",
      description = "Rows per INSERT statement for --format sql. Default: ${DEFAULT-VALUE}.")
  int rowsPerInsert;

  @Option(names = "--master", paramLabel = "URL", description = "Spark master for a local launch, e.g. local[2]. Default: spark-submit's, else local[*].")
  String master;

  @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors.")
  boolean quiet;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    GenerateRequest request = request(System.getenv(), Clock.systemUTC().instant());
    if (seed == null && !quiet) {
      err.println("datagen: no --seed given; using seed " + request.seed() + " (pass --seed " + request.seed()
          + " to repeat this run)");
    }
    RunSummary summary = GenerateJob.run(request, quiet ? null : err);
    if (!quiet) {
      err.println(summary.describe());
    }
    err.flush();
    return 0;
  }

  GenerateRequest request(Map<String, String> environment, Instant now) {
    if (schemaArgument != null && inputOption != null) {
      throw usage("Give the schema either as an argument or with -i/--input, not both");
    }
    String schema = schemaArgument != null ? schemaArgument : inputOption;
    if (schema == null) {
      throw usage("Missing schema: datagen generate SCHEMA.json (or - for stdin)");
    }
    OutputFormat outputFormat;
    CompressionOption compression;
    java.time.Instant referenceTime;
    try {
      outputFormat = OutputFormat.fromText(format);
      compression = compress != null ? CompressionOption.parse(compress)
          : outputFormat == OutputFormat.CUSTOM ? CompressionOption.DEFAULT_GZIP : CompressionOption.NONE;
      referenceTime = RunClock.referenceTime(timestamp, seed != null, environment, now);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (rows != null && rows < 0) {
      throw usage("Invalid --rows: " + rows + " (must be 0 or more)");
    }
    if (partitions != null && partitions < 1) {
      throw usage("Invalid --partitions: " + partitions + " (must be 1 or more)");
    }
    if (segmentRows < 1) {
      throw usage("Invalid --segment-rows: " + segmentRows + " (must be 1 or more)");
    }
    if (rowsPerInsert < 1) {
      throw usage("Invalid --rows-per-insert: " + rowsPerInsert + " (must be 1 or more)");
    }
    return new GenerateRequest(schema, output, outputFormat, compression, RunClock.seed(seed), referenceTime, rows,
        partitions, segmentRows, staging, keepStaging, rowsPerInsert, master, manifest);
  }

  private static DatagenException usage(String message) {
    return new DatagenException(ErrorCategory.USAGE, message);
  }
}
