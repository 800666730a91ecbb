package io.datagen.bench;

import java.util.Locale;

/**
 * The run as Markdown tables: readable in a terminal, and pasted as they are into
 * docs/performance.md (whose numbers PerformanceDocsTest checks against the JSON results).
 */
public final class ReportTable {
  private ReportTable() {}

  public static String render(BenchRun run) {
    StringBuilder out = new StringBuilder();
    MachineFacts machine = run.machine();
    line(out, "command: %s", run.command());
    line(out, "commit: %s", run.gitCommit());
    line(out, "started: %s", run.started());
    line(out, "cpu: %s, %d cores available to the JVM", machine.cpu(), machine.cores());
    line(out, "jvm: %s; os: %s", machine.jvm(), machine.os());
    line(
        out,
        "scale %s, seed %d, warm-up runs of %,d rows not reported; MB = 10^6 bytes",
        run.scale(),
        run.seed(),
        run.warmUpRows());
    out.append('\n');

    line(
        out,
        "### End to end (generate in-process, Spark local[*]; MB/s = raw COPY text per second)");
    out.append('\n');
    line(
        out,
        "| schema | format | codec | rows | wall s | raw MB | archive MB | MB/s | limit MB/s |"
            + " efficiency |");
    line(out, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (EndToEndResult r : run.endToEnd()) {
      line(
          out,
          "| %s | %s | %s | %,d | %.2f | %.1f | %.1f | %.1f | %s | %s |",
          r.schema(),
          r.format(),
          r.codec(),
          r.rows(),
          r.seconds(),
          Units.megabytes(r.rawBytes()),
          Units.megabytes(r.archiveBytes()),
          r.megabytesPerSecond(),
          run.limit(r).map(l -> String.format(Locale.ROOT, "%.1f", l)).orElse("n/a"),
          run.efficiency(r).map(e -> String.format(Locale.ROOT, "%.0f %%", e * 100)).orElse("n/a"));
    }
    out.append('\n');

    line(
        out,
        "### Codec limits (independent %d KiB pieces, one thread and encoder per core)",
        CodecLimit.PIECE_SIZE / 1024);
    out.append('\n');
    line(out, "| schema | codec | threads | input MB | MB/s | ratio |");
    line(out, "|---|---|---:|---:|---:|---:|");
    for (CodecLimit.Result l : run.codecLimits()) {
      line(
          out,
          "| %s | %s | %d | %.1f | %.1f | %.2f |",
          l.schema(),
          l.codec(),
          l.threads(),
          Units.megabytes(l.inputBytes()),
          l.megabytesPerSecond(),
          l.ratio());
    }
    out.append('\n');

    line(out, "### Raw generation (COPY text into a discarded buffer)");
    out.append('\n');
    line(out, "| schema | rows | MB | MB/s one core | threads | MB/s all cores |");
    line(out, "|---|---:|---:|---:|---:|---:|");
    for (RawGenerationRate r : run.rawGeneration()) {
      line(
          out,
          "| %s | %,d | %.1f | %.1f | %d | %.1f |",
          r.schema(),
          r.rows(),
          Units.megabytes(r.bytes()),
          r.perCoreMegabytesPerSecond(),
          r.threads(),
          r.allCoresMegabytesPerSecond());
    }
    out.append('\n');

    line(out, "### Baselines (one thread each, measured in this run)");
    out.append('\n');
    line(out, "| baseline | input | wall s | MB/s of text | datagen run | datagen / baseline |");
    line(out, "|---|---|---:|---:|---|---:|");
    NaiveDatafakerLoop.Result naive = run.naiveLoop();
    run.endToEnd(BenchRun.CUSTOMERS, "custom", "zstd:3")
        .ifPresent(
            r ->
                line(
                    out,
                    "| Datafaker + GZIPOutputStream loop | %s rows, %.1f MB | %.2f | %.1f |"
                        + " customers custom zstd:3, %.2f s | %.2f x |",
                    String.format(Locale.ROOT, "%,d", naive.rows()),
                    Units.megabytes(naive.rawBytes()),
                    naive.seconds(),
                    naive.megabytesPerSecond(),
                    r.seconds(),
                    r.seconds() / naive.seconds()));
    GzipCli.Result gzip = run.gzipCli();
    run.endToEnd(BenchRun.LINEITEM, "custom", "gzip:6")
        .ifPresent(
            r ->
                line(
                    out,
                    "| `gzip -6` CLI on lineitem's COPY text | %.1f MB | %.2f | %.1f |"
                        + " lineitem custom gzip:6, %.2f s | %.2f x |",
                    Units.megabytes(gzip.inputBytes()),
                    gzip.seconds(),
                    gzip.megabytesPerSecond(),
                    r.seconds(),
                    r.seconds() / gzip.seconds()));
    out.append('\n');

    line(out, "### Targets of issue 12");
    out.append('\n');
    for (Target target : run.targets()) {
      line(out, "- %s", target.line());
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String format, Object... values) {
    out.append(String.format(Locale.ROOT, format, values)).append('\n');
  }
}
