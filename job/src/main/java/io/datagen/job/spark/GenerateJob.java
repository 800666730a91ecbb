package io.datagen.job.spark;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.Compression;
import io.datagen.archive.custom.CustomArchiveWriter;
import io.datagen.archive.directory.DirectoryArchiveWriter;
import io.datagen.archive.directory.DirectoryOutput;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.job.DatagenException;
import io.datagen.job.DatagenVersion;
import io.datagen.job.ErrorCategory;
import io.datagen.job.ddl.DumpToc;
import io.datagen.job.leftovers.RunId;
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
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * One {@code generate} run, in the order of ARCHITECTURE.md's data flow: load and validate the
 * schema (driver), plan segments, generate and stage them (executors), assemble the archive from
 * the staged pieces (driver), clean up.
 */
public final class GenerateJob {
  private GenerateJob() {}

  /**
   * Where the interrupted-run hook goes among Hadoop's shutdown hooks (higher runs first): after
   * Spark's (which stop the context, at {@code FileSystem.SHUTDOWN_HOOK_PRIORITY + 30}), before
   * Hadoop closes every cached file system ({@code FileSystem.SHUTDOWN_HOOK_PRIORITY}) -- a closed
   * S3A file system can neither abort an upload nor delete staging objects.
   */
  static final int INTERRUPTED_HOOK_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 10;

  /** How long cleanup waits for losing speculative copies and lost executors' attempts to end. */
  static final Duration ATTEMPTS_END_TIMEOUT = Duration.ofMinutes(2);

  /**
   * Runs in process (a small run, see {@link Engine}) or on a Spark context of its own
   * (spark-submit's, or local), stopped at the end.
   */
  public static RunSummary run(GenerateRequest request, PrintWriter progress) {
    return run(request, progress, false);
  }

  /**
   * @param progress where messages and progress go (null: quiet)
   * @param terminal whether {@code progress} is a terminal (live redraw) or a log (a line every few
   *     seconds)
   */
  public static RunSummary run(GenerateRequest request, PrintWriter progress, boolean terminal) {
    return run(request, progress, terminal, MasterConnection.DEFAULT_TIMEOUT);
  }

  /**
   * @param masterTimeout how long a cluster master may take to accept the application and give it a
   *     first executor before the run fails (exit code 3)
   */
  public static RunSummary run(
      GenerateRequest request, PrintWriter progress, boolean terminal, Duration masterTimeout) {
    SchemaInput.Checked schema =
        SchemaInput.loadChecked(
            request.schemaSource(), request.schemaText(), request.rowsOverride(), progress);
    if (request.dryRun()) {
      return DryRun.run(schema.schema(), request, progress);
    }
    checkOutputs(schema.schema(), request);
    Selection selection = request.selection().resolve(schema.schema());
    SegmentPlanner.requirePlannable(schema.schema(), selection, request.segmentRows());
    Engine engine = Engine.choose(request, schema.schema(), selection);
    LoggingBackend.skipWhenOff(engine);
    if (engine != Engine.SPARK) {
      // A small run, or no data at all: no Spark context is started.
      return run(engine, null, schema.schema(), schema.sha256(), request, progress, terminal);
    }
    try (SparkSetup.Lease spark = SparkSetup.lease(request.sparkMaster(), masterTimeout)) {
      return run(
          engine, spark.context(), schema.schema(), schema.sha256(), request, progress, terminal);
    }
  }

  /**
   * Runs on the given context (left running), or in process when it is null, reporting progress as
   * log lines: for tests and embedding.
   */
  public static RunSummary run(
      JavaSparkContext spark, Schema schema, GenerateRequest request, PrintWriter progress) {
    return run(spark, schema, null, request, progress, false);
  }

  /**
   * Runs on the given context (left running).
   *
   * @param spark the context, or null to generate in process (whatever the size)
   * @param schemaSha256 SHA-256 of the schema text for the manifest, or null if not known
   */
  public static RunSummary run(
      JavaSparkContext spark,
      Schema schema,
      String schemaSha256,
      GenerateRequest request,
      PrintWriter progress,
      boolean terminal) {
    Engine engine =
        Engine.plannedRows(schema, request.selection().resolve(schema)) == 0
            ? Engine.NONE
            : spark != null ? Engine.SPARK : Engine.IN_PROCESS;
    return run(engine, spark, schema, schemaSha256, request, progress, terminal);
  }

