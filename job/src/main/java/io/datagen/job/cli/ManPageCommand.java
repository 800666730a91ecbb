package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.codegen.docgen.manpage.ManPageGenerator;

@Command(
    name = "manpage",
    description =
        "Writes man pages for datagen and each command (AsciiDoc, e.g. for asciidoctor -b manpage) into DIR.")
public final class ManPageCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = "Output directory (created if missing).")
  Path directory;

  @Override
  public Integer call() {
    try {
      Files.createDirectories(directory);
      ManPageGenerator.generateManPage(
          directory.toFile(),
          null,
          new boolean[0],
          true,
          spec.commandLine().getParent().getCommandSpec());
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.OUTPUT,
          "Cannot write man pages to " + directory + ": " + e.getMessage(),
          e);
    }
    spec.commandLine().getOut().println("datagen: man pages written to " + directory);
    spec.commandLine().getOut().flush();
    return 0;
  }
}
