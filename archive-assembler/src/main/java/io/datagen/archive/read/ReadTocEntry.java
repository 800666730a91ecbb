package io.datagen.archive.read;

import io.datagen.archive.OffsetFlag;
import io.datagen.archive.TocEntry;

/**
 * A TOC entry as read from an archive, with the fields our {@link TocEntry} does not model.
 *
 * @param relkind pg_class.relkind code (1.16+), 0 before
 * @param withOids the withOids string as stored ("false" in every modern archive)
 */
public record ReadTocEntry(
    TocEntry entry, int relkind, String withOids, OffsetFlag offsetFlag, long offset) {

  public int dumpId() {
    return entry.dumpId();
  }

  public boolean hasData() {
    return entry.hadDumper() && offsetFlag != OffsetFlag.NO_DATA;
  }
}
