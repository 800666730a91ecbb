package io.datagen.archive.read;

import io.datagen.archive.OffsetFlag;
import io.datagen.archive.TocEntry;

/**
 * A TOC entry as read from an archive, with the fields our {@link TocEntry} does not model.
 *
 * @param relkind pg_class.relkind code (1.16+), 0 before
 * @param withOids the withOids string as stored ("false" in every modern archive)
 * @param offsetFlag a custom archive's data offset flag; null in a directory archive
 * @param offset a custom archive's data offset; 0 in a directory archive
 * @param fileName a directory archive's data file name as toc.dat gives it ({@code "3001.dat"}, or
 *     {@code ""} without data); null in a custom archive
 */
public record ReadTocEntry(
    TocEntry entry,
    int relkind,
    String withOids,
    OffsetFlag offsetFlag,
    long offset,
    String fileName) {

  /** An entry of a custom archive. */
  public ReadTocEntry(
      TocEntry entry, int relkind, String withOids, OffsetFlag offsetFlag, long offset) {
    this(entry, relkind, withOids, offsetFlag, offset, null);
  }

  public int dumpId() {
    return entry.dumpId();
  }

  public boolean hasData() {
    if (fileName != null) {
      return entry.hadDumper() && !fileName.isEmpty();
    }
    return entry.hadDumper() && offsetFlag != OffsetFlag.NO_DATA;
  }
}
