package io.datagen.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one {@code bench/run} measured, and what follows from it: each end-to-end run's
 * efficiency against its codec's limit, and the goals of issue 12.
 *
 * @param started when the run started
 * @param command the command line that ran it
 * @param gitCommit the commit measured ({@code -dirty} when the worktree had changes)
 * @param machine where it ran
 * @param scale the fraction of the schemas' row counts
 * @param seed the seed of every generated table
 * @param warmUpRows rows of the largest warm-up run (a tenth of its table; not reported)
 * @param schemas the schemas at this run's row counts
 * @param endToEnd the measured {@code generate} runs
 * @param codecLimits each compressing codec on each table's COPY text
 * @param rawGeneration each table's generation alone
 * @param naiveLoop the Datafaker + GZIPOutputStream baseline on the customers columns
 * @param gzipCli the gzip CLI baseline on the lineitem COPY text
 */
public record BenchRun(
    Instant started,
    String command,
    String gitCommit,
    MachineFacts machine,
    double scale,
    long seed,
    long warmUpRows,
    List<BenchSchema> schemas,
    List<EndToEndResult> endToEnd,
    List<CodecLimit.Result> codecLimits,
    List<RawGenerationRate> rawGeneration,
    NaiveDatafakerLoop.Result naiveLoop,
    GzipCli.Result gzipCli) {

  /** The wide realistic table the naive loop mirrors. */
  static final String CUSTOMERS = "customers";

  /** The TPC-H lineitem shape the gzip CLI compresses. */
  static final String LINEITEM = "lineitem";

  public BenchRun {
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(machine, "machine");
    schemas = List.copyOf(schemas);
    endToEnd = List.copyOf(endToEnd);
    codecLimits = List.copyOf(codecLimits);
    rawGeneration = List.copyOf(rawGeneration);
    Objects.requireNonNull(naiveLoop, "naiveLoop");
    Objects.requireNonNull(gzipCli, "gzipCli");
  }

  /**
   * What the run could reach at best, in MB/s of COPY text: the codec's own limit on all cores, or
   * for {@code none} the table's raw generation on all cores.
   */
  public Optional<Double> limit(EndToEndResult run) {
    if (run.codec().equals("none")) {
      return rawGeneration.stream()
          .filter(r -> r.schema().equals(run.schema()))
          .map(RawGenerationRate::allCoresMegabytesPerSecond)
          .findFirst();
    }
    return codecLimits.stream()
        .filter(l -> l.schema().equals(run.schema()) && l.codec().equals(run.codec()))
        .map(CodecLimit.Result::megabytesPerSecond)
        .findFirst();
  }

  /** End-to-end MB/s over {@link #limit}. */
  public Optional<Double> efficiency(EndToEndResult run) {
    return limit(run).map(limit -> run.megabytesPerSecond() / limit);
  }

  public Optional<EndToEndResult> endToEnd(String schema, String format, String codec) {
    return endToEnd.stream()
        .filter(
            r -> r.schema().equals(schema) && r.format().equals(format) && r.codec().equals(codec))
        .findFirst();
  }

  /** The goals of issue 12 that this run measured, in the order. */
  public List<Target> targets() {
    List<Target> targets = new ArrayList<>();
    for (BenchSchema schema : schemas) {
      endToEnd(schema.name(), "custom", "gzip:6")
          .flatMap(this::efficiency)
          .ifPresent(
              e ->
                  targets.add(
                      new Target(
                          schema.name() + " gzip:6 custom end to end / gzip:6 limit",
                          e,
                          0.80,
                          true,
                          "%")));
      endToEnd(schema.name(), "custom", "zstd:3")
          .flatMap(this::efficiency)
          .ifPresent(
              e ->
                  targets.add(
                      new Target(
                          schema.name() + " zstd:3 custom end to end / zstd:3 limit",
                          e,
                          0.50,
                          true,
                          "%")));
    }
    rawGeneration.stream()
        .filter(r -> r.schema().equals(LINEITEM))
        .findFirst()
        .ifPresent(
            r ->
                targets.add(
                    new Target(
                        "lineitem raw generation, one core",
                        r.perCoreMegabytesPerSecond(),
                        150,
                        true,
                        "MB/s")));
    endToEnd(CUSTOMERS, "custom", "zstd:3")
        .ifPresent(
            r ->
                targets.add(
                    new Target(
                        "customers zstd:3 custom time / naive Datafaker + GZIPOutputStream time",
                        r.seconds() / naiveLoop.seconds(),
                        0.25,
                        false,
                        "x")));
    endToEnd(LINEITEM, "custom", "gzip:6")
        .ifPresent(
            r ->
                targets.add(
                    new Target(
                        "lineitem gzip:6 custom time / gzip -6 CLI time",
                        r.seconds() / gzipCli.seconds(),
                        0.6,
                        false,
                        "x")));
    return targets;
  }
}
