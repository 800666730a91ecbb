package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * flags > DATAGEN_* environment > config file > built-in defaults, observed through --dry-run's
 * plan line.
 */
class ConfigPrecedenceTest {
  @TempDir Path work;
  @TempDir Path home;
  private String schema;

  @BeforeEach
  void schema() throws URISyntaxException {
    schema = Paths.get(getClass().getResource("/e2e/blog-core.json").toURI()).toString();
  }

  private DatagenCliTest.Run run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DatagenCli.execute(
            new PrintWriter(out), new PrintWriter(err), new CliEnvironment(env, work, home), args);
    return new DatagenCliTest.Run(code, out.toString(), err.toString());
  }

  private String plan(Map<String, String> env, String... extra) {
    String[] args = new String[extra.length + 3];
    args[0] = "generate";
    args[1] = schema;
    args[2] = "--dry-run";
    System.arraycopy(extra, 0, args, 3, extra.length);
    DatagenCliTest.Run run = run(env, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run.err().lines().filter(l -> l.contains("dry run")).findFirst().orElseThrow();
  }

  @Test
  void builtInDefaults() {
    assertThat(plan(Map.of(), "--seed", "1"))
        .contains("custom, gzip:6, seed 1")
        .contains("up to 65,536 rows");
  }

  @Test
  void fileThenEnvironmentThenFlags() throws Exception {
    Files.writeString(
        work.resolve(".datagen.yaml"),
        "seed: 5\nformat: directory\nsegment_rows: 1000\ncompress: gzip:2\n");
    assertThat(plan(Map.of())).contains("directory, gzip:2, seed 5").contains("up to 1,000 rows");
    // A configured --compress is for archives: a script is compressed only when asked for it.
    assertThat(plan(Map.of("DATAGEN_SEED", "7", "DATAGEN_FORMAT", "sql")))
        .contains("sql, none, seed 7");
    assertThat(plan(Map.of("DATAGEN_FORMAT", "sql"), "--compress", "gzip:2"))
        .contains("sql, gzip:2");
    assertThat(plan(Map.of("DATAGEN_SEED", "7"), "--seed", "8", "--segment-rows", "10"))
        .contains("seed 8")
        .contains("up to 10 rows");
  }

  @Test
  void explicitConfigFileWinsOverTheWorkingDirectoryOneAndHomeIsTheLastResort() throws Exception {
    Files.writeString(home.resolve(".datagen.yaml"), "seed: 11\n");
    assertThat(plan(Map.of())).contains("seed 11");
    Files.writeString(work.resolve(".datagen.yaml"), "seed: 12\n");
    assertThat(plan(Map.of())).contains("seed 12");
    Files.writeString(work.resolve("ci.json"), "{\"seed\": 13, \"format\": \"copy\"}");
    assertThat(plan(Map.of(), "--config", "ci.json")).contains("copy, none, seed 13");
  }

  @Test
  void theShippedExampleConfigIsValidAndSaysWhatItSays() throws Exception {
    // conf/datagen.example.yaml, as docs/architecture.md and docs/operations.md point at it.
    Path example = Path.of("..", "conf", "datagen.example.yaml");
    Files.copy(example, work.resolve("example.yaml"));
    assertThat(plan(Map.of(), "--config", "example.yaml"))
        .contains("custom, gzip:6, seed 42")
        .contains("up to 65,536 rows");
  }

  @Test
  void typosInTheConfigFileAreUsageErrors() throws Exception {
    Files.writeString(work.resolve(".datagen.yaml"), "sede: 5\n");
    DatagenCliTest.Run run = run(Map.of(), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown option 'sede'").contains("did you mean 'seed'");
    assertThat(run(Map.of(), "generate", schema, "--config", "missing.yaml").err())
        .contains("no such file");
  }

  @Test
  void badValuesFromTheEnvironmentNameTheVariable() {
    DatagenCliTest.Run run = run(Map.of("DATAGEN_SEED", "soon"), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "datagen: Invalid value for environment variable DATAGEN_SEED: 'soon' is not a long");
  }

  @Test
  void badValuesFromTheConfigFileNameTheKeyAndTheFile() throws Exception {
    Path config = work.resolve(".datagen.yaml");
    Files.writeString(config, "seed: soon\n");
    DatagenCliTest.Run run = run(Map.of(), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "datagen: Invalid value for 'seed' in config file "
                + config
                + ": 'soon' is not a long");
    DatagenCliTest.Run flag = run(Map.of(), "generate", schema, "--dry-run", "--seed", "later");
    assertThat(flag.err()).as("a bad flag is still the flag's").contains("option '--seed'");
  }

  @Test
  void aKeyGivenTwiceInTheConfigFileIsAnError() throws Exception {
    Files.writeString(work.resolve(".datagen.yaml"), "seed: 5\nformat: copy\nseed: 6\n");
    DatagenCliTest.Run run = run(Map.of(), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("(line 3, column").contains("Duplicate field 'seed'");
    Files.writeString(work.resolve(".datagen.yaml"), "segment_rows: 5\nsegment-rows: 6\n");
    DatagenCliTest.Run spelt = run(Map.of(), "generate", schema, "--dry-run");
    assertThat(spelt.exitCode()).isEqualTo(1);
    assertThat(spelt.err()).contains("option 'segment-rows' is given twice");
  }

  /**
   * The original Go tool's .datagen.yaml (its keys from .datagen.yaml.example) keeps working: the
   * meaningful keys are read as ours, the rest ignored with a note, and no command fails on it.
   */
  @Test
  void theOriginalToolsConfigFileIsReadNotRefused() throws Exception {
    Files.writeString(
        work.resolve(".datagen.yaml"),
        String.join(
            "\n",
            "verbose: false",
            "default_seed: 12345",
            "default_format: \"copy\"",
            "default_row_count: 100",
            "default_batch_size: 500",
            "workers: 4",
            "enable_cache: true",
            "cache_size: 10000",
            "stream_writes: true",
            "log_level: \"info\"",
            "log_format: \"text\"",
            "log_file: \"\"",
            "color_output: true",
            "progress_bar: true",
            "quiet_mode: false",
            "json_output: false",
            "pretty_print: true",
            "show_timestamp: false",
            "templates:",
            "  ecommerce:",
            "    rows: 5000",
            ""));
    DatagenCliTest.Run run = run(Map.of(), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("copy, none, seed 12345")
        .contains("'default_seed' in config file")
        .contains("is the original datagen's name for 'seed'")
        .contains("ignoring 'log_level'")
        .contains("ignoring 'templates'");
    DatagenCliTest.Run list = run(Map.of(), "template", "list");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out()).contains("ecommerce");
  }

  @Test
  void theOriginalToolsContractKeysAndVariables() throws Exception {
    Files.writeString(work.resolve(".datagen.yaml"), "compress: false\nseed: 0\njobs: 2\n");
    // seed: 0 was "random" there and is an ordinary seed here: ours, read as given.
    assertThat(plan(Map.of())).contains("custom, none, seed 0");
    DatagenCliTest.Run run =
        run(
            Map.of("DATAGEN_DEFAULT_SEED", "99", "DATAGEN_SEED", "5"),
            "generate",
            schema,
            "--dry-run");
    assertThat(run.err())
        .contains("seed 5")
        .contains("ignoring environment variable DATAGEN_DEFAULT_SEED: DATAGEN_SEED is set");
    Files.delete(work.resolve(".datagen.yaml"));
    run =
        run(
            Map.of(
                "DATAGEN_DEFAULT_SEED",
                "99",
                "DATAGEN_DEFAULT_FORMAT",
                "sql",
                "DATAGEN_VERBOSE",
                "1"),
            "generate",
            schema,
            "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("sql, none, seed 99")
        .contains("DATAGEN_DEFAULT_SEED is the old spelling of DATAGEN_SEED")
        .contains("ignoring environment variable DATAGEN_VERBOSE");
    Files.writeString(work.resolve("old.yaml"), "default_seed: 0\n");
    run = run(Map.of("DATAGEN_CONFIG", "old.yaml"), "generate", schema, "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("ignoring 'default_seed'").contains("no --seed given");
  }
}
