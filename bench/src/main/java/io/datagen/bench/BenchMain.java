package io.datagen.bench;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link GeneratorBenchmarks} on one thread (JMH options on the command line override the
 * defaults: 1 fork, 3 × 1 s warm-up, 5 × 1 s measurement) and prints, after JMH's own table, each
 * datagen generator's values per second and its ratio to Datafaker's own method measured in the
 * same run.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws RunnerException, Exception {
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
    Map<String, Double> perSecond = new TreeMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      perSecond.put(
          name.substring(name.lastIndexOf('.') + 1), result.getPrimaryResult().getScore());
    }
    System.out.println();
    System.out.println(
        "values/s written as COPY text, one thread; ratio = datagen / Datafaker's own method");
    for (String kind :
        new String[] {"FirstName", "City", "FullName", "Email", "UniqueEmail", "Phone"}) {
      Double ours = perSecond.get("datagen" + kind);
      Double theirs = perSecond.get("datafaker" + kind.replace("Unique", ""));
      if (ours != null) {
        System.out.printf(
            Locale.ROOT,
            "%-12s datagen %,14.0f/s   Datafaker %,12.0f/s   ratio %8.1f×%n",
            kind,
            ours,
            theirs == null ? Double.NaN : theirs,
            theirs == null ? Double.NaN : ours / theirs);
      }
    }
  }
}
