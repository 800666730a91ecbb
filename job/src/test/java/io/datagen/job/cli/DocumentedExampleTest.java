package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's example schema validates cleanly: no errors and no warnings. */
class DocumentedExampleTest {

  @Test
  void theBlogExampleValidatesWithoutWarnings() {
    Path example = Path.of("..", "docs", "examples", "blog.json");
    assertThat(Files.exists(example)).as("run from the job module").isTrue();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        DatagenCli.commandLine(new PrintWriter(out), new PrintWriter(err))
            .execute("validate", example.toString());
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).contains("is valid");
    assertThat(err.toString()).doesNotContainIgnoringCase("warning");
  }
}
