package io.datagen.job.cli;

import io.datagen.job.DatagenVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(name = "version", description = "Prints datagen's version.")
public final class VersionCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(names = "--short", description = "Only the version number.")
  boolean shortForm;

  @CommandLine.Option(names = "--json", description = "Version details as JSON.")
  boolean json;

  /** The original tool's {@code version --verbose}: the full details, which are the default. */
  @CommandLine.Option(
      names = {"-v", "--verbose"},
      description = "The full details (the default; the original tool's option).")
  boolean verbose;

  @Override
  public Integer call() {
    if (json) {
      JsonOutput.print(
          spec.commandLine().getOut(),
          g -> {
            g.writeStringField("version", DatagenVersion.VERSION);
            g.writeStringField("archive_format", DatagenVersion.ARCHIVE_FORMAT);
            g.writeStringField("spark", DatagenVersion.sparkVersion());
            g.writeStringField("java", Runtime.version().toString());
          });
    } else {
      spec.commandLine()
          .getOut()
          .println(shortForm ? DatagenVersion.VERSION : DatagenVersion.describe());
    }
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
