package io.datagen.bench;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.spark.SparkSetup;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The end-to-end benchmark {@code bench/run} starts: {@code generate} for each committed schema,
 * codec and format, each codec's own limit on the same COPY text, raw generation, and the two
 * baselines of issue 12, all in one run on this machine. Prints the tables and writes
 * bench/results/end-to-end-DATE.json.
 *
 * <p>Usage: {@code bench/run [--quick | --scale FRACTION] [--seed N]}. System properties set by
 * bench/run: {@code bench.root} (the repository), {@code bench.command}, {@code bench.commit}.
 */
public final class EndToEndMain {
  /**
   * Every codec measured, in pg_dump's {@code -Z} spelling; one list, so adding one is one word.
   */
  static final List<String> CODECS = List.of("none", "gzip:6", "zstd:3", "lz4:1");

  /** Every output format measured. */
  static final List<OutputFormat> FORMATS = List.of(OutputFormat.CUSTOM, OutputFormat.DIRECTORY);

  static final List<String> SCHEMAS = List.of("customers", "lineitem");

  static final long DEFAULT_SEED = 42;

  /**
   * Each measured run follows a warm-up run of the same schema, format and codec with this fraction
   * of the rows (at least {@link #MIN_WARM_UP_ROWS}).
   */
  static final double WARM_UP_FRACTION = 0.1;

  static final long MIN_WARM_UP_ROWS = 10_000;

