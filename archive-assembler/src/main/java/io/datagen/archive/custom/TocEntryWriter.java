package io.datagen.archive.custom;

import io.datagen.archive.ArchiveVersion;
import io.datagen.archive.OffsetFlag;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.ArchiveOutput;
import java.io.IOException;

/**
 * Writes one TOC entry field by field, as pg_backup_archiver.c {@code WriteToc}, followed by the
 * format's own entry data: the custom format's Offset ({@code _WriteExtraToc} of
 * pg_backup_custom.c), or the directory format's file name ({@link #writeWithFileName}).
 */
public final class TocEntryWriter {
  /** What pg_dump writes in the withOids field; NULL would crash pg_restore. */
  public static final String WITH_OIDS_FALSE = "false";

  private TocEntryWriter() {}

  public static void write(
      ArchiveOutput out, ArchiveVersion version, TocEntry entry, OffsetFlag flag, long offset)
      throws IOException {
    write(out, version, entry, 0, WITH_OIDS_FALSE, flag, offset);
  }

  /**
   * The full form, for tests and 1.16 archives.
   *
   * @param relkind pg_class.relkind code, written only from 1.16
   * @param withOids must not be null; pg_dump always writes "false"
   */
  public static void write(
      ArchiveOutput out,
      ArchiveVersion version,
      TocEntry entry,
      int relkind,
      String withOids,
      OffsetFlag flag,
      long offset)
      throws IOException {
    writeFields(out, version, entry, relkind, withOids);
    out.writeOffset(flag, offset); // custom format: data offset
  }

  /** Fields 1 to 17, common to every format. */
  private static void writeFields(
      ArchiveOutput out, ArchiveVersion version, TocEntry entry, int relkind, String withOids)
      throws IOException {
    out.writeInt(entry.dumpId()); // dumpId, > 0
    out.writeInt(entry.hadDumper() ? 1 : 0); // hadDumper
    out.writeRequiredStr("tableoid", entry.tableOid()); // tableoid, decimal
    out.writeRequiredStr("oid", entry.oid()); // oid, decimal
    out.writeRequiredStr("tag", entry.tag()); // tag
    out.writeRequiredStr("desc", entry.desc()); // desc, e.g. "TABLE DATA"
    out.writeInt(entry.section().code()); // section (1.11+)
    out.writeStr(entry.defn()); // defn
    out.writeStr(entry.dropStmt()); // dropStmt
    out.writeStr(entry.copyStmt()); // copyStmt (1.3+)
    out.writeStr(entry.namespace()); // namespace (1.6+)
    out.writeStr(entry.tablespace()); // tablespace (1.10+)
    if (version.isAtLeast(ArchiveVersion.K_VERS_1_14)) {
      out.writeStr(entry.tableAm()); // tableam (1.14+)
    }
    if (version.isAtLeast(ArchiveVersion.K_VERS_1_16)) {
      out.writeInt(relkind); // relkind (1.16+)
    }
    out.writeStr(entry.owner()); // owner
    out.writeRequiredStr("withOids", withOids); // withOids (1.9+), always "false"
    for (int dependency : entry.dependencies()) {
      out.writeStr(Integer.toString(dependency)); // dependency dumpId, decimal
    }
    out.writeStr(null); // end of dependencies
  }

  /**
   * A directory-format ({@code toc.dat}) entry: field 18 is the Str name of its data file, {@code
   * "<dumpId>.dat"} without the compression suffix (pg_restore finds the suffix on disk), or {@code
   * ""} for an entry without data (pg_backup_directory.c {@code _WriteExtraToc}).
   */
  public static void writeWithFileName(
      ArchiveOutput out, ArchiveVersion version, TocEntry entry, String fileName)
      throws IOException {
    writeFields(out, version, entry, 0, WITH_OIDS_FALSE);
    out.writeStr(fileName); // directory format: data file name
  }
}
