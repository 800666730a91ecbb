package io.datagen.job.plan;

import java.io.Serializable;

/**
 * A fixed row range of one table: the unit of determinism. Its bytes depend only on the schema, the
 * seed and these numbers, never on which task or executor computes it.
 *
 * @param tableIndex position of the table in the schema (and in the archive)
 * @param segmentIndex position of the segment within its table
 * @param firstRow 0-based index of the first row
 * @param rowCount number of rows, at least 1
 */
public record Segment(int tableIndex, int segmentIndex, long firstRow, long rowCount)
    implements Serializable {
  public Segment {
    if (tableIndex < 0 || segmentIndex < 0 || firstRow < 0 || rowCount < 1) {
      throw new IllegalArgumentException(
          "Cannot create segment: table "
              + tableIndex
              + ", segment "
              + segmentIndex
              + ", rows ["
              + firstRow
              + ", +"
              + rowCount
              + ")");
    }
  }

  public long endRow() {
    return firstRow + rowCount;
  }
}
