package io.datagen.job.cli;

import static io.datagen.job.cli.BenchmarkDocsTest.roundsTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonBoolean;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonTreeReader;
import io.datagen.job.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The numbers in docs/performance.md are the newest end-to-end run stored under bench/results/
 * (written by bench/run): same file linked, and every row of its tables (end to end, codec limits,
 * raw generation, baselines) and every PASS/FAIL line the run's own, up to the rounding shown. The
 * tables are bench/run's printed Markdown, pasted.
 */
class PerformanceDocsTest {
  private static final Path ROOT = Path.of("..");
  private static final Path DOC = ROOT.resolve("docs/performance.md");
  private static final Pattern RESULT_FILE =
      Pattern.compile("end-to-end-\\d{4}-\\d{2}-\\d{2}\\.json");

  static final String END_TO_END_HEADER =
      "| schema | format | codec | rows | wall s | raw MB | archive MB | MB/s | limit MB/s |"
          + " efficiency |";
  static final String CODEC_LIMIT_HEADER = "| schema | codec | threads | input MB | MB/s | ratio |";
  static final String RAW_GENERATION_HEADER =
      "| schema | rows | MB | MB/s one core | threads | MB/s all cores |";
  private static final Pattern TARGET_LINE =
      Pattern.compile("(?m)^- (PASS|FAIL)  (.+?): ([\\d.]+) (%|x|MB/s) \\(target ([<>]=) ");

  static Path newestResults() throws IOException {
    try (Stream<Path> files = Files.list(ROOT.resolve("bench/results"))) {
      return files
          .filter(f -> RESULT_FILE.matcher(f.getFileName().toString()).matches())
          .max((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .orElseThrow(
              () ->
                  new AssertionError(
                      "no bench/results/end-to-end-DATE.json: run bench/run and commit its"
                          + " results"));
    }
  }

  /** The rows of the Markdown table under {@code header} in {@code text}, as cells. */
  static List<List<String>> table(String text, String header) {
    int at = text.indexOf(header + "\n");
    assertThat(at).as("docs/performance.md has a table headed %s", header).isNotNegative();
    List<String> lines = text.substring(at).lines().skip(2).toList();
    List<List<String>> rows = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("|")) {
        break;
      }
      List<String> cells = new ArrayList<>();
      for (String cell : line.substring(1, line.length() - 1).split("\\|")) {
        cells.add(cell.trim());
      }
      rows.add(cells);
    }
    return rows;
  }

  private static JsonObject object(JsonValue value, String name) {
    return (JsonObject) ((JsonObject) value).get(name).orElseThrow(() -> missing(value, name));
  }

  private static List<JsonValue> array(JsonValue value, String name) {
    return ((JsonArray) ((JsonObject) value).get(name).orElseThrow(() -> missing(value, name)))
        .elements();
  }

  private static String text(JsonValue value, String name) {
    return ((JsonString) ((JsonObject) value).get(name).orElseThrow(() -> missing(value, name)))
        .value();
  }

  /** The number, or NaN for a JSON null (a measure the run could not make). */
  private static double number(JsonValue value, String name) {
    JsonValue member = ((JsonObject) value).get(name).orElseThrow(() -> missing(value, name));
    return member instanceof JsonNumber n ? n.value().doubleValue() : Double.NaN;
  }

  private static AssertionError missing(JsonValue value, String name) {
    return new AssertionError("no '" + name + "' in " + value.path() + " of the results file");
  }

  private static boolean quotes(String cell, double value, double unit) {
    if (Double.isNaN(value)) {
      return cell.equals("n/a");
    }
    return roundsTo(cell.replace(",", ""), value / unit);
  }

  /** Asserts that {@code cell} of the docs quotes {@code value} (in {@code unit}s) of the file. */
  private static void assertQuotes(String what, String cell, double value, double unit) {
    assertThat(quotes(cell, value, unit))
        .as(
            "%s: docs/performance.md says %s, the newest results file says %s",
            what, cell, value / unit)
        .isTrue();
  }

  private static JsonValue results(Path file) throws IOException {
    return JsonTreeReader.read(Files.readString(file), file.toString());
  }

  @Test
  void docsLinkTheNewestResults() throws IOException {
    Path results = newestResults();
    assertThat(Files.readString(DOC))
        .as("docs/performance.md links the newest results file")
        .contains("(../bench/results/" + results.getFileName() + ")");
  }

  @Test
  void endToEndTableIsTheNewestRun() throws IOException {
    Path file = newestResults();
    List<JsonValue> runs = array(results(file), "end_to_end");
    List<List<String>> rows = table(Files.readString(DOC), END_TO_END_HEADER);
    assertThat(rows).as("end-to-end rows in docs/performance.md vs %s", file).hasSize(runs.size());
    for (int i = 0; i < runs.size(); i++) {
      JsonValue run = runs.get(i);
      List<String> row = rows.get(i);
      String what = String.join(" ", row.subList(0, 3));
      assertThat(row.subList(0, 3))
          .as("row %d of the end-to-end table vs %s", i + 1, file)
          .containsExactly(text(run, "schema"), text(run, "format"), text(run, "codec"));
      assertQuotes(what + " rows", row.get(3), number(run, "rows"), 1);
      assertQuotes(what + " wall s", row.get(4), number(run, "wall_seconds"), 1);
      assertQuotes(what + " raw MB", row.get(5), number(run, "raw_bytes"), 1e6);
      assertQuotes(what + " archive MB", row.get(6), number(run, "archive_bytes"), 1e6);
      assertQuotes(what + " MB/s", row.get(7), number(run, "mb_per_second"), 1);
      assertQuotes(what + " limit MB/s", row.get(8), number(run, "limit_mb_per_second"), 1);
      assertQuotes(
          what + " efficiency %", row.get(9).replace(" %", ""), number(run, "efficiency"), 0.01);
    }
  }

