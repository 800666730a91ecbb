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

  /** Whether pg_restore reads it (custom, directory); else psql does (copy, sql). */
  public boolean isArchive() {
    return this == CUSTOM || this == DIRECTORY;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