  /**
   * @param spark the context for {@link Engine#SPARK}, else null
   */
  private static RunSummary run(
      Engine engine,
      JavaSparkContext spark,
      Schema schema,
      String schemaSha256,
      GenerateRequest request,
      PrintWriter progress,
      boolean terminal) {
    long started = System.nanoTime();
    // One id and start time for this run's staging directory and temporary names: datagen clean
    // reads them back (io.datagen.job.leftovers.LeftoverName).
    RunId run = RunId.start(Clock.systemUTC());
    Selection selection = request.selection().resolve(schema);
    if (progress != null) {
      selection.warnings().forEach(w -> progress.println("datagen: warning: " + w));
    }
    // A run without Spark whose every location is local needs Hadoop only for local files: a bare
    // configuration keeps core-default.xml, the connectors' service loader and the login out of it.
    boolean localOnly =
        spark == null && Engine.allLocal(request.output(), request.staging(), request.manifest());
    Configuration hadoop =
        spark != null ? spark.hadoopConfiguration() : HadoopConf.withoutSpark(localOnly);
    String output =
        request.output() != null ? request.output() : defaultOutputName(schema, request.format());
    Destination target =
        request.format() == OutputFormat.DIRECTORY
            ? DirectoryTarget.of(output, hadoop, run)
            : OutputTarget.of("-o", output, hadoop, run);
    if (request.manifest() != null) {
      // Its file system, before any work.
      OutputTarget.of("--manifest", request.manifest(), hadoop, run);
    }
    StagingDirectory staging =
        StagingDirectory.choose(
            request, target, spark != null ? spark.master() : "local", hadoop, run);
    if (progress != null) {
      String stale = StaleLeftovers.warning(target, staging, hadoop, run.started());
      if (stale != null) {
        progress.println(stale);
      }
    }
    JobSettings settings =
        new JobSettings(
            schema,
            selection,
            request.seed(),
            request.referenceTime(),
            request.format(),
            request.compression(),
            request.rowsPerInsert(),
            staging.toString(),
            new HadoopConf(hadoop));
    AttemptTracker attempts = spark != null ? new AttemptTracker() : null;
    if (spark != null) {
      spark.sc().addSparkListener(attempts);
    }
    boolean committed = false;
    AtomicReference<String> phase =
        new AtomicReference<>(spark != null ? "generating data for " : "writing ");
    // SIGINT (Ctrl-C) and SIGTERM end the JVM without unwinding this method: its shutdown hook
    // discards the partial output (aborting an S3 upload) and the staging directory, as a failed
    // run does. With Spark or a remote store it is one of Hadoop's ordered hooks, so it runs after
    // Spark has stopped and before Hadoop closes the file systems it needs; a local run without
    // Spark has neither, and a plain JVM hook spares it Hadoop's hook manager (which reads
    // core-default.xml for its timeouts).
    Runnable interrupted =
        () ->
            System.err.println(
                discardInterrupted(
                    phase.get(), target, engine != Engine.NONE ? staging : null, request));
    Runnable removeHook = addInterruptHook(interrupted, !localOnly);
    try {
      Generated generated = new Generated(List.of(), 0, engine.describe(0));
      if (engine != Engine.NONE) {
        staging.create();
        generated =
            engine == Engine.SPARK
                ? generate(spark, settings, request, attempts, progress, terminal)
                : generateInProcess(settings, request, progress, terminal);
      }
      phase.set("writing ");
      // The SHA-256 of what is written is for the manifest only: a serial pass on the driver
      // (about 1 s per 400 MB here), so it is computed only when a manifest is asked for.
      Assembled assembled =
          assemble(spark, settings, generated.results(), target, request.manifest() != null);
      if (spark != null) {
        FaultInjection.pauseBeforeCommit(spark.getConf());
      }
      target.commit();
      committed = true;
      Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
      if (request.manifest() != null) {
        RunManifest manifest =
            new RunManifest(
                request,
                schema,
                schemaSha256,
                generated.results(),
                assembled.bytes(),
                assembled.sha256(),
                assembled.files(),
                target.describe(),
                generated.partitions(),
                generated.engine(),
                elapsed.toMillis());
        writeManifest(manifest, request.manifest(), hadoop, run);
      }
      return new RunSummary(
          target.describe(),
          request.format().id() + ", " + request.compression(),
          request.seed(),
          tableStats(settings, generated.results()),
          assembled.bytes(),
          elapsed);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + target.describe() + ": " + e.getMessage(), e);
    } catch (FSError e) {
      // Hadoop's local file system reports a failed write (a full disk) as an Error.
      Throwable cause = e.getCause() != null ? e.getCause() : e;
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write " + target.describe() + ": " + cause.getMessage(), e);
    } finally {
      try {
        removeHook.run();
      } catch (IllegalStateException shuttingDown) {
        // The hook is running or about to: it cleans up.
      }
      if (!committed) {
        target.abort();
      }
      if (spark != null) {
        cleanUp(spark, attempts, staging, request, progress);
      } else if (engine == Engine.IN_PROCESS) {
        removeStaging(staging, request, progress); // the writers' threads have all ended
      }
    }
  }

  /**
   * Adds the interrupted-run hook: to Hadoop's ordered hooks (at {@link
   * #INTERRUPTED_HOOK_PRIORITY}), or as a plain JVM shutdown hook.
   *
   * @return what removes it again (throws IllegalStateException once the JVM is shutting down)
   */
  private static Runnable addInterruptHook(Runnable hook, boolean hadoopOrdered) {
    if (hadoopOrdered) {
      ShutdownHookManager.get().addShutdownHook(hook, INTERRUPTED_HOOK_PRIORITY);
      return () -> ShutdownHookManager.get().removeShutdownHook(hook);
    }
    Thread thread = new Thread(hook, "datagen-interrupted-run");
    Runtime.getRuntime().addShutdownHook(thread);
    return () -> Runtime.getRuntime().removeShutdownHook(thread);
  }

  /**
   * Discards an interrupted run's partial output and staging (as a failed run does), and returns
   * the one line that says what was interrupted and what was removed.
   *
   * @param staging the run's staging directory, or null when it has none
   */
  static String discardInterrupted(
      String phase, Destination target, StagingDirectory staging, GenerateRequest request) {
    List<String> removed = new ArrayList<>();
    String partial = target.partial();
    target.abort();
    if (partial != null) {
      removed.add(partial);
    }
    String kept = "";
    if (staging != null && !request.keepStaging()) {
      staging.removeQuietly();
      removed.add("staging " + staging);
    } else if (staging != null) {
      kept = "; staging kept at " + staging;
    }
    return "datagen: interrupted while "
        + phase
        + target.describe()
        + "; removed "
        + (removed.isEmpty() ? "nothing (nothing had been written)" : String.join(" and ", removed))
        + kept;
  }

  /**
   * Refuses outputs that cannot be written before any work starts: a local output (and manifest) is
   * checked here, before Spark starts; a URI is checked when its file system is reached.
   */
  private static void checkOutputs(Schema schema, GenerateRequest request) {
    String output =
        request.output() != null ? request.output() : defaultOutputName(schema, request.format());
    if (request.format() == OutputFormat.DIRECTORY && LocalOutput.isLocal(output)) {
      // Checks the name; creates nothing.
      DirectoryTarget.of(output, new Configuration(false), RunId.start(Clock.systemUTC()));
    } else if (!"-".equals(output) && LocalOutput.isLocal(output)) {
      LocalOutput.resolve(output);
    }
    String manifest = request.manifest();
    if (manifest != null && !"-".equals(manifest) && LocalOutput.isLocal(manifest)) {
      LocalOutput.resolve(manifest);
    }
    OutputTarget.requireDistinct(output, request.manifest());
  }

  /**
   * The results of the generate stage: one per segment, how many tasks (groups) produced them, and
   * what ran them (the Spark master, or the in-process engine) for the manifest.
   */
  private record Generated(List<SegmentResult> results, int partitions, String engine) {}

  /**
   * What assembly wrote: its size and SHA-256 (a single file), or its size and files (a directory
   * archive, sha256 null). The SHA-256s are null unless a manifest needs them.
   */
  private record Assembled(long bytes, String sha256, List<DirectoryTarget.WrittenFile> files) {}

  private static Generated generate(
      JavaSparkContext spark,
      JobSettings settings,
      GenerateRequest request,
      AttemptTracker attempts,
      PrintWriter progress,
      boolean terminal) {
    List<Segment> segments =
        SegmentPlanner.segments(settings.schema(), settings.selection(), request.segmentRows());
    if (segments.isEmpty()) {
      return new Generated(List.of(), 0, spark.master());
    }
    List<List<Segment>> groups = groups(segments, request, spark.defaultParallelism());
    spark.setJobGroup(
        attempts.jobGroup(), "datagen: generate and stage " + segments.size() + " segments", true);
    RowCounter rowsDone = RowCounter.accumulators(spark, settings.schema());
    try (ProgressReporter reporter =
        new ProgressReporter(
            rowsDone, spark, settings.schema(), settings.selection(), progress, terminal)) {
      attempts.jobSubmitted();
      // Only the small SegmentResults travel to the driver; the bytes stay in the staging store.
      // Spark keeps exactly one result per partition: that of its first successful attempt.
      List<SegmentResult> results =
          new ArrayList<>(
              spark
                  .parallelize(groups, groups.size())
                  .flatMap(
                      group -> new SegmentWriter(settings, rowsDone).writeAll(group).iterator())
                  .collect());
      return planned(segments, results, groups.size(), spark.master());
    } catch (DatagenException e) {
      throw e;
    } catch (Exception e) {
      // Executor failures arrive as a (sneakily thrown, checked) SparkException after retries.
      throw executorFailure(e);
    } finally {
      spark.clearJobGroup();
    }
  }

  /**
   * The generate stage without Spark: the same groups of segments, written by the same {@link
   * SegmentWriter} on this JVM's threads (a small run, see {@link Engine}).
   */
  private static Generated generateInProcess(
      JobSettings settings, GenerateRequest request, PrintWriter progress, boolean terminal) {
    List<Segment> segments =
        SegmentPlanner.segments(settings.schema(), settings.selection(), request.segmentRows());
    if (segments.isEmpty()) {
      return new Generated(List.of(), 0, Engine.IN_PROCESS.describe(1));
    }
    // As many groups as Spark's local[N] (-j N) or local[*] makes, so that a run is split the same
    // way on both.
    int parallelism = InProcessSegments.parallelism(request.jobs());
    List<List<Segment>> groups = groups(segments, request, parallelism);
    int threads = InProcessSegments.threads(groups.size(), parallelism);
    RowCounter rowsDone = RowCounter.inProcess(settings.schema().tables().size());
    try (ProgressReporter reporter =
        new ProgressReporter(
            rowsDone, null, settings.schema(), settings.selection(), progress, terminal)) {
      List<SegmentResult> results = InProcessSegments.write(settings, groups, rowsDone, threads);
      return planned(segments, results, groups.size(), Engine.IN_PROCESS.describe(threads));
    }
  }

  /** The segments in groups, one group per task: --partitions, else twice the parallelism. */
  private static List<List<Segment>> groups(
      List<Segment> segments, GenerateRequest request, int parallelism) {
    int partitions =
        request.partitions() != null ? request.partitions() : Math.max(1, parallelism * 2);
    return SegmentPlanner.partition(segments, partitions);
  }

  /** The results in plan order (table, then segment), checked against the plan. */
  private static Generated planned(
      List<Segment> segments, List<SegmentResult> collected, int partitions, String engine) {
    List<SegmentResult> results = new ArrayList<>(collected);
    results.sort(
        Comparator.comparingInt((SegmentResult r) -> r.segment().tableIndex())
            .thenComparingInt(r -> r.segment().segmentIndex()));
    requireEverySegmentOnce(segments, results);
    return new Generated(results, partitions, engine);
  }

  /** The archive is built from exactly the planned segments: none missing, none twice. */
  private static void requireEverySegmentOnce(List<Segment> planned, List<SegmentResult> results) {
    List<Segment> got = results.stream().map(SegmentResult::segment).toList();
    List<Segment> expected = new ArrayList<>(planned);
    expected.sort(
        Comparator.comparingInt(Segment::tableIndex).thenComparingInt(Segment::segmentIndex));
    if (!got.equals(expected)) {
      throw new IllegalStateException(
          "Cannot assemble: expected "
              + expected.size()
              + " segments, got "
              + got.size()
              + " that do not match the plan");
    }
  }

  private static Assembled assemble(
      JavaSparkContext spark,
      JobSettings settings,
      List<SegmentResult> results,
      Destination destination,
      boolean digest)
      throws IOException {
    Schema schema = settings.schema();
    Map<QualifiedName, Long> sequenceValues =
        settings.selection().withData()
            ? SequenceValues.lastValues(
                schema, settings.selection(), settings.seed(), settings.referenceTime())
            : Map.of();
    DumpToc.Built toc = DumpToc.build(schema, settings.selection(), sequenceValues);
    Map<Integer, List<DataPiece>> pieces = new HashMap<>();
    toc.tableDataIds().values().forEach(id -> pieces.put(id, new ArrayList<>()));
    for (SegmentResult result : results) {
      QualifiedName table = schema.tables().get(result.segment().tableIndex()).name();
      pieces
          .get(toc.tableDataIds().get(table))
          .add(
              new DataPiece(
                  result.rawLength(),
                  result.storedLength(),
                  result.adler32(),
                  new HadoopPieceSource(settings.hadoopConf(), result)));
    }
    if (destination instanceof DirectoryTarget directory) {
      directory.recordDigests(digest);
      DirectoryOutput files =
          spark != null ? FaultInjection.failingAfter(spark, directory) : directory;
      DirectoryArchiveWriter.write(files, header(settings), toc.entries(), pieces);
      return new Assembled(directory.bytes(), null, directory.writtenFiles());
    }
    OutputTarget target = (OutputTarget) destination;
    MessageDigest sha256 = digest ? sha256() : null;
    // The archive writers close their sink when done (and when failing); the target's stream must
    // only be ended by the target: commit completes it, abort discards it (on S3, closing an
    // upload publishes it, even half-written).
    OutputStream stream = new UnclosableStream(target.open());
    OutputStream output = spark != null ? FaultInjection.failingAfter(spark, stream) : stream;
    PositionedSink sink =
        PositionedSink.of(digest ? new DigestOutputStream(output, sha256) : output);
    if (settings.format() == OutputFormat.CUSTOM) {
      CustomArchiveWriter.write(sink, header(settings), toc.entries(), pieces);
    } else {
      ScriptAssembly.write(sink, header(settings), settings.format(), toc.entries(), pieces);
    }
    sink.flush();
    return new Assembled(
        sink.position(), digest ? HexFormat.of().formatHex(sha256.digest()) : null, List.of());
  }

  /** Written after the archive's commit, so a manifest's presence marks a complete run. */
  private static void writeManifest(
      RunManifest manifest, String location, Configuration hadoop, RunId run) {
    OutputTarget target = OutputTarget.of("--manifest", location, hadoop, run);
    boolean committed = false;
    try {
      manifest.writeTo(new UnclosableStream(target.open()));
      target.commit();
      committed = true;
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT, "Cannot write manifest " + location + ": " + e.getMessage(), e);
    } finally {
      if (!committed) {
        target.abort();
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private static ArchiveHeader header(JobSettings settings) {
    Compression compression = settings.compression().toCompression();
    String version = "datagen " + DatagenVersion.VERSION;
    return ArchiveHeader.of(
        compression,
        LocalDateTime.ofInstant(settings.referenceTime(), ZoneOffset.UTC),
        settings.schema().database().name(),
        version,
        version);
  }

  private static List<RunSummary.TableStats> tableStats(
      JobSettings settings, List<SegmentResult> results) {
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
      if (!settings.selection().includes(table.name())) {
        continue;
      }
      // --schema-only: the table is defined, with no rows.
      long rows = settings.selection().withData() ? table.rowCount() : 0;
      stats.add(new RunSummary.TableStats(table.name().toString(), rows, raw, stored));
    }
    return stats;
  }

  static String defaultOutputName(Schema schema, OutputFormat format) {
    String suffix =
        switch (format) {
          case CUSTOM -> ".dump";
          case DIRECTORY -> ".dir";
          case COPY, SQL -> ".sql";
        };
    return schema.database().name() + suffix;
  }

  /**
   * Removes the staging directory (unless kept) once no attempt of the job runs any more, so that
   * the leftovers of failed and losing speculative attempts go with it.
   */
  private static void cleanUp(
      JavaSparkContext spark,
      AttemptTracker attempts,
      StagingDirectory staging,
      GenerateRequest request,
      PrintWriter progress) {
    try {
      if (!attempts.awaitAllAttemptsEnded(ATTEMPTS_END_TIMEOUT) && progress != null) {
        progress.println(
            "datagen: some task attempts were still running after "
                + ATTEMPTS_END_TIMEOUT.toSeconds()
                + " s; removing staging anyway");
      }
    } finally {
      spark.sc().removeSparkListener(attempts);
    }
    removeStaging(staging, request, progress);
  }

  private static void removeStaging(
      StagingDirectory staging, GenerateRequest request, PrintWriter progress) {
    if (!request.keepStaging()) {
      staging.removeQuietly();
    } else if (progress != null) {
      progress.println("datagen: staging kept at " + staging);
    }
  }

  /**
   * What a failed job tells the user: the executor's own DatagenException (found in the cause chain
   * in local mode, or in the job's message on a cluster, where only messages cross) with its
   * category, staging write failures being output errors; else the innermost message.
   */
  static DatagenException executorFailure(Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof DatagenException datagen) {
        return new DatagenException(datagen.category(), datagen.getMessage(), e);
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    String marker = DatagenException.class.getName() + ": ";
    String text = e.getMessage() == null ? "" : e.getMessage();
    int at = text.indexOf(marker);
    if (at >= 0) {
      String message = text.substring(at + marker.length()).lines().findFirst().orElse("");
      return new DatagenException(
          message.startsWith(SegmentWriter.STAGING_FAILURE)
              ? ErrorCategory.OUTPUT
              : ErrorCategory.GENERATION,
          message,
          e);
    }
    return new DatagenException(
        ErrorCategory.GENERATION, "Cannot generate data: " + rootMessage(e), e);
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.toString();
  }
}
