package io.datagen.job.spark;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.Compression;
import io.datagen.archive.TocEntry;
import io.datagen.archive.custom.CustomArchiveWriter;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.job.DatagenException;
import io.datagen.job.DatagenVersion;
import io.datagen.job.ErrorCategory;
import io.datagen.job.ddl.DumpToc;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.Segment;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.Selection;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * One {@code generate} run, in the order of ARCHITECTURE.md's data flow: load and validate the
 * schema (driver), plan segments, generate and stage them (executors), assemble the archive from
 * the staged pieces (driver), clean up.
 */
public final class GenerateJob {
  private GenerateJob() {}

  /** Runs on a Spark context of its own (spark-submit's, or local), stopped at the end. */
  public static RunSummary run(GenerateRequest request, PrintWriter progress) {
    return run(request, progress, false);
  }

  /**
   * @param progress where messages and progress go (null: quiet)
   * @param terminal whether {@code progress} is a terminal (live redraw) or a log (a line every few seconds)
   */
  public static RunSummary run(GenerateRequest request, PrintWriter progress, boolean terminal) {
    Schema schema = SchemaInput.load(request.schemaSource(), request.schemaText(), request.rowsOverride(), progress);
    if (request.dryRun()) {
      return DryRun.run(schema, request, progress);
    }
    if (!request.selection().resolve(schema).withData()) {
      return run(null, schema, request, progress); // schema only: nothing for Spark to do
    }
    try (SparkSetup.Lease spark = SparkSetup.lease(request.master())) {
      return run(spark.context(), schema, request, progress, terminal);
    }
  }

  /** Runs on the given context (left running), reporting progress as log lines: for tests and embedding. */
  public static RunSummary run(JavaSparkContext spark, Schema schema, GenerateRequest request, PrintWriter progress) {
    return run(spark, schema, request, progress, false);
  }

  /**
   * Runs on the given context (left running): for tests and embedding. {@code spark} may be null
   * when the selection writes no data.
   */
  private static RunSummary run(JavaSparkContext spark, Schema schema, GenerateRequest request, PrintWriter progress,
      boolean terminal) {
    long started = System.nanoTime();
    Selection selection = request.selection().resolve(schema);
    if (progress != null) {
      selection.warnings().forEach(w -> progress.println("datagen: warning: " + w));
    }
    Configuration hadoop = spark != null ? spark.hadoopConfiguration() : new Configuration();
    String output = request.output() != null ? request.output() : defaultOutputName(schema, request.format());
    Path staging = stagingDirectory(request, output, spark);
    JobSettings settings = new JobSettings(schema, selection, request.seed(), request.referenceTime(), request.format(),
        request.compression(), request.rowsPerInsert(), staging.toString(), new HadoopConf(hadoop));
    OutputTarget target = OutputTarget.of(output, hadoop);
    boolean success = false;
    try {
      List<SegmentResult> results = generate(spark, settings, request, progress, terminal);
      long archiveBytes = assemble(settings, results, target);
      target.commit();
      success = true;
      return new RunSummary(target.describe(), request.format().id() + ", " + request.compression(), request.seed(),
          tableStats(settings, results), archiveBytes, Duration.ofNanos(System.nanoTime() - started));
    } catch (IOException e) {
      throw new DatagenException(ErrorCategory.OUTPUT, "Cannot write " + target.describe() + ": " + e.getMessage(), e);
    } finally {
      if (!success) {
        target.abort();
      }
      if (!request.keepStaging()) {
        deleteQuietly(staging, hadoop);
      } else if (progress != null) {
        progress.println("datagen: staging kept at " + staging);
      }
    }
  }

