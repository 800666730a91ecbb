package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.spark.GenerateJob;
import io.datagen.job.spark.GenerateRequest;
import io.datagen.job.spark.RunSummary;
import io.datagen.job.spark.SparkSetup;
import io.datagen.job.templates.TemplateCatalog;
import io.datagen.job.templates.TemplateSchemas;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "generate",
    description =
        "Generates the data described by a schema file into a pg_dump archive (or a SQL script).",
    sortOptions = false)
public final class GenerateCommand implements Callable<Integer> {
  /** The master URLs Spark 4 accepts (SparkContext.createTaskScheduler). */
  private static final java.util.regex.Pattern MASTER_URL =
      java.util.regex.Pattern.compile(
          "local(\\[(\\*|[1-9][0-9]*)(,[0-9]+)?])?"
              + "|local-cluster\\[[0-9]+, *[0-9]+, *[0-9]+]"
              + "|spark://[^/,\\s]+:[0-9]+(,[^/,\\s]+:[0-9]+)*"
              + "|yarn|k8s://\\S+");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Option defaults (YAML or JSON). Default: .datagen.yaml here, else in the home directory.")
  String config;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCHEMA",
      description = "Schema file (JSON), or - for stdin.")
  String schemaArgument;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "SCHEMA",
      description = "Schema file (the original tool's spelling).")
  String inputOption;

  @Option(
      names = {"-t", "--template"},
      paramLabel = "NAME[:PREFIX]",
      description =
          "A built-in template instead of a schema file (see datagen template list). Repeat to merge "
              + "templates; a PREFIX goes before all of that template's table names.")
  List<String> templates = new ArrayList<>();

  @Option(
      names = {"--template-param", "--param"},
      paramLabel = "KEY=VALUE",
      description = "Template parameter: scale=F (all tables), rows.TABLE=N (one table).")
  Map<String, String> templateParams = new java.util.LinkedHashMap<>();

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|URI|-",
      description =
          "Where to write: a file (a directory for --format directory), any Hadoop URI (s3a://,"
              + " hdfs://, file:), or - for stdout. Default: <database>.dump (custom),"
              + " <database>.dir (directory) or <database>.sql.")
  String output;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "FORMAT",
      description =
          "custom (pg_restore, one file), directory (pg_restore, a directory: toc.dat and one file"
              + " per table, like pg_dump -Fd), copy (psql script with COPY) or sql (psql script with"
              + " INSERTs). Default: from the output's name (NAME.sql: sql; NAME.copy.sql or"
              + " NAME.psql: copy; each also .gz; NAME.dir, NAME/ or an existing directory:"
              + " directory), else custom.")
  String format;

  @Option(
      names = {"-Z", "--compress"},
      paramLabel = "METHOD",
      arity = "0..1",
      fallbackValue = "gzip",
      description =
          "none, gzip, gzip:1..9, a level 0..9, or zstd, zstd:1..22, lz4, lz4:1..12 (archives"
              + " for pg_restore 16 or newer); alone, gzip. Default: gzip for archives (every"
              + " pg_restore from 12 reads it), none for scripts (gzip for NAME.sql.gz).")
  String compress;

  @Option(
      names = "--compat",
      paramLabel = "PG_MAJOR",
      description =
          "The oldest pg_restore (12..18) that must read the archive. Without --compress, picks"
              + " the fastest codec it reads: gzip:1 for 12 to 15, lz4:1 for 16 and newer; with"
              + " --compress, refuses a codec it cannot read.")
  Integer compat;

  @Option(
      names = {"-s", "--seed"},
      paramLabel = "N",
      description = "Seed; the same seed gives byte-identical output. Default: random (printed).")
  Long seed;

  @Option(
      names = "--rows",
      paramLabel = "N",
      description = "Row count for every table, overriding row_count.")
  Long rows;

  @Option(
      names = "--partitions",
      paramLabel = "N",
      description =
          "Spark tasks to spread the segments over. Default: Spark's default parallelism. Never changes the output.")
  Integer partitions;

  @Option(
      names = "--segment-rows",
      paramLabel = "N",
      defaultValue = "" + SegmentPlanner.DEFAULT_SEGMENT_ROWS,
      description =
          "Rows per segment (the unit of work and of determinism). Default: ${DEFAULT-VALUE}.")
  long segmentRows;

  @Option(
      names = "--staging",
      paramLabel = "URI",
      description =
          "Where executors stage compressed blocks (any Hadoop URI). Default: next to the output.")
  String staging;

  @Option(names = "--keep-staging", description = "Keep the staging directory (for debugging).")
  boolean keepStaging;

  @Option(
      names = "--manifest",
      paramLabel = "FILE|URI",
      description =
          "Also write a JSON manifest of the run (schema digest, seed, options, per-table and per-segment "
              + "sizes and checksums, archive SHA-256), after the archive is complete.")
  String manifest;

  @Option(
      names = "--timestamp",
      paramLabel = "ISO-8601",
      description =
          "The archive's creation time and the reference date for generated dates. "
              + "Default: SOURCE_DATE_EPOCH, else 2025-01-01T00:00:00Z when --seed is given, else now.")
  String timestamp;

  @Option(
      names = "--rows-per-insert",
      paramLabel = "N",
      defaultValue = "100",
      description = "Rows per INSERT statement for --format sql. Default: ${DEFAULT-VALUE}.")
  int rowsPerInsert;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "Spark master for a local launch, e.g. local[2]. Default: spark-submit's, else local[*];"
              + " without either, a run of at most 1,000,000 rows writing to local files runs in"
              + " process, with no Spark at all (same bytes, no Spark start-up).")
  String master;

  @Option(
      names = {"-j", "--jobs"},
      paramLabel = "N",
      description =
          "Worker threads of a local launch (the original tool's option): N threads for a run"
              + " in process, --master local[N] for one on Spark. Ignored under spark-submit, whose"
              + " master decides.")
  Integer jobs;

  @Option(
      names = "--master-timeout",
      paramLabel = "SECONDS",
      defaultValue = "" + SparkSetup.DEFAULT_MASTER_TIMEOUT_SECONDS,
      description =
          "On a cluster master: how long it may take to accept this application and give it a"
              + " first executor before generate fails (exit 3) with the reason in one line."
              + " Default: ${DEFAULT-VALUE}.")
  int masterTimeout;

  @Option(
      names = "--tables",
      split = ",",
      paramLabel = "TABLE",
      description = "Only these tables (comma-separated), plus the tables they reference.")
  List<String> tables = new ArrayList<>();

  @Option(
      names = "--tables-only",
      description =
          "With --tables: do not add referenced tables (their foreign keys are left out).")
  boolean tablesOnly;

  @Option(
      names = "--schema-only",
      description = "Only the definitions: no data (and no Spark job).")
  boolean schemaOnly;

  @Option(
      names = "--data-only",
      description = "Only the data (and sequence values), for tables that already exist.")
  boolean dataOnly;

  @Option(
      names = "--dry-run",
      description = "Print the plan and a size estimate; generate nothing.")
  boolean dryRun;

  @Option(
      names = "--validate-output",
      arity = "0..1",
      fallbackValue = "structure",
      paramLabel = "structure|restore",
      description =
          "After writing, read the output back and check it against the run: the archive's"
              + " structure and TOC, every table's data decompressed to the end, each table's rows"
              + " as planned; exit 5 otherwise. Archives and COPY scripts at a local path."
              + " restore: then also restore it into a throwaway PostgreSQL 18 server on 127.0.0.1"
              + " (pg_restore --exit-on-error, or psql -v ON_ERROR_STOP=1 for scripts) and count"
              + " every table's rows there.")
  String validateOutput;

  @Option(
      names = "--pg-bin",
      paramLabel = "DIR",
      description =
          "Where --validate-output=restore finds pg_restore or psql (12 or newer; 16 or newer for"
              + " zstd or lz4 archives). Default: $PG_BIN, else PATH.")
  String pgBin;

  @Option(
      names = {"-q", "--quiet"},
      description = "Print nothing but errors.")
  boolean quiet;

  @Option(
      names = {"-v", "--verbose"},
      description = "Also show Spark's and Hadoop's log messages, and the stack trace of an error.")
  boolean verbose;

  @Option(
      names = "--json",
      description =
          "Print the run summary as JSON on stdout (needs -o FILE: with -o - stdout carries the archive).")
  boolean json;

  /** One line each about what the command line meant (old spellings, ignored options). */
  private final List<String> notes = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    GenerateRequest request = request(System.getenv(), Clock.systemUTC().instant());
    notes.forEach(err::println);
    RestoreCheck restoreCheck = prepareValidation(request);
    RunSummary summary =
        GenerateJob.run(
            request,
            quiet ? null : err,
            System.console() != null,
            java.time.Duration.ofSeconds(masterTimeout));
    if (seed == null && !quiet) {
      err.println(
          "datagen: no --seed given; used seed "
              + request.seed()
              + " (pass --seed "
              + request.seed()
              + " to repeat this run)");
    }
    if (!quiet && !dryRun) {
      err.println(summary.describe());
    }
    if (validateOutput != null && !dryRun) {
      validate(err, request, summary, restoreCheck);
    }
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(),
          g -> {
            g.writeStringField("output", summary.output());
            g.writeStringField("format", request.format().id());
            g.writeStringField("compression", request.compression().toString());
            g.writeNumberField("seed", summary.seed());
            g.writeStringField("timestamp", request.referenceTime().toString());
            g.writeBooleanField("dry_run", dryRun);
            g.writeNumberField("rows", summary.totalRows());
            g.writeNumberField(
                "raw_bytes",
                summary.tables().stream().mapToLong(RunSummary.TableStats::rawBytes).sum());
            g.writeNumberField("archive_bytes", summary.archiveBytes());
            g.writeNumberField("seconds", summary.elapsed().toMillis() / 1000.0);
            g.writeArrayFieldStart("tables");
            for (RunSummary.TableStats table : summary.tables()) {
              g.writeStartObject();
              g.writeStringField("name", table.table());
              g.writeNumberField("rows", table.rows());
              g.writeNumberField("raw_bytes", table.rawBytes());
              g.writeNumberField("stored_bytes", table.storedBytes());
              g.writeEndObject();
            }
            g.writeEndArray();
          });
    }
    err.flush();
    return 0;
  }

  GenerateRequest request(Map<String, String> environment, Instant now) {
    if (schemaArgument != null && inputOption != null) {
      throw usage("Give the schema either as an argument or with -i/--input, not both");
    }
    String schema = schemaArgument != null ? schemaArgument : inputOption;
    String schemaText = null;
    if (!templates.isEmpty()) {
      if (schema != null) {
        throw usage("Give either a schema file or --template, not both");
      }
      List<TemplateSchemas.TemplateRef> refs =
          templates.stream().map(TemplateSchemas.TemplateRef::parse).toList();
      schemaText = TemplateSchemas.instantiate(TemplateCatalog.builtIn(), refs, templateParams);
      schema = TemplateSchemas.sourceName(refs);
    } else if (!templateParams.isEmpty()) {
      throw usage("--template-param needs --template");
    }
    if (schema == null) {
      // Unlike validate, generate never reads stdin unasked: a scheduler's or CI job's stdin is
      // often a pipe that never ends, and a run would wait on it for ever.
      throw usage(
          "Missing schema: datagen generate SCHEMA.json (or - for stdin, or --template NAME)");
    }
    OutputFormat outputFormat;
    CompressionOption compression;
    java.time.Instant referenceTime;
    try {
      outputFormat =
          format != null ? OutputFormat.fromText(format) : OutputFormat.inferFrom(output);
      if (compat != null) {
        CompressionOption.requireSupported(compat);
      }
      // A --compress from a config file or DATAGEN_COMPRESS is for archives: a script is
      // compressed only when asked on the command line (or named NAME.sql.gz).
      String method =
          compress != null && (outputFormat.isArchive() || onCommandLine("--compress"))
              ? compress
              : null;
      compression =
          method != null
              ? CompressionOption.parse(method)
              : !outputFormat.isArchive()
                  ? (OutputFormat.namesGzippedScript(output)
                      ? CompressionOption.DEFAULT_GZIP
                      : CompressionOption.NONE)
                  : compat != null
                      ? CompressionOption.fastestFor(compat)
                      : CompressionOption.DEFAULT_GZIP;
      referenceTime = RunClock.referenceTime(timestamp, seed != null, environment, now);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    if (!compression.readableByEveryPgRestore() && !outputFormat.isArchive()) {
      throw usage(
          "Invalid --compress "
              + compression
              + " with --format "
              + outputFormat.id()
              + ": "
              + compression.algorithm().name().toLowerCase(java.util.Locale.ROOT)
              + " is written for archives (custom or directory, pg_restore 16 or newer); psql"
              + " scripts take none or gzip");
    }
    if (compat != null && !outputFormat.isArchive()) {
      throw usage(
          "--compat is for archives (--format custom or directory), which pg_restore reads;"
              + " any psql reads a --format "
              + outputFormat.id()
              + " script");
    }
    if (compat != null && !compression.readableBy(compat)) {
      throw usage(
          "Invalid --compress "
              + compression
              + " with --compat "
              + compat
              + ": pg_restore "
              + compat
              + " cannot read it ("
              + compression.algorithm().name().toLowerCase(java.util.Locale.ROOT)
              + " archives need pg_restore "
              + CompressionOption.ZSTD_LZ4_PG_MAJOR
              + " or newer); use gzip or none, or raise --compat");
    }
    if (outputFormat == OutputFormat.DIRECTORY && "-".equals(output)) {
      throw usage(
          "--format directory writes a directory, which stdout (-o -) cannot hold; give -o DIR");
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
    if (json && "-".equals(output)) {
      throw usage(
          "--json prints the summary on stdout, which -o - uses for the archive; write the archive to a file");
    }
    if (schemaOnly && dataOnly) {
      throw usage("--schema-only and --data-only exclude each other");
    }
    if (tablesOnly && tables.isEmpty()) {
      throw usage("--tables-only needs --tables");
    }
    Integer localJobs = null;
    if (jobs != null) {
      if (jobs < 1) {
        throw usage("Invalid -j/--jobs: " + jobs + " (must be 1 or more)");
      }
      if (master != null) {
        throw usage("Give either --master or -j/--jobs (which means --master local[N]), not both");
      }
      if (System.getProperty("spark.master") == null) {
        localJobs = jobs;
      } else {
        notes.add(
            "datagen: ignoring -j/--jobs "
                + jobs
                + ": spark-submit's master ("
                + System.getProperty("spark.master")
                + ") decides the parallelism");
      }
    }
    if (master != null && !MASTER_URL.matcher(master).matches()) {
      throw usage(
          "Invalid --master '"
              + master
              + "': expected local, local[N], local[*], spark://HOST:PORT, yarn or"
              + " k8s://https://HOST:PORT");
    }
    if (masterTimeout < 1) {
      throw usage("Invalid --master-timeout: " + masterTimeout + " (must be 1 second or more)");
    }
    if (rowsPerInsert < 1) {
      throw usage("Invalid --rows-per-insert: " + rowsPerInsert + " (must be 1 or more)");
    }
    return new GenerateRequest(
        schema,
        schemaText,
        output,
        outputFormat,
        compression,
        RunClock.seed(seed),
        referenceTime,
        rows,
        partitions,
        segmentRows,
        staging,
        keepStaging,
        rowsPerInsert,
        master,
        new SelectionRequest(tables, tablesOnly, schemaOnly, dataOnly),
        dryRun,
        manifest,
        localJobs);
  }

  /** Whether {@code option} was typed on the command line (not a config file's or variable's). */
  private boolean onCommandLine(String option) {
    CommandLine.ParseResult parsed = spec == null ? null : spec.commandLine().getParseResult();
    return parsed == null || parsed.hasMatchedOption(option);
  }

  /**
   * Refuses, before any work, a --validate-output that cannot be done; returns the restore check
   * (its client found and its version checked) for =restore, else null.
   */
  private RestoreCheck prepareValidation(GenerateRequest request) {
    // The original tool's config file says validate_output: true or false.
    if (validateOutput != null && validateOutput.strip().equalsIgnoreCase("false")) {
      validateOutput = null;
    } else if (validateOutput != null && validateOutput.strip().equalsIgnoreCase("true")) {
      validateOutput = "structure";
    }
    if (validateOutput != null) {
      String mode = validateOutput.strip().toLowerCase(java.util.Locale.ROOT);
      if (!mode.equals("structure") && !mode.equals("restore")) {
        throw usage(
            "Invalid --validate-output="
                + validateOutput
                + ": use structure (read the output back; the default) or restore (also restore"
                + " it into a throwaway PostgreSQL server)");
      }
      if (mode.equals("restore")) {
        OutputCheck.requireLocalFile(request.output());
        return RestoreCheck.prepare(
            request.format(), request.compression(), dataOnly, pgBin, System.getenv());
      } else {
        OutputCheck.requireCheckable(request.format(), request.output());
      }
    } else if (pgBin != null) {
      throw usage("--pg-bin is for --validate-output=restore; without it nothing runs pg_restore");
    }
    return null;
  }

  /** The read-back check (not of an INSERT script), then the restore check if asked. */
  private void validate(
      PrintWriter err, GenerateRequest request, RunSummary summary, RestoreCheck restoreCheck) {
    java.nio.file.Path written = java.nio.file.Path.of(summary.output());
    // An INSERT script is not re-parsed: psql is its only reader (restore mode only).
    if (request.format() != OutputFormat.SQL) {
      List<String> checked =
          OutputCheck.check(written, request.format(), request.compression(), summary);
      if (!quiet) {
        err.println(
            "datagen: validated "
                + summary.output()
                + ": it reads back, and every table holds its planned rows ("
                + String.join(", ", checked)
                + ")");
      }
    }
    if (restoreCheck != null) {
      if (!quiet) {
        err.println(
            "datagen: restoring "
                + summary.output()
                + " into a throwaway PostgreSQL "
                + io.datagen.job.scratch.ScratchServer.MAJOR_VERSION
                + " server with "
                + restoreCheck.client().path()
                + " ("
                + restoreCheck.client().majorVersion()
                + ")");
        err.flush();
      }
      List<String> restored =
          restoreCheck.check(written, request.format(), request.compression(), summary);
      if (!quiet) {
        err.println(
            "datagen: restored "
                + summary.output()
                + " with "
                + restoreCheck.client().name()
                + ", and every table holds its planned rows there ("
                + String.join(", ", restored)
                + "); the server and its data directory are removed");
      }
    }
  }

  private static DatagenException usage(String message) {
    return new DatagenException(ErrorCategory.USAGE, message);
  }
}
