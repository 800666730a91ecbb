package io.datagen.job.cli;

import io.datagen.job.leftovers.Durations;
import io.datagen.job.leftovers.LeftoverCleaner;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Removes what dead generate runs left behind (after kill -9, a lost driver, a power loss):"
          + " staging directories (.datagen-staging-RUN-TIME) and temporary outputs"
          + " (.NAME.datagen-RUN-TIME.tmp) in the given directories, and on s3a: the incomplete"
          + " multipart uploads under them. Only what is older than --older-than is touched, so"
          + " running jobs keep their files.",
      "A PATH that is a directory is searched (not below it); any other PATH, such as an"
          + " output's name, stands for the directory that holds it. With no PATH and no --staging:"
          + " the working directory and the temporary directory."
    },
    sortOptions = false)
public final class CleanCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..*",
      paramLabel = "PATH|URI",
      description = "Where outputs were written: a directory, or an output's name.")
  List<String> locations = new ArrayList<>();

  @Option(
      names = "--staging",
      paramLabel = "URI",
      description = "A --staging location of earlier runs, searched too (repeatable).")
  List<String> staging = new ArrayList<>();

  @Option(
      names = "--older-than",
      paramLabel = "DURATION",
      defaultValue = LeftoverCleaner.DEFAULT_OLDER_THAN,
      converter = DurationConverter.class,
      description =
          "Touch only leftovers whose run last wrote longer ago than this, and uploads started"
              + " longer ago: 30m, 2h, 1d, 0s (everything). Default: ${DEFAULT-VALUE}.")
  Duration olderThan;

  @Option(names = "--dry-run", description = "Print what would be removed; remove nothing.")
  boolean dryRun;

  private static final String SPARK_HADOOP = "spark.hadoop.";

  Clock clock = Clock.systemUTC();

  /** Reads {@link Durations}' forms; a bad one is a usage error naming the option. */
  static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return Durations.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  @Override
  public Integer call() {
    List<String> where = new ArrayList<>(locations);
    where.addAll(staging);
    if (where.isEmpty()) {
      where.add(new File("").getAbsolutePath());
      where.add(new File(System.getProperty("java.io.tmpdir")).getAbsolutePath());
    }
    new LeftoverCleaner(
            hadoopConfiguration(System.getProperties()),
            spec.commandLine().getOut(),
            spec.commandLine().getErr())
        .clean(where, olderThan, dryRun, clock.instant());
    return 0;
  }

  /**
   * Hadoop's settings as {@code generate} gets them without a Spark context: every {@code
   * -Dspark.hadoop.X=V} (the launcher's {@code DATAGEN_JAVA_OPTS}) becomes {@code X=V}, as Spark
   * does; S3A credentials come from its usual chain (the environment, an instance role).
   */
  static Configuration hadoopConfiguration(Properties system) {
    Configuration conf = new Configuration();
    for (String name : system.stringPropertyNames()) {
      if (name.startsWith(SPARK_HADOOP)) {
        conf.set(name.substring(SPARK_HADOOP.length()), system.getProperty(name));
      }
    }
    return conf;
  }
}
