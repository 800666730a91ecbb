package io.datagen.job.spark;

import io.datagen.job.plan.Selection;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a run's segments are generated. Both engines run the same {@link SegmentWriter} on the same
 * segments and the driver assembles the same staged pieces, so the choice never changes a byte; it
 * only decides whether a Spark context is started (4 to 10 s of start-up) for the work.
 */
public enum Engine {
  /** Spark tasks: a cluster, or an embedded {@code local[*]} context. */
  SPARK,
  /** A thread pool in the launcher's own JVM, no Spark context: for small runs. */
  IN_PROCESS,
  /** Nothing to generate (--schema-only): assembly only. */
  NONE;

  /**
   * Runs with at most this many rows in total (over the tables whose data is written) are generated
   * in process when nothing asks for Spark. At the few hundred thousand rows a second one core
   * writes, that is a few seconds of work at most: Spark's start-up would be most of the run. Above
   * it, the start-up is paid back by Spark's scheduling and retries.
   */
  public static final long IN_PROCESS_MAX_ROWS = 1_000_000;

  /** The system property spark-submit sets (from --master or spark-defaults.conf). */
  static final String SUBMITTED_MASTER_PROPERTY = "spark.master";

  /**
   * The engine for a run.
   *
   * @param masterOption datagen's {@code --master}, or null: any given master means Spark
   * @param submittedMaster the master spark-submit passed in (system property {@value
   *     #SUBMITTED_MASTER_PROPERTY}), or null: a submitted run uses Spark, as asked
   * @param plannedRows total rows the run writes
   * @param locations the output, staging and manifest locations given (null entries: defaults,
   *     which are local unless the output is not); a remote store (s3a://, hdfs://, ...) takes its
   *     configuration and credentials from Spark's Hadoop configuration, so it means Spark
   */
  public static Engine choose(
      String masterOption, String submittedMaster, long plannedRows, String... locations) {
    if (plannedRows == 0) {
      return NONE;
    }
    if (masterOption != null || submittedMaster != null) {
      return SPARK;
    }
    return allLocal(locations) && plannedRows <= IN_PROCESS_MAX_ROWS ? IN_PROCESS : SPARK;
  }

  /**
   * Whether every location given is local: stdout ({@code -}), a local path or {@code file:} URI,
   * or null (a default, local unless another location is not).
   */
  static boolean allLocal(String... locations) {
    return Stream.of(locations).allMatch(l -> l == null || "-".equals(l) || LocalOutput.isLocal(l));
  }

  /** The engine for {@code request} in this JVM. */
  static Engine choose(GenerateRequest request, Schema schema, Selection selection) {
    return choose(
        request.master(),
        System.getProperty(SUBMITTED_MASTER_PROPERTY),
        plannedRows(schema, selection),
        request.output(),
        request.staging(),
        request.manifest());
  }

  /** Total rows written: those of the selected tables, if data is written at all. */
  static long plannedRows(Schema schema, Selection selection) {
    if (!selection.withData()) {
      return 0;
    }
    long rows = 0;
    for (TableSpec table : schema.tables()) {
      if (selection.includes(table.name())) {
        rows += table.rowCount();
      }
    }
    return rows;
  }

  /** How the manifest names the engine. */
  String describe(int threads) {
    return this == IN_PROCESS ? "in-process[" + threads + "]" : name().toLowerCase(Locale.ROOT);
  }
}
