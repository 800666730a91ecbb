package io.datagen.job.plan;

import java.util.Locale;

/** What the run writes. */
public enum OutputFormat {
  /** {@code pg_dump -Fc} archive, one file, for pg_restore. */
  CUSTOM,
  /**
   * {@code pg_dump -Fd} archive, a directory: toc.dat and one data file per table, for pg_restore
   * (also {@code -j N}).
   */
  DIRECTORY,
  /** Plain SQL script with {@code COPY ... FROM stdin} blocks, for psql. */
  COPY,
  /** Plain SQL script with multi-row INSERTs, for psql (or any SQL client). */
  SQL;

  public static OutputFormat fromText(String text) {
    for (OutputFormat format : values()) {
      if (format.name().equalsIgnoreCase(text.trim())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "Invalid format: '" + text + "' (expected one of custom, directory, copy, sql)");
  }

  /**
   * The format an output's name asks for when none is given, as the original tool's users expect:
   * {@code NAME.sql} → sql; {@code NAME.copy.sql} or {@code NAME.psql} → copy (each also with
   * {@code .gz}); {@code NAME.dir}, a name ending in {@code /} or an existing local directory →
   * directory; anything else (and stdout, {@code -}, or no name) → custom.
   */
  public static OutputFormat inferFrom(String output) {
    if (output == null || output.equals("-")) {
      return CUSTOM;
    }
    if (output.endsWith("/")) {
      return DIRECTORY;
    }
    String name = script(output);
    if (name.endsWith(".copy.sql") || name.endsWith(".psql")) {
      return COPY;
    }
    if (name.endsWith(".sql")) {
      return SQL;
    }
    if (name.endsWith(".dir") || isLocalDirectory(output)) {
      return DIRECTORY;
    }
    return CUSTOM;
  }

  /** Whether an output's name is a gzipped script's ({@code NAME.sql.gz}, {@code NAME.psql.gz}). */
  public static boolean namesGzippedScript(String output) {
    if (output == null) {
      return false;
    }
    String name = output.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".gz") && (name.endsWith(".sql.gz") || name.endsWith(".psql.gz"));
  }

  private static String script(String output) {
    String name = output.toLowerCase(java.util.Locale.ROOT);
    return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
  }

  private static boolean isLocalDirectory(String output) {
    if (output.contains("://") || output.startsWith("file:")) {
      return false;
    }
    try {
      return java.nio.file.Files.isDirectory(java.nio.file.Path.of(output));
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** Whether pg_restore reads it (custom, directory); else psql does (copy, sql). */
  public boolean isArchive() {
    return this == CUSTOM || this == DIRECTORY;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
