package io.datagen.job.cli;

import io.datagen.job.DatagenVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Prints datagen's version.")
public final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--short", description = "Only the version number.")
  boolean shortForm;

  @Override
  public Integer call() {
    spec.commandLine().getOut().println(shortForm ? DatagenVersion.VERSION : DatagenVersion.describe());
    return 0;
  }

  /** Feeds {@code datagen --version}. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {DatagenVersion.describe()};
    }
  }
}