  private EndToEndMain() {}

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench/run: " + e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.println(Options.USAGE);
      return;
    }
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    BenchRun run = measure(root, options);
    String table = ReportTable.render(run);
    System.out.println();
    System.out.print(table);
    Path results = root.resolve("bench/results");
    Files.createDirectories(results);
    Path file =
        results.resolve(
            "end-to-end-" + run.started().atOffset(ZoneOffset.UTC).toLocalDate() + ".json");
    Files.writeString(file, ReportJson.render(run), StandardCharsets.UTF_8);
    System.out.println();
    System.out.println("results written to " + root.relativize(file));
  }

  static BenchRun measure(Path root, Options options) throws Exception {
    Instant started = Instant.now();
    List<BenchSchema> schemas = new ArrayList<>();
    for (String name : SCHEMAS) {
      schemas.add(
          BenchSchema.load(root.resolve("bench/schemas/" + name + ".json"), options.scale()));
    }
    List<CompressionOption> codecs = CODECS.stream().map(CompressionOption::parse).toList();
    int cores = Runtime.getRuntime().availableProcessors();
    long warmUpRows;
    List<EndToEndResult> endToEnd;
    OnCopyText onCopyText;
    JavaSparkContext spark = SparkSetup.start(null);
    try {
      EndToEndRuns runs = new EndToEndRuns(spark, options.seed());
      warmUpRows = schemas.stream().mapToLong(EndToEndMain::warmUpRows).max().orElse(0);
      endToEnd = endToEnd(runs, schemas, codecs);
      onCopyText = onCopyText(runs, schemas, codecs, cores);
    } finally {
      spark.stop();
    }
    List<RawGenerationRate> rawGeneration = new ArrayList<>();
    for (BenchSchema schema : schemas) {
      RawGenerationRate rate = RawGenerationRates.measure(schema, options.seed(), cores);
      progress(
          "raw generation: %s: %.1f MB/s on one core, %.1f MB/s on %d",
          schema.name(),
          rate.perCoreMegabytesPerSecond(),
          rate.allCoresMegabytesPerSecond(),
          cores);
      rawGeneration.add(rate);
    }
    NaiveDatafakerLoop.Result naive =
        NaiveDatafakerLoop.run(named(schemas, BenchRun.CUSTOMERS).rows(), options.seed());
    progress(
        "naive Datafaker + GZIPOutputStream: %,d rows in %.2f s", naive.rows(), naive.seconds());
    return new BenchRun(
        started,
        System.getProperty("bench.command", "java " + EndToEndMain.class.getName()),
        System.getProperty("bench.commit", "unknown"),
        MachineFacts.current(),
        options.scale(),
        options.seed(),
        warmUpRows,
        schemas,
        endToEnd,
        onCopyText.codecLimits(),
        rawGeneration,
        naive,
        onCopyText.gzipCli());
  }

  /** The rows of the warm-up run before each measured run of {@code schema}. */
  static long warmUpRows(BenchSchema schema) {
    return Math.max(MIN_WARM_UP_ROWS, Math.round(schema.rows() * WARM_UP_FRACTION));
  }

  private static List<EndToEndResult> endToEnd(
      EndToEndRuns runs, List<BenchSchema> schemas, List<CompressionOption> codecs)
      throws IOException {
    List<EndToEndResult> results = new ArrayList<>();
    for (BenchSchema schema : schemas) {
      for (OutputFormat format : FORMATS) {
        for (CompressionOption codec : codecs) {
          // The JIT compiles for the types and branches it has seen most recently: a run right
          // after another table's meets code compiled for that one, and spends its first seconds
          // recompiling (docs/profiling.md). The warm-up gives every measured run the state a
          // long run of its own reaches after its first seconds.
          runs.measure(schema, warmUpRows(schema), format, codec);
          EndToEndResult result = runs.measure(schema, schema.rows(), format, codec);
          progress(
              "end to end: %s %s %s: %,d rows in %.2f s, %.1f MB/s",
              schema.name(),
              format.id(),
              codec,
              result.rows(),
              result.seconds(),
              result.megabytesPerSecond());
          results.add(result);
        }
      }
    }
    return results;
  }

  /** What is measured on a table's uncompressed COPY text. */
  private record OnCopyText(List<CodecLimit.Result> codecLimits, GzipCli.Result gzipCli) {}

  /**
   * Writes each table's COPY text once to a temporary file, measures every compressing codec's
   * limit on it, and gzip -6 on lineitem's; deletes the files.
   */
  private static OnCopyText onCopyText(
      EndToEndRuns runs, List<BenchSchema> schemas, List<CompressionOption> codecs, int cores)
      throws Exception {
    List<CodecLimit.Result> limits = new ArrayList<>();
    GzipCli.Result gzipCli = null;
    Path scratch = Files.createTempDirectory("datagen-bench-copy-");
    try {
      for (BenchSchema schema : schemas) {
        Path copyText = scratch.resolve(schema.name() + ".copy");
        long bytes = CopyText.write(runs, schema, schema.rows(), copyText);
        progress("COPY text of %s: %.1f MB", schema.name(), Units.megabytes(bytes));
        limits.addAll(codecLimits(schema, copyText, codecs, cores));
        if (schema.name().equals(BenchRun.LINEITEM)) {
          gzipCli = GzipCli.run(copyText, 6);
          progress("gzip -6 CLI on %s: %.2f s", schema.name(), gzipCli.seconds());
        }
        Files.delete(copyText);
      }
    } finally {
      TemporaryFiles.deleteRecursively(scratch);
    }
    if (gzipCli == null) {
      throw new IllegalStateException(
          "Cannot compare with gzip -6: no schema named " + BenchRun.LINEITEM + " was measured");
    }
    return new OnCopyText(limits, gzipCli);
  }

  private static BenchSchema named(List<BenchSchema> schemas, String name) {
    return schemas.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Cannot run the baselines: no schema named " + name + " was measured"));
  }

  /** Each compressing codec's limit on the COPY text in {@code copyText}. */
  private static List<CodecLimit.Result> codecLimits(
      BenchSchema schema, Path copyText, List<CompressionOption> codecs, int cores)
      throws Exception {
    CodecLimit text = CodecLimit.load(schema.name(), copyText);
    List<CodecLimit.Result> limits = new ArrayList<>();
    for (CompressionOption codec : codecs) {
      if (codec.equals(CompressionOption.NONE)) {
        continue; // no codec to limit: raw generation is none's limit
      }
      CodecLimit.Result limit = text.measure(codec, cores);
      progress(
          "codec limit: %s %s on %d threads: %.1f MB/s, ratio %.2f",
          schema.name(), codec, cores, limit.megabytesPerSecond(), limit.ratio());
      limits.add(limit);
    }
    return limits;
  }

  private static void progress(String format, Object... values) {
    System.err.println("bench: " + String.format(Locale.ROOT, format, values));
  }

  /** The command line. */
  record Options(double scale, long seed, boolean help) {
    static final String USAGE =
        """
        Usage: bench/run [--quick | --scale FRACTION] [--seed N]
          --quick           a tenth of the rows (--scale 0.1), to try the benchmark out
          --scale FRACTION  rows as a fraction of the schemas' own (default 1: 2M customers,
                            6M lineitem rows)
          --seed N          the seed of every generated table (default 42)""";

    Options {
      if (!(scale > 0) || scale > 100) {
        throw new IllegalArgumentException(
            "Invalid --scale: " + scale + " (expected a fraction above 0, at most 100)");
      }
    }

    static Options parse(String[] args) {
      double scale = 1;
      long seed = DEFAULT_SEED;
      boolean help = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--quick" -> scale = 0.1;
          case "--scale" -> scale = fraction(value(args, ++i, "--scale"));
          case "--seed" -> seed = seed(value(args, ++i, "--seed"));
          case "-h", "--help" -> help = true;
          default ->
              throw new IllegalArgumentException(
                  "Unknown option: '" + args[i] + "' (expected --quick, --scale, --seed, --help)");
        }
      }
      return new Options(scale, seed, help);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length) {
        throw new IllegalArgumentException("Missing value after " + option);
      }
      return args[index];
    }

    private static double fraction(String text) {
      try {
        return Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Invalid --scale: '" + text + "' (expected a number such as 0.1)", e);
      }
    }

    private static long seed(String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Invalid --seed: '" + text + "' (expected a whole number)", e);
      }
    }
  }
}
