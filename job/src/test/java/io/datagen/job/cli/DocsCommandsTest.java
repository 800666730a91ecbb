package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shell completion and man pages come from the same picocli model as the commands. */
class DocsCommandsTest {
  private static DatagenCliTest.Run run(String... args) {
    return DatagenCliTest.run(args);
  }

  @Test
  void completionScriptKnowsEveryCommandAndOption() {
    DatagenCliTest.Run run = run("completion");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains("complete -F")
        .contains("generate")
        .contains("--segment-rows")
        .contains("template")
        .contains("--template-param");
  }

  @Test
  void manPagesForEveryCommand(@TempDir Path dir) throws Exception {
    DatagenCliTest.Run run = run("manpage", dir.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(dir.resolve("datagen.adoc")).exists();
    assertThat(Files.readString(dir.resolve("datagen-generate.adoc")))
        .contains("--schema-only")
        .contains("--seed");
    assertThat(dir.resolve("datagen-template-export.adoc")).exists();
  }
}