  @Test
  void codecLimitTableIsTheNewestRun() throws IOException {
    Path file = newestResults();
    List<JsonValue> limits = array(results(file), "codec_limits");
    List<List<String>> rows = table(Files.readString(DOC), CODEC_LIMIT_HEADER);
    assertThat(rows)
        .as("codec limit rows in docs/performance.md vs %s", file)
        .hasSize(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      JsonValue limit = limits.get(i);
      List<String> row = rows.get(i);
      String what = row.get(0) + " " + row.get(1);
      assertThat(row.subList(0, 2))
          .as("row %d of the codec limit table vs %s", i + 1, file)
          .containsExactly(text(limit, "schema"), text(limit, "codec"));
      assertQuotes(what + " threads", row.get(2), number(limit, "threads"), 1);
      assertQuotes(what + " input MB", row.get(3), number(limit, "input_bytes"), 1e6);
      assertQuotes(what + " MB/s", row.get(4), number(limit, "mb_per_second"), 1);
      assertQuotes(what + " ratio", row.get(5), number(limit, "ratio"), 1);
    }
  }

  @Test
  void rawGenerationTableIsTheNewestRun() throws IOException {
    Path file = newestResults();
    List<JsonValue> rates = array(results(file), "raw_generation");
    List<List<String>> rows = table(Files.readString(DOC), RAW_GENERATION_HEADER);
    assertThat(rows)
        .as("raw generation rows in docs/performance.md vs %s", file)
        .hasSize(rates.size());
    for (int i = 0; i < rates.size(); i++) {
      JsonValue rate = rates.get(i);
      List<String> row = rows.get(i);
      assertThat(row.get(0))
          .as("row %d of the raw generation table", i + 1)
          .isEqualTo(text(rate, "schema"));
      String what = row.get(0);
      assertQuotes(what + " rows", row.get(1), number(rate, "rows"), 1);
      assertQuotes(what + " MB", row.get(2), number(rate, "bytes"), 1e6);
      assertQuotes(what + " MB/s one core", row.get(3), number(rate, "mb_per_second_one_core"), 1);
      assertQuotes(what + " threads", row.get(4), number(rate, "threads"), 1);
      assertQuotes(
          what + " MB/s all cores", row.get(5), number(rate, "mb_per_second_all_cores"), 1);
    }
  }

  @Test
  void baselinesAreTheNewestRun() throws IOException {
    Path file = newestResults();
    JsonValue baselines = object(results(file), "baselines");
    String doc = Files.readString(DOC);
    JsonObject naive = object(baselines, "naive_datafaker_gzip");
    JsonObject gzip = object(baselines, "gzip_cli");
    Matcher naiveRow =
        Pattern.compile(
                "(?m)^\\| Datafaker \\+ GZIPOutputStream loop \\| ([\\d,]+) rows, ([\\d.]+)"
                    + " MB \\| ([\\d.]+) \\| ([\\d.]+) \\|")
            .matcher(doc);
    assertThat(naiveRow.find()).as("docs/performance.md has the naive loop's row").isTrue();
    assertQuotes("naive rows", naiveRow.group(1), number(naive, "rows"), 1);
    assertQuotes("naive MB", naiveRow.group(2), number(naive, "raw_bytes"), 1e6);
    assertQuotes("naive wall s", naiveRow.group(3), number(naive, "wall_seconds"), 1);
    Matcher gzipRow =
        Pattern.compile(
                "(?m)^\\| `gzip -6` CLI on lineitem's COPY text \\| ([\\d.]+) MB \\|"
                    + " ([\\d.]+) \\|")
            .matcher(doc);
    assertThat(gzipRow.find()).as("docs/performance.md has the gzip CLI's row").isTrue();
    assertQuotes("gzip input MB", gzipRow.group(1), number(gzip, "input_bytes"), 1e6);
    assertQuotes("gzip wall s", gzipRow.group(2), number(gzip, "wall_seconds"), 1);
  }

  @Test
  void targetLinesAreTheNewestRun() throws IOException {
    Path file = newestResults();
    List<JsonValue> targets = array(results(file), "targets");
    Matcher line = TARGET_LINE.matcher(Files.readString(DOC));
    int seen = 0;
    while (line.find()) {
      String goal = line.group(2);
      JsonValue target =
          targets.stream()
              .filter(t -> text(t, "goal").equals(goal))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no target '" + goal + "' in " + file));
      boolean pass = ((JsonBoolean) ((JsonObject) target).get("pass").orElseThrow()).value();
      assertThat(line.group(1)).as("%s", goal).isEqualTo(pass ? "PASS" : "FAIL");
      double unit = line.group(4).equals("%") ? 0.01 : 1;
      assertQuotes(goal, line.group(3), number(target, "measured"), unit);
      assertThat(line.group(5)).as("%s comparison", goal).isEqualTo(text(target, "comparison"));
      seen++;
    }
    assertThat(seen)
        .as("PASS/FAIL lines in docs/performance.md vs %s", file)
        .isEqualTo(targets.size());
  }
}
