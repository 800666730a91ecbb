package io.datagen.job.plan;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.math.BigInteger;
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

  /**
   * The most segments a run plans: the driver keeps a small record of every segment (and of its
   * result), so this bounds the driver's memory to well under a gigabyte.
   */
  public static final long MAX_SEGMENTS = 10_000_000;

  private SegmentPlanner() {}

  /** How many segments a table of {@code rows} rows is cut into. */
  public static long segmentCount(long rows, long segmentRows) {
    return rows == 0 ? 0 : (rows - 1) / segmentRows + 1;
  }

  /**
   * The number of segments of the selected tables, saturated at Long.MAX_VALUE: computed, not
   * planned, so any size can be reported.
   */
  public static long segmentCount(Schema schema, Selection selection, long segmentRows) {
    requirePositive(segmentRows);
    long total = 0;
    for (TableSpec table : schema.tables()) {
      if (selection.withData() && selection.includes(table.name())) {
        long count = segmentCount(table.rowCount(), segmentRows);
        total = total > Long.MAX_VALUE - count ? Long.MAX_VALUE : total + count;
      }
    }
    return total;
  }

  public static List<Segment> segments(Schema schema, long segmentRows) {
    return segments(schema, Selection.all(schema), segmentRows);
  }

  /** Segments of the selected tables only (none when the selection writes no data). */
  public static List<Segment> segments(Schema schema, Selection selection, long segmentRows) {
    long count = requirePlannable(schema, selection, segmentRows);
    List<Segment> segments = new ArrayList<>((int) count);
    List<TableSpec> tables = schema.tables();
    for (int t = 0; t < tables.size(); t++) {
      if (!selection.withData() || !selection.includes(tables.get(t).name())) {
        continue;
      }
      long rows = tables.get(t).rowCount();
      int index = 0;
      for (long first = 0; first < rows; ) {
        long length = Math.min(segmentRows, rows - first);
        segments.add(new Segment(t, index++, first, length));
        first += length; // never past rows, so never overflows
      }
    }
    return segments;
  }

  /**
   * Refuses a plan the driver could not hold, before anything starts.
   *
   * @return the number of segments
   */
  public static long requirePlannable(Schema schema, Selection selection, long segmentRows) {
    long count = segmentCount(schema, selection, segmentRows);
    if (count > MAX_SEGMENTS) {
      BigInteger rows = BigInteger.ZERO;
      long tables = 0;
      for (TableSpec table : schema.tables()) {
        if (selection.includes(table.name())) {
          rows = rows.add(BigInteger.valueOf(table.rowCount()));
          tables++;
        }
      }
      // Each table's last segment may be short: leave one segment per table for rounding.
      BigInteger room = BigInteger.valueOf(MAX_SEGMENTS - tables);
      BigInteger enough = rows.add(room).subtract(BigInteger.ONE).divide(room);
      throw new DatagenException(
          ErrorCategory.USAGE,
          String.format(
              java.util.Locale.ROOT,
              "Cannot plan %,d segments of up to %,d rows: the driver keeps a record of every"
                  + " segment and plans at most %,d; use --segment-rows %s or more",
              count,
              segmentRows,
              MAX_SEGMENTS,
              enough.toString()));
    }
    return count;
  }

  private static void requirePositive(long segmentRows) {
    if (segmentRows < 1) {
      throw new IllegalArgumentException(
          "Cannot plan segments of " + segmentRows + " rows: must be at least 1");
    }
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
