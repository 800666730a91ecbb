package io.datagen.job.spark;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.SelectionRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything one {@code generate} run needs, resolved from the command line.
 *
 * @param schemaSource a schema file path, {@code -} for stdin, or the name of {@code schemaText}
 * @param schemaText the schema itself (an instantiated template), or null to read {@code
 *     schemaSource}
 * @param output a path or Hadoop URI, {@code -} for stdout, or null for the default name
 * @param rowsOverride row count for every table, or null
 * @param partitions Spark partitions, or null for the default parallelism
 * @param staging staging directory URI, or null for the default
 * @param master Spark master override for a local launch, or null
 * @param selection which tables, and schema and/or data
 * @param dryRun plan and estimate only: no Spark job, no output
 * @param manifest where to write the JSON run manifest (path or Hadoop URI), or null for none
 * @param jobs {@code -j N}: worker threads of a local run (N threads in process, or Spark's {@code
 *     local[N]} when the run needs Spark), or null for one per core; never given with {@code
 *     master}
 */
public record GenerateRequest(
    String schemaSource,
    String schemaText,
    String output,
    OutputFormat format,
    CompressionOption compression,
    long seed,
    Instant referenceTime,
    Long rowsOverride,
    Integer partitions,
    long segmentRows,
    String staging,
    boolean keepStaging,
    int rowsPerInsert,
    String master,
    SelectionRequest selection,
    boolean dryRun,
    String manifest,
    Integer jobs) {

  public GenerateRequest {
    Objects.requireNonNull(schemaSource, "schemaSource");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(referenceTime, "referenceTime");
    Objects.requireNonNull(selection, "selection");
    if (jobs != null && jobs < 1) {
      throw new IllegalArgumentException("jobs must be 1 or more: " + jobs);
    }
    if (jobs != null && master != null) {
      throw new IllegalArgumentException("jobs and master exclude each other");
    }
  }

  /**
   * The master a Spark run of this request starts: {@code --master}, else {@code local[N]} for
   * {@code -j N}, else null (spark-submit's, or {@code local[*]}).
   */
  public String sparkMaster() {
    return master != null ? master : jobs != null ? "local[" + jobs + "]" : null;
  }

  /** Without a manifest and without {@code -j}. */
  public GenerateRequest(
      String schemaSource,
      String schemaText,
      String output,
      OutputFormat format,
      CompressionOption compression,
      long seed,
      Instant referenceTime,
      Long rowsOverride,
      Integer partitions,
      long segmentRows,
      String staging,
      boolean keepStaging,
      int rowsPerInsert,
      String master,
      SelectionRequest selection,
      boolean dryRun) {
    this(
        schemaSource,
        schemaText,
        output,
        format,
        compression,
        seed,
        referenceTime,
        rowsOverride,
        partitions,
        segmentRows,
        staging,
        keepStaging,
        rowsPerInsert,
        master,
        selection,
        dryRun,
        null,
        null);
  }

  public GenerateRequest withManifest(String manifestPath) {
    return new GenerateRequest(
        schemaSource,
        schemaText,
        output,
        format,
        compression,
        seed,
        referenceTime,
        rowsOverride,
        partitions,
        segmentRows,
        staging,
        keepStaging,
        rowsPerInsert,
        master,
        selection,
        dryRun,
        manifestPath,
        jobs);
  }

  public GenerateRequest withStaging(String stagingUri, boolean keep) {
    return new GenerateRequest(
        schemaSource,
        schemaText,
        output,
        format,
        compression,
        seed,
        referenceTime,
        rowsOverride,
        partitions,
        segmentRows,
        stagingUri,
        keep,
        rowsPerInsert,
        master,
        selection,
        dryRun,
        manifest,
        jobs);
  }

  public GenerateRequest withOutput(String outputUri) {
    return new GenerateRequest(
        schemaSource,
        schemaText,
        outputUri,
        format,
        compression,
        seed,
        referenceTime,
        rowsOverride,
        partitions,
        segmentRows,
        staging,
        keepStaging,
        rowsPerInsert,
        master,
        selection,
        dryRun,
        manifest,
        jobs);
  }

  public GenerateRequest withSegmentRows(long rows) {
    return new GenerateRequest(
        schemaSource,
        schemaText,
        output,
        format,
        compression,
        seed,
        referenceTime,
        rowsOverride,
        partitions,
        rows,
        staging,
        keepStaging,
        rowsPerInsert,
        master,
        selection,
        dryRun,
        manifest,
        jobs);
  }

  public boolean toStdout() {
    return "-".equals(output);
  }
}
