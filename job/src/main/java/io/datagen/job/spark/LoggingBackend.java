package io.datagen.job.spark;

/**
 * Keeps a run that starts no Spark context from paying for a logging back end nobody reads. The
 * laptop launcher turns logging off ({@code -Ddatagen.log.level=off}) unless {@code --verbose} is
 * given; Hadoop's file system classes still log through SLF4J, whose first use starts Log4j 2 (a
 * plugin scan and configuration parse: about 1 s of CPU, profiled in docs/profiling.md). When
 * logging is off and no Spark context will be started, SLF4J is pointed at its no-operation
 * provider before anything logs: nothing that would have been printed is lost.
 */
final class LoggingBackend {
  /** The system property the launcher sets to {@code off} unless {@code --verbose} is given. */
  static final String LEVEL_PROPERTY = "datagen.log.level";

  /** SLF4J 2's explicit provider choice, read once, on SLF4J's first use. */
  static final String SLF4J_PROVIDER_PROPERTY = "slf4j.provider";

  static final String NO_OPERATION_PROVIDER = "org.slf4j.helpers.NOP_FallbackServiceProvider";

  /** SLF4J's own reporting: it announces an explicitly chosen provider at level INFO. */
  static final String SLF4J_VERBOSITY_PROPERTY = "slf4j.internal.verbosity";

  private LoggingBackend() {}

  /**
   * Chooses SLF4J's no-operation provider for an {@code engine} that starts no Spark context, when
   * logging is off and no provider was chosen already. Without effect once SLF4J has started (it
   * reads the property once), and never for Spark, whose own logging set-up expects Log4j.
   */
  static void skipWhenOff(Engine engine) {
    if (engine != Engine.SPARK
        && "off".equals(System.getProperty(LEVEL_PROPERTY))
        && System.getProperty(SLF4J_PROVIDER_PROPERTY) == null) {
      System.setProperty(SLF4J_PROVIDER_PROPERTY, NO_OPERATION_PROVIDER);
      if (System.getProperty(SLF4J_VERBOSITY_PROPERTY) == null) {
        System.setProperty(SLF4J_VERBOSITY_PROPERTY, "WARN");
      }
    }
  }
}
