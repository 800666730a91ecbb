package io.datagen.job.spark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** What a finished run did; printed on stderr as a human summary. */
public record RunSummary(
    String output,
    String format,
    long seed,
    List<TableStats> tables,
    long archiveBytes,
    Duration elapsed) {

  /** Per table: rows and raw (uncompressed) bytes of data. */
  public record TableStats(String table, long rows, long rawBytes, long storedBytes) {}

  public RunSummary {
    tables = List.copyOf(tables);
  }

  public long totalRows() {
    return tables.stream().mapToLong(TableStats::rows).sum();
  }

  public String describe() {
    long rawBytes = tables.stream().mapToLong(TableStats::rawBytes).sum();
    double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "datagen: wrote %s (%s, %s) in %.1f s: %s, %,d %s, %s of data, %,.0f rows/s, seed %d%n",
            output,
            format,
            bytes(archiveBytes),
            seconds,
            tables.size() == 1 ? "1 table" : tables.size() + " tables",
            totalRows(),
            totalRows() == 1 ? "row" : "rows",
            bytes(rawBytes),
            totalRows() / seconds,
            seed));
    for (TableStats table : tables) {
      text.append(
          String.format(
              Locale.ROOT,
              "  %-40s %,14d rows %12s%n",
              table.table(),
              table.rows(),
              bytes(table.rawBytes())));
    }
    return text.toString().stripTrailing();
  }

  static String bytes(long count) {
    if (count < 1024) {
      return count + " B";
    }
    String[] units = {"KiB", "MiB", "GiB", "TiB"};
    double value = count;
    int unit = -1;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }
}
