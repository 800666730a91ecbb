package io.datagen.job.plan;

import java.util.Locale;

/** What the run writes. */
public enum OutputFormat {
  /** {@code pg_dump -Fc} archive, for pg_restore. */
  CUSTOM,
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
        "Invalid format: '" + text + "' (expected one of custom, copy, sql)");
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
