package io.datagen.job.plan;

import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts every table into {@link Segment}s of {@code segmentRows} rows (the last one shorter) and
 * deals them out to Spark partitions. Segment boundaries are a function of the table's row count
 * and {@code segmentRows} only — never of the cluster — which is what makes the archive's bytes
 * independent of the partition count.
 */
public final class SegmentPlanner {
  /** Default rows per segment: big enough to compress well, small enough to balance tasks. */
  public static final long DEFAULT_SEGMENT_ROWS = 65_536;

  private SegmentPlanner() {}

  public static List<Segment> segments(Schema schema, long segmentRows) {
    return segments(schema, Selection.all(schema), segmentRows);
  }

  /** Segments of the selected tables only (none when the selection writes no data). */
  public static List<Segment> segments(Schema schema, Selection selection, long segmentRows) {
    if (segmentRows < 1) {
      throw new IllegalArgumentException(
          "Cannot plan segments of " + segmentRows + " rows: must be at least 1");
    }
    List<Segment> segments = new ArrayList<>();
    List<TableSpec> tables = schema.tables();
    for (int t = 0; t < tables.size(); t++) {
      if (!selection.withData() || !selection.includes(tables.get(t).name())) {
        continue;
      }
      long rows = tables.get(t).rowCount();
      int index = 0;
      for (long first = 0; first < rows; first += segmentRows) {
        segments.add(new Segment(t, index++, first, Math.min(segmentRows, rows - first)));
      }
    }
    return segments;
  }

  /**
   * Deals segments round-robin into at most {@code partitions} groups, so every group gets a mix of
   * tables (similar cost) and the big tables spread over all tasks. Empty groups are dropped.
   */
  public static List<List<Segment>> partition(List<Segment> segments, int partitions) {
    if (partitions < 1) {
      throw new IllegalArgumentException(
          "Cannot split work into " + partitions + " partitions: must be at least 1");
    }
    int groups = Math.min(partitions, Math.max(1, segments.size()));
    List<List<Segment>> result = new ArrayList<>(groups);
    for (int i = 0; i < groups; i++) {
      result.add(new ArrayList<>());
    }
    for (int i = 0; i < segments.size(); i++) {
      result.get(i % groups).add(segments.get(i));
    }
    result.removeIf(List::isEmpty);
    return result;
  }
}
