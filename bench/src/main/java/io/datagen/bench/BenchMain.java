package io.datagen.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link GeneratorBenchmarks} on one thread (JMH options on the command line override the
 * defaults: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement) and prints, after JMH's own table, a
 * summary: the command, the machine, and each datagen generator's values per second with its ratio
 * to Datafaker's own method measured in the same run. With {@code -Dbench.results=FILE} the summary
 * is also written to FILE (docs/generators.md quotes the newest file under bench/results/, and
 * {@code BenchmarkDocsTest} checks that it does).
 */
public final class BenchMain {
  static final String[] KINDS = {"FirstName", "City", "FullName", "Email", "UniqueEmail", "Phone"};

  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    CommandLineOptions command = new CommandLineOptions(args);
    Options options =
        new OptionsBuilder()
            .parent(command)
            .include(
                command.getIncludes().isEmpty()
                    ? GeneratorBenchmarks.class.getSimpleName()
                    : command.getIncludes().get(0))
            .forks(command.getForkCount().orElse(1))
            .warmupIterations(command.getWarmupIterations().orElse(3))
            .warmupTime(command.getWarmupTime().orElse(TimeValue.seconds(1)))
            .measurementIterations(command.getMeasurementIterations().orElse(5))
            .measurementTime(command.getMeasurementTime().orElse(TimeValue.seconds(1)))
            .threads(1)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    String summary = summary(args, options, results);
    System.out.println();
    System.out.print(summary);
    String file = System.getProperty("bench.results");
    if (file != null) {
      Path path = Path.of(file);
      if (path.getParent() != null) {
        Files.createDirectories(path.getParent());
      }
      Files.writeString(path, summary, StandardCharsets.UTF_8);
      System.out.println("summary written to " + path);
    }
  }

  private static String summary(String[] args, Options options, Collection<RunResult> results) {
    Map<String, Result<?>> byName = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      byName.put(name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult());
    }
    StringBuilder out = new StringBuilder();
    String property = System.getProperty("bench.results");
    out.append("command: java")
        .append(property == null ? "" : " -Dbench.results=" + property)
        .append(" -jar bench/target/benchmarks.jar")
        .append(args.length == 0 ? "" : " " + String.join(" ", args))
        .append('\n');
    MachineFacts machine = MachineFacts.current();
    out.append("date: ").append(java.time.Instant.now()).append('\n');
    out.append("cpu: ").append(machine.cpu()).append('\n');
    out.append("cores: ").append(machine.cores()).append(" available to the JVM\n");
    out.append("jvm: ").append(machine.jvm()).append('\n');
    out.append("os: ").append(machine.os()).append('\n');
    out.append(
            String.format(
                Locale.ROOT,
                "jmh: %d fork(s), warm-up %d × %s, measurement %d × %s, 1 thread%n",
                options.getForkCount().orElse(1),
                options.getWarmupIterations().orElse(0),
                options.getWarmupTime().orElse(null),
                options.getMeasurementIterations().orElse(0),
                options.getMeasurementTime().orElse(null)))
        .append('\n');
    out.append(
        "values/s written as COPY text, one thread; ratio = datagen / Datafaker's own method\n");
    for (String kind : KINDS) {
      Result<?> ours = byName.get("datagen" + kind);
      Result<?> theirs = byName.get("datafaker" + kind.replace("Unique", ""));
      if (ours != null) {
        double theirScore = theirs == null ? Double.NaN : theirs.getScore();
        out.append(
            String.format(
                Locale.ROOT,
                "%-12s datagen %,14.0f ± %,12.0f/s   Datafaker %,12.0f ± %,10.0f/s   ratio %8.1f×%n",
                kind,
                ours.getScore(),
                ours.getScoreError(),
                theirScore,
                theirs == null ? Double.NaN : theirs.getScoreError(),
                ours.getScore() / theirScore));
      }
    }
    return out.toString();
  }
}
