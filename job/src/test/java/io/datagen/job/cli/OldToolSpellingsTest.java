package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.cli.DatagenCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * The original Go tool's command line (its specs/001-json-to-pgdump/contracts/cli.md and the
 * spellings its users type), each mapped to ours: table-driven, observed through what the command
 * does.
 */
class OldToolSpellingsTest {
  @TempDir Path dir;

  private static String schema() throws Exception {
    return Paths.get(OldToolSpellingsTest.class.getResource("/e2e/blog-core.json").toURI())
        .toString();
  }

  /** A spelling, and what its --dry-run plan line (or output) must then contain. */
  static Stream<Arguments> generateSpellings() {
    return Stream.of(
        Arguments.of(List.of("-s", "17"), "seed 17"),
        Arguments.of(List.of("--seed", "17"), "seed 17"),
        Arguments.of(List.of("--seed", "1", "--compress"), "custom, gzip:6"),
        Arguments.of(List.of("--seed", "1", "--compress", "--rows", "5"), "custom, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "x.sql"), "sql, none"),
        Arguments.of(List.of("--seed", "1", "-o", "x.sql.gz"), "sql, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "x.copy.sql"), "copy, none"),
        Arguments.of(List.of("--seed", "1", "-o", "x.psql"), "copy, none"),
        Arguments.of(List.of("--seed", "1", "-o", "x.dir"), "directory, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "out/"), "directory, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "x.dump"), "custom, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "x.sql", "--format", "custom"), "custom, gzip:6"),
        Arguments.of(List.of("--seed", "1", "-o", "x.backup"), "custom, gzip:6"));
  }

  @ParameterizedTest
  @MethodSource("generateSpellings")
  void generateSpelling(List<String> spelling, String planned) throws Exception {
    List<String> args = new ArrayList<>(List.of("generate", schema(), "--dry-run"));
    for (String argument : spelling) {
      // Output names relative to the test's directory.
      args.add(
          argument.startsWith("x.") || argument.equals("out/") ? dir + "/" + argument : argument);
    }
    Run run = DatagenCliTest.run(args.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains(planned);
  }

  @Test
  void configAndInputShortOptions() throws Exception {
    Path config = Files.writeString(dir.resolve("c.yaml"), "seed: 23\n");
    Run run = withDefaults("generate", "-i", schema(), "-c", config.toString(), "--dry-run");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("seed 23");
    Run validate = withDefaults("validate", "-c", config.toString(), "-i", schema());
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out()).contains("is valid");
  }

  @Test
  void theOriginalConfigsValidateOutputTrueChecksTheOutputAndFalseDoesNot() throws Exception {
    Path yes = Files.writeString(dir.resolve("yes.yaml"), "seed: 5\nvalidate_output: true\n");
    Path checked = dir.resolve("checked.dump");
    Run run =
        withDefaults(
            "generate", schema(), "-c", yes.toString(), "--rows", "40", "-o", checked.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("datagen: validated " + checked);
    Path no = Files.writeString(dir.resolve("no.yaml"), "seed: 5\nvalidate_output: false\n");
    Path unchecked = dir.resolve("unchecked.dump");
    Run off =
        withDefaults(
            "generate", schema(), "-c", no.toString(), "--rows", "40", "-o", unchecked.toString());
    assertThat(off.exitCode()).as(off.err()).isZero();
    assertThat(off.err()).doesNotContain("validated");
    assertThat(unchecked).exists();
  }

  /** As datagen runs: with the config file and environment defaults (here: none but -c's). */
  private Run withDefaults(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int code =
        DatagenCli.execute(
            new java.io.PrintWriter(out),
            new java.io.PrintWriter(err),
            new CliEnvironment(java.util.Map.of(), dir, dir),
            args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jobsMeansLocalThreadsAndExcludesMaster() throws Exception {
    Path output = dir.resolve("jobs.dump");
    Run run =
        DatagenCliTest.run(
            "generate", schema(), "-o", output.toString(), "--seed", "3", "-j", "1", "--rows", "5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(output).isRegularFile();
    Run both =
        DatagenCliTest.run(
            "generate", schema(), "--dry-run", "--jobs", "2", "--master", "local[2]");
    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.err()).contains("Give either --master or -j/--jobs");
    Run zero = DatagenCliTest.run("generate", schema(), "--dry-run", "--jobs", "0");
    assertThat(zero.exitCode()).isEqualTo(1);
    assertThat(zero.err()).contains("Invalid -j/--jobs: 0");
  }

  @Test
  void verboseShortOptionAndVersionOnTheRoot() throws Exception {
    Run version = DatagenCliTest.run("-v");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).contains(io.datagen.job.DatagenVersion.VERSION);
    Run longVersion = DatagenCliTest.run("version", "--verbose");
    assertThat(longVersion.exitCode()).isZero();
    assertThat(longVersion.out()).isEqualTo(DatagenCliTest.run("version").out());
    // generate -v is --verbose: a failure then comes with its stack trace.
    Run verbose = DatagenCliTest.run("generate", dir.resolve("missing.json").toString(), "-v");
    assertThat(verbose.exitCode()).isNotZero();
    assertThat(verbose.err()).contains("\tat ");
    Run quiet = DatagenCliTest.run("generate", dir.resolve("missing.json").toString());
    assertThat(quiet.err()).doesNotContain("\tat ");
  }

  @Test
  void validateFormatJsonIsJson() throws Exception {
    Run run = DatagenCliTest.run("validate", schema(), "--format", "json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("{").contains("\"valid\" : true");
    assertThat(run.err())
        .contains("validate --format json is the original tool's spelling of --json");
    Run bad = DatagenCliTest.run("validate", schema(), "--format", "yaml");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("Invalid validate --format 'yaml': expected text or json");
    Run verbose = DatagenCliTest.run("validate", schema(), "-v");
    assertThat(verbose.out()).contains("columns").contains("foreign keys");
  }

  @Test
  void validateReadsStdinWhenItIsAPipeAndNoSchemaIsNamedAndGenerateDoesNot() throws Exception {
    String before = System.getProperty(Stdin.PROPERTY);
    java.io.InputStream in = System.in;
    try {
      System.setProperty(Stdin.PROPERTY, "pipe");
      System.setIn(Files.newInputStream(Path.of(schema())));
      Run run = DatagenCliTest.run("validate");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("- is valid: 5 tables");
      Run generate = DatagenCliTest.run("generate", "--dry-run");
      assertThat(generate.exitCode()).isEqualTo(1);
      assertThat(generate.err()).contains("Missing schema: datagen generate SCHEMA.json");
      System.setProperty(Stdin.PROPERTY, "tty");
      Run missing = DatagenCliTest.run("validate");
      assertThat(missing.exitCode()).isEqualTo(1);
      assertThat(missing.err()).contains("Missing schema: datagen validate SCHEMA.json");
    } finally {
      System.setIn(in);
      if (before == null) {
        System.clearProperty(Stdin.PROPERTY);
      } else {
        System.setProperty(Stdin.PROPERTY, before);
      }
    }
  }

  @Test
  void templateSpellings() throws Exception {
    Run bare = DatagenCliTest.run("template");
    assertThat(bare.exitCode()).as(bare.err()).isZero();
    assertThat(bare.out()).isEqualTo(DatagenCliTest.run("template", "list").out());
    Run list = DatagenCliTest.run("template", "--list", "--json");
    assertThat(list.out()).isEqualTo(DatagenCliTest.run("template", "list", "--json").out());
    assertThat(list.err()).contains("template --list is the original tool's spelling");
    Run shortList = DatagenCliTest.run("template", "-l");
    assertThat(shortList.out()).isEqualTo(bare.out());
    Run show = DatagenCliTest.run("template", "ecommerce");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out()).isEqualTo(DatagenCliTest.run("template", "show", "ecommerce").out());
    Path exported = dir.resolve("ecommerce.json");
    Run export = DatagenCliTest.run("template", "ecommerce", "--export", exported.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(Files.readString(exported))
        .isEqualTo(DatagenCliTest.run("template", "export", "ecommerce").out());
    Run both = DatagenCliTest.run("template", "ecommerce", "--list");
    assertThat(both.exitCode()).isEqualTo(1);
    assertThat(both.err()).contains("Give a template NAME or --list, not both");
    Run unknown = DatagenCliTest.run("template", "nosuch");
    assertThat(unknown.exitCode()).isNotZero();
    assertThat(unknown.err()).contains("nosuch");
  }

  /** Every command and subcommand, enumerated from the picocli model: --help and -h exit 0. */
  @Test
  void everyCommandHasHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(
        DatagenCli.commandLine(
            new java.io.PrintWriter(java.io.Writer.nullWriter()),
            new java.io.PrintWriter(java.io.Writer.nullWriter())),
        new ArrayList<>(),
        paths);
    assertThat(paths).hasSizeGreaterThanOrEqualTo(10);
    for (List<String> path : paths) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(path);
        args.add(flag);
        Run run = DatagenCliTest.run(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
        String name = path.isEmpty() ? "datagen" : path.get(path.size() - 1);
        assertThat(run.out()).as(String.join(" ", args)).contains("Usage: datagen").contains(name);
      }
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    for (var sub : command.getSubcommands().entrySet()) {
      List<String> next = new ArrayList<>(path);
      next.add(sub.getKey());
      collect(sub.getValue(), next, paths);
    }
  }

  @Test
  void aUsageErrorPrintsTheCommandsUsage() {
    Run run = DatagenCliTest.run("generate", "--no-such-option");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("Unknown option: '--no-such-option'")
        .contains("Usage: datagen generate");
    Run none = DatagenCliTest.run();
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.err())
        .contains("Missing command: one of generate, validate, inspect, clean, template")
        .contains("Usage: datagen");
  }
}
