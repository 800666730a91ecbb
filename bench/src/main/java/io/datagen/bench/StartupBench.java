package io.datagen.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Start-up cost of the command line (issue 13): the wall time of whole {@code submit/datagen}
 * commands, each as a ratio to {@code java -version} measured in the same run, so that a busy or
 * slow machine shows in both. The commands run in rounds (every command once per round, in order),
 * so that a change of load during the run falls on all of them alike; one round first warms the
 * file cache and is not counted. Besides wall time it records each command's CPU time (user +
 * system, of the process and its children, from /proc/self/stat on Linux), which a busy machine
 * changes much less than wall time. Prints a table and writes bench/results/startup-DATE.json.
 *
 * <pre>bench/startup [--runs N]</pre>
 */
public final class StartupBench {
  static final int DEFAULT_RUNS = 7;

  /** One command measured: a label, its target wall time in seconds (0: none), its arguments. */
  record Command(String label, double targetSeconds, List<String> arguments) {}

  /** The Linux kernel's USER_HZ: the unit of the CPU times in /proc (100 on every architecture). */
  static final double CLOCK_TICKS_PER_SECOND = 100;

  /** A command's wall and CPU times over the counted rounds, in seconds. */
  record Timing(Command command, double[] seconds, double[] cpuSeconds) {
    double median() {
      return median(seconds);
    }

    double medianCpu() {
      return median(cpuSeconds);
    }

    private static double median(double[] values) {
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      int n = sorted.length;
      return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
      return Arrays.stream(seconds).min().orElse(Double.NaN);
    }
  }

  private StartupBench() {}

  public static void main(String[] args) throws Exception {
    int runs = DEFAULT_RUNS;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs") && i + 1 < args.length) {
        runs = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: bench/startup [--runs N]   (default " + DEFAULT_RUNS + ")");
        System.exit(1);
      }
    }
    Path root = Path.of(System.getProperty("bench.root", ".")).toAbsolutePath().normalize();
    Path work = Files.createTempDirectory("datagen-startup-bench");
    List<Command> commands = commands(root, work);
    Instant started = Instant.now();
    List<Timing> timings = measure(commands, runs, work.toFile());
    String table = table(timings);
    System.out.print(table);
    Path results = root.resolve("bench/results");
    Files.createDirectories(results);
    Path file =
        results.resolve("startup-" + started.atOffset(ZoneOffset.UTC).toLocalDate() + ".json");
    Files.writeString(file, json(timings, runs, started), StandardCharsets.UTF_8);
    System.out.println("results written to " + root.relativize(file));
  }

  static List<Command> commands(Path root, Path work) {
    String java =
        System.getenv("JAVA") != null
            ? System.getenv("JAVA")
            : Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String datagen = root.resolve("submit/datagen").toString();
    String schema = root.resolve("bench/schemas/startup.json").toString();
    String output = work.resolve("startup.dump").toString();
    return List.of(
        new Command("java -version", 0, List.of(java, "-version")),
        new Command(
            "generate startup.json (3 x 1,000 rows)",
            1.5,
            List.of(datagen, "generate", schema, "-o", output, "--seed", "42", "-q")),
        new Command(
            "generate startup.json --master local[2] (Spark)",
            0,
            List.of(
                datagen,
                "generate",
                schema,
                "-o",
                output,
                "--seed",
                "42",
                "-q",
                "--master",
                "local[2]")),
        new Command("validate startup.json", 0.8, List.of(datagen, "validate", schema)),
        new Command("template list", 0.8, List.of(datagen, "template", "list")));
  }

  static List<Timing> measure(List<Command> commands, int runs, File directory)
      throws IOException, InterruptedException {
    double[][] seconds = new double[commands.size()][runs];
    double[][] cpuSeconds = new double[commands.size()][runs];
    for (int round = -1; round < runs; round++) {
      for (int c = 0; c < commands.size(); c++) {
        double cpuBefore = childrenCpuSeconds();
        double elapsed = run(commands.get(c), directory);
        if (round >= 0) {
          seconds[c][round] = elapsed;
          cpuSeconds[c][round] = childrenCpuSeconds() - cpuBefore;
        }
      }
      System.err.printf(Locale.ROOT, "startup: round %d of %d done%n", round + 1, runs);
    }
    List<Timing> timings = new ArrayList<>();
    for (int c = 0; c < commands.size(); c++) {
      timings.add(new Timing(commands.get(c), seconds[c], cpuSeconds[c]));
    }
    return timings;
  }

  /**
   * CPU time (user + system) of this JVM's waited-for children so far: fields cutime and cstime of
   * /proc/self/stat; NaN where there is no /proc.
   */
  static double childrenCpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17
      return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / CLOCK_TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static double run(Command command, File directory)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("datagen-startup-bench", ".log");
    try {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command.arguments())
              .directory(directory)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      int exit = process.waitFor();
      double elapsed = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new IllegalStateException(
            "Cannot measure '"
                + command.label()
                + "': it exited with "
                + exit
                + ":\n"
                + Files.readString(log));
      }
      return elapsed;
    } finally {
      Files.deleteIfExists(log);
    }
  }

  static String table(List<Timing> timings) {
    double baseline = timings.get(0).median();
    StringBuilder out = new StringBuilder();
    out.append(
        "| command | median s | min s | × java -version | median CPU s | target s | met |\n");
    out.append("|---|---:|---:|---:|---:|---:|---|\n");
    for (Timing timing : timings) {
      Command command = timing.command();
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f | %.1f | %.2f | %s | %s |%n",
              command.label(),
              timing.median(),
              timing.min(),
              timing.median() / baseline,
              timing.medianCpu(),
              command.targetSeconds() > 0
                  ? String.format(Locale.ROOT, "%.1f", command.targetSeconds())
                  : "",
              command.targetSeconds() > 0
                  ? (timing.median() <= command.targetSeconds() ? "yes" : "no")
                  : ""));
    }
    return out.toString();
  }

  static String json(List<Timing> timings, int runs, Instant started) {
    MachineFacts machine = MachineFacts.current();
    double baseline = timings.get(0).median();
    JsonWriter json = new JsonWriter().beginObject();
    json.member("benchmark", "startup")
        .member("command", System.getProperty("bench.command", "bench/startup"))
        .member("commit", System.getProperty("bench.commit", "unknown"))
        .member("started", started.toString())
        .member("runs", runs);
    json.name("machine")
        .beginObject()
        .member("cpu", machine.cpu())
        .member("cores", machine.cores())
        .member("jvm", machine.jvm())
        .member("os", machine.os())
        .member("load_average_1min", loadAverage())
        .endObject();
    json.name("commands").beginArray();
    for (Timing timing : timings) {
      json.beginObject()
          .member("label", timing.command().label())
          .member("median_seconds", timing.median())
          .member("min_seconds", timing.min())
          .member("ratio_to_java_version", timing.median() / baseline)
          .member("median_cpu_seconds", timing.medianCpu());
      if (timing.command().targetSeconds() > 0) {
        json.member("target_seconds", timing.command().targetSeconds());
      }
      json.name("seconds").beginArray();
      for (double s : timing.seconds()) {
        json.value(s);
      }
      json.endArray().name("cpu_seconds").beginArray();
      for (double s : timing.cpuSeconds()) {
        json.value(s);
      }
      json.endArray().endObject();
    }
    return json.endArray().endObject() + "\n";
  }

  /** The 1-minute load average at the end of the run (Linux), else NaN (written as null). */
  private static double loadAverage() {
    Path loadavg = Path.of("/proc/loadavg");
    try {
      return Double.parseDouble(Files.readString(loadavg).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
