package io.datagen.bench;

/** The units every benchmark number is reported in: megabytes are 10^6 bytes. */
final class Units {
  private Units() {}

  static double megabytes(long bytes) {
    return bytes / 1e6;
  }

  static double megabytesPerSecond(long bytes, long nanos) {
    return nanos <= 0 ? Double.NaN : bytes / 1e6 / (nanos / 1e9);
  }
}
