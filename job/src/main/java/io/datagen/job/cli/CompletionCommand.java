package io.datagen.job.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "completion",
    description =
        "Prints a bash (and zsh, via bashcompinit) completion script: source <(datagen completion)")
public final class CompletionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.commandLine().getParent();
    spec.commandLine().getOut().print(AutoComplete.bash("datagen", root));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
