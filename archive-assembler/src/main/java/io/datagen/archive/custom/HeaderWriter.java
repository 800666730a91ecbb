package io.datagen.archive.custom;

import io.datagen.archive.ArchiveFormat;
import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.io.ArchiveOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;

/** Writes the archive header the way pg_backup_archiver.c {@code WriteHead} does. */
public final class HeaderWriter {
  /** The five magic bytes, no terminator. */
  public static final byte[] MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);

  private HeaderWriter() {}

  public static void write(ArchiveOutput out, ArchiveHeader header, ArchiveFormat format)
      throws IOException {
    ArchiveVersion version = header.version();
    if (!version.isAtLeast(ArchiveVersion.K_VERS_1_12)) {
      throw new IllegalArgumentException(
          "Cannot write archive version: " + version + " (oldest supported is 1.12.0)");
    }
    out.writeBytes(MAGIC, 0, MAGIC.length); // magic "PGDMP"
    out.writeByte(version.major()); // vmaj
    out.writeByte(version.minor()); // vmin
    out.writeByte(version.rev()); // vrev, always 0 in practice
    out.writeByte(ArchiveOutput.INT_SIZE); // intSize
    out.writeByte(ArchiveOutput.OFF_SIZE); // offSize
    out.writeByte(format.code()); // format: 1 = custom
    if (version.isAtLeast(ArchiveVersion.K_VERS_1_15)) {
      out.writeByte(header.compression().algorithm().code()); // compression algorithm (1.15+)
    } else {
      out.writeInt(
          header.compression().headerLevel()); // compression: zlib level, 0 = none, -1 = default
    }
    LocalDateTime time = header.creationTime();
    out.writeInt(time.getSecond()); // tm_sec
    out.writeInt(time.getMinute()); // tm_min
    out.writeInt(time.getHour()); // tm_hour
    out.writeInt(time.getDayOfMonth()); // tm_mday
    out.writeInt(time.getMonthValue() - 1); // tm_mon, 0-11
    out.writeInt(time.getYear() - 1900); // tm_year, years since 1900
    out.writeInt(0); // tm_isdst
    out.writeStr(header.databaseName()); // database name
    out.writeStr(header.serverVersion()); // remote (server) version string
    out.writeStr(header.dumpVersion()); // pg_dump version string
  }
}
