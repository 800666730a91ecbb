package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The throughput quoted in docs/generators.md is the newest run stored under bench/results/
 * (written by {@code java -Dbench.results=… -jar bench/target/benchmarks.jar}): same file named,
 * same ratios and values per second, up to the rounding shown in the docs.
 */
class BenchmarkDocsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs/generators.md");
  private static final Pattern RESULT_FILE =
      Pattern.compile("generators-\\d{4}-\\d{2}-\\d{2}\\.txt");

  /** One line of the summary BenchMain prints: kind, datagen/s, Datafaker/s, ratio. */
  private static final Pattern RESULT_LINE =
      Pattern.compile(
          "(?m)^(\\w+)\\s+datagen\\s+([\\d,]+) ±\\s+[\\d,]+/s\\s+Datafaker\\s+([\\d,]+) ±\\s+[\\d,]+/s"
              + "\\s+ratio\\s+([\\d.]+)×$");

  /**
   * A row of the docs' throughput table: | first names | 5.4 M/s | `firstName()` 1.36 M/s | 4.0× |
   */
  private static final Pattern DOC_ROW =
      Pattern.compile(
          "(?m)^\\| ([a-z ]+) \\| ([\\d.]+) M/s \\| `\\w+\\(\\)` ([\\d.]+) ([Mk])/s \\| ([\\d.]+)× \\|$");

  private static final Map<String, String> KIND_OF_ROW =
      Map.of(
          "first names", "FirstName",
          "cities", "City",
          "full names", "FullName",
          "emails", "Email",
          "unique emails", "UniqueEmail",
          "phones", "Phone");

  record Measured(double datagen, double datafaker, double ratio) {}

  static Path newestResults() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("bench/results"))) {
      return files
          .filter(f -> RESULT_FILE.matcher(f.getFileName().toString()).matches())
          .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .orElseThrow(() -> new AssertionError("no bench/results/generators-DATE.txt"));
    }
  }

  static Map<String, Measured> measured(String results) {
    Map<String, Measured> byKind = new LinkedHashMap<>();
    Matcher line = RESULT_LINE.matcher(results);
    while (line.find()) {
      byKind.put(
          line.group(1),
          new Measured(
              number(line.group(2)), number(line.group(3)), Double.parseDouble(line.group(4))));
    }
    return byKind;
  }

  private static double number(String digits) {
    return Double.parseDouble(digits.replace(",", ""));
  }

  /** Whether {@code quoted} is {@code actual} rounded to as many decimals as {@code quoted} has. */
  static boolean roundsTo(String quoted, double actual) {
    int dot = quoted.indexOf('.');
    int decimals = dot < 0 ? 0 : quoted.length() - dot - 1;
    double halfUnit = 0.5 * Math.pow(10, -decimals);
    return Math.abs(Double.parseDouble(quoted) - actual) <= halfUnit * (1 + 1e-9);
  }

  @Test
  void throughputTableIsTheNewestBenchmarkRun() throws IOException {
    Path results = newestResults();
    Map<String, Measured> measured = measured(Files.readString(results));
    assertThat(measured.keySet())
        .as("kinds in %s", results)
        .containsExactlyInAnyOrder(KIND_OF_ROW.values().toArray(String[]::new));
    String doc = Files.readString(DOC);
    assertThat(doc)
        .as("docs/generators.md links the newest results file")
        .contains("(../bench/results/" + results.getFileName() + ")");

    Matcher row = DOC_ROW.matcher(doc);
    Map<String, Boolean> seen = new LinkedHashMap<>();
    while (row.find()) {
      String kind = KIND_OF_ROW.get(row.group(1));
      if (kind == null) {
        fail("Unknown row of the throughput table in docs/generators.md: " + row.group());
      }
      Measured m = measured.get(kind);
      double theirsUnit = row.group(4).equals("M") ? 1e6 : 1e3;
      assertThat(roundsTo(row.group(2), m.datagen() / 1e6))
          .as(
              "%s: docs say datagen %s M/s, %s says %.0f/s",
              kind, row.group(2), results, m.datagen())
          .isTrue();
      assertThat(roundsTo(row.group(3), m.datafaker() / theirsUnit))
          .as(
              "%s: docs say Datafaker %s %s/s, %s says %.0f/s",
              kind, row.group(3), row.group(4), results, m.datafaker())
          .isTrue();
      assertThat(roundsTo(row.group(5), m.ratio()))
          .as("%s: docs say %s×, %s says %s×", kind, row.group(5), results, m.ratio())
          .isTrue();
      seen.put(kind, true);
    }
    assertThat(seen.keySet())
        .as("rows of the throughput table in docs/generators.md")
        .containsExactlyInAnyOrderElementsOf(measured.keySet());
  }

  /** The per-value cost of Datafaker quoted for the `faker` generator comes from the same run. */
  @Test
  void datafakerCostPerValueIsTheNewestBenchmarkRun() throws IOException {
    Path results = newestResults();
    Map<String, Measured> measured = measured(Files.readString(results));
    String doc = Files.readString(DOC);
    for (List<String> quote :
        List.of(List.of("emailAddress", "Email"), List.of("phoneNumber", "Phone"))) {
      Matcher cost = Pattern.compile("`" + quote.get(0) + "\\(\\)` ≈ ([\\d.]+) µs").matcher(doc);
      assertThat(cost.find()).as("docs/generators.md quotes `%s()` ≈ … µs", quote.get(0)).isTrue();
      assertThat(measured).as("kinds in %s", results).containsKey(quote.get(1));
      double micros = 1e6 / measured.get(quote.get(1)).datafaker();
      assertThat(roundsTo(cost.group(1), micros))
          .as(
              "`%s()`: docs say %s µs, %s says %.2f µs",
              quote.get(0), cost.group(1), results, micros)
          .isTrue();
    }
  }

  @Test
  void roundingRule() {
    assertThat(roundsTo("5.4", 5.39)).isTrue();
    assertThat(roundsTo("5.4", 5.45)).isTrue();
    assertThat(roundsTo("5.4", 5.46)).isFalse();
    assertThat(roundsTo("9", 5.4)).isFalse();
    assertThat(roundsTo("140", 139.6)).isTrue();
    assertThat(roundsTo("140", 144.3)).isFalse();
  }
}
