package io.datagen.bench;

/**
 * One measured {@code generate} run.
 *
 * @param schema the benchmark schema's name
 * @param format the output format's id ({@code custom}, ...)
 * @param codec the {@code --compress} value ({@code none}, {@code gzip:6}, ...)
 * @param rows rows written
 * @param nanos wall time of the run
 * @param rawBytes the table data as uncompressed COPY text
 * @param archiveBytes the output's size
 */
public record EndToEndResult(
    String schema,
    String format,
    String codec,
    long rows,
    long nanos,
    long rawBytes,
    long archiveBytes) {

  public double seconds() {
    return nanos / 1e9;
  }

  /** Megabytes (10^6 bytes) of raw COPY text per second of wall time. */
  public double megabytesPerSecond() {
    return Units.megabytesPerSecond(rawBytes, nanos);
  }
}
