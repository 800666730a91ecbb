package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The documented example schemas validate cleanly: no errors and no warnings. */
class DocumentedExampleTest {

  @Test
  void theBlogExampleValidatesWithoutWarnings() {
    Path example = Path.of("..", "docs", "examples", "blog.json");
    assertThat(Files.exists(example)).as("run from the job module").isTrue();
    assertValidWithoutWarnings(example);
  }

  @Test
  void theReadmeSchemaBasicsExampleValidatesWithoutWarnings(@TempDir Path dir) throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int section = readme.indexOf("## Schema basics");
    assertThat(section).as("README has a Schema basics section").isPositive();
    int start = readme.indexOf("```json\n", section) + "```json\n".length();
    Path schema = dir.resolve("readme.json");
    Files.writeString(schema, readme.substring(start, readme.indexOf("```", start)));
    assertThat(assertValidWithoutWarnings(schema)).contains("2 tables");
  }

  /** Runs {@code datagen validate}; returns its standard output. */
  private static String assertValidWithoutWarnings(Path schema) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DatagenCli.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute("validate", schema.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("is valid");
    assertThat(err.toString()).doesNotContainIgnoringCase("warning");
    return out.toString();
  }
}
