package io.datagen.archive;

import java.time.LocalDateTime;

/**
 * The archive header after the magic and the size/format bytes (pg_backup_archiver.c {@code
 * WriteHead}).
 *
 * @param creationTime shown by {@code pg_restore -l}; passed in, never read from the clock, so the
 *     bytes are reproducible; written as {@code struct tm} with {@code tm_isdst = 0}
 * @param databaseName the dumped database's name
 * @param serverVersion "Dumped from database version …"
 * @param dumpVersion "Dumped by pg_dump version …"
 */
public record ArchiveHeader(
    ArchiveVersion version,
    Compression compression,
    LocalDateTime creationTime,
    String databaseName,
    String serverVersion,
    String dumpVersion) {

  public ArchiveHeader {
    requireNonNull("version", version);
    requireNonNull("compression", compression);
    requireNonNull("creation time", creationTime);
    requireNonNull("database name", databaseName);
    requireNonNull("server version", serverVersion);
    requireNonNull("dump version", dumpVersion);
    if (creationTime.getYear() < 1900) {
      throw new IllegalArgumentException(
          "Cannot create header with creation time: "
              + creationTime
              + " (tm_year counts from 1900)");
    }
    creationTime = creationTime.withNano(0);
  }

  private static void requireNonNull(String field, Object value) {
    if (value == null) {
      throw new IllegalArgumentException("Cannot create archive header: " + field + " is null");
    }
  }

  /**
   * The oldest header that can carry the compression: 1.14.0 for none and gzip (readable by
   * pg_restore 12 to 18), 1.15.0 for zstd and lz4 (pg_restore 16 to 18).
   */
  public static ArchiveHeader of(
      Compression compression,
      LocalDateTime creationTime,
      String databaseName,
      String serverVersion,
      String dumpVersion) {
    return new ArchiveHeader(
        compression == null ? ArchiveVersion.K_VERS_1_14 : oldestVersionFor(compression),
        compression,
        creationTime,
        databaseName,
        serverVersion,
        dumpVersion);
  }

  /** 1.14.0 for none and gzip (pg_restore 12 to 18), 1.15.0 for zstd and lz4 (16 to 18). */
  public static ArchiveVersion oldestVersionFor(Compression compression) {
    return compression.fitsVersion114() ? ArchiveVersion.K_VERS_1_14 : ArchiveVersion.K_VERS_1_15;
  }

  /**
   * Refuses a header whose version is not the oldest that carries its compression: the writers
   * produce exactly that version, the one the most pg_restore versions read.
   *
   * @param what the writer, for the message ("custom archive writer")
   */
  public void requireOldestVersion(String what) {
    ArchiveVersion expected = oldestVersionFor(compression);
    if (!version.equals(expected)) {
      throw new IllegalArgumentException(
          "Cannot write archive version "
              + version
              + " with compression "
              + compression
              + " (the "
              + what
              + " produces "
              + expected
              + ", the oldest version that carries it: 1.14.0 for none and gzip, readable by"
              + " pg_restore 12 to 18; 1.15.0 for zstd and lz4, pg_restore 16 to 18)");
    }
  }
}