  private static List<SegmentResult> generate(JavaSparkContext spark, JobSettings settings, GenerateRequest request,
      PrintWriter progress, boolean terminal) {
    List<Segment> segments = SegmentPlanner.segments(settings.schema(), settings.selection(), request.segmentRows());
    if (segments.isEmpty()) {
      return List.of();
    }
    int partitions = request.partitions() != null ? request.partitions() : Math.max(1, spark.defaultParallelism() * 2);
    List<List<Segment>> groups = SegmentPlanner.partition(segments, partitions);
    try (ProgressReporter reporter = new ProgressReporter(spark, settings.schema(), settings.selection(), progress,
        terminal)) {
      LongAccumulator[] rowsDone = reporter.rowsDone();
      List<SegmentResult> results = new ArrayList<>(spark.parallelize(groups, groups.size())
          .flatMap(group -> new SegmentWriter(settings, rowsDone).writeAll(group).iterator())
          .collect());
      results.sort(Comparator.comparingInt((SegmentResult r) -> r.segment().tableIndex())
          .thenComparingInt(r -> r.segment().segmentIndex()));
      if (results.size() != segments.size()) {
        throw new IllegalStateException("expected " + segments.size() + " segments, got " + results.size());
      }
      return results;
    } catch (DatagenException e) {
      throw e;
    } catch (Exception e) {
      // Executor failures arrive as a (sneakily thrown, checked) SparkException after retries.
      throw new DatagenException(ErrorCategory.GENERATION, "Cannot generate data: " + rootMessage(e), e);
    }
  }

  private static long assemble(JobSettings settings, List<SegmentResult> results, OutputTarget target)
      throws IOException {
    Schema schema = settings.schema();
    Map<QualifiedName, Long> sequenceValues = settings.selection().withData()
        ? SequenceValues.lastValues(schema, settings.selection(), settings.seed(), settings.referenceTime()) : Map.of();
    DumpToc.Built toc = DumpToc.build(schema, settings.selection(), sequenceValues);
    Map<Integer, List<DataPiece>> pieces = new HashMap<>();
    toc.tableDataIds().values().forEach(id -> pieces.put(id, new ArrayList<>()));
    for (SegmentResult result : results) {
      QualifiedName table = schema.tables().get(result.segment().tableIndex()).name();
      pieces.get(toc.tableDataIds().get(table)).add(new DataPiece(result.rawLength(), result.storedLength(),
          result.adler32(), new HadoopPieceSource(settings.hadoopConf(), result)));
    }
    try (OutputStream stream = target.open(); PositionedSink sink = PositionedSink.of(stream)) {
      if (settings.format() == OutputFormat.CUSTOM) {
        CustomArchiveWriter.write(sink, header(settings), toc.entries(), pieces);
      } else {
        ScriptAssembly.write(sink, header(settings), settings.format(), toc.entries(), pieces);
      }
      return sink.position();
    }
  }

  private static ArchiveHeader header(JobSettings settings) {
    Compression compression = settings.compression().isGzip()
        ? Compression.gzip(settings.compression().level()) : Compression.none();
    String version = "datagen " + DatagenVersion.VERSION;
    return ArchiveHeader.of(compression, LocalDateTime.ofInstant(settings.referenceTime(), ZoneOffset.UTC),
        settings.schema().database().name(), version, version);
  }

  private static List<RunSummary.TableStats> tableStats(JobSettings settings, List<SegmentResult> results) {
    Schema schema = settings.schema();
    List<RunSummary.TableStats> stats = new ArrayList<>();
    for (int t = 0; t < schema.tables().size(); t++) {
      long raw = 0;
      long stored = 0;
      for (SegmentResult result : results) {
        if (result.segment().tableIndex() == t) {
          raw += result.rawLength();
          stored += result.storedLength();
        }
      }
      TableSpec table = schema.tables().get(t);
      if (!settings.selection().includes(table.name()) || !settings.selection().withData()) {
        continue;
      }
      stats.add(new RunSummary.TableStats(table.name().toString(), table.rowCount(), raw, stored));
    }
    return stats;
  }

  static String defaultOutputName(Schema schema, OutputFormat format) {
    return schema.database().name() + (format == OutputFormat.CUSTOM ? ".dump" : ".sql");
  }

  private static Path stagingDirectory(GenerateRequest request, String output, JavaSparkContext spark) {
    String name = ".datagen-staging-" + UUID.randomUUID();
    if (request.staging() != null) {
      return new Path(request.staging(), name);
    }
    if (!"-".equals(output)) {
      Path parent = new Path(output).getParent();
      return new Path(parent == null ? new Path(".") : parent, name);
    }
    if (spark == null || spark.master().startsWith("local")) {
      return new Path(new java.io.File(System.getProperty("java.io.tmpdir")).toURI().toString(), name);
    }
    return new Path(name);
  }

  private static void deleteQuietly(Path directory, Configuration conf) {
    try {
      FileSystem fs = directory.getFileSystem(conf);
      fs.delete(directory, true);
    } catch (IOException | RuntimeException ignored) {
      // Best effort; a leftover staging directory is named .datagen-staging-* and safe to remove.
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
