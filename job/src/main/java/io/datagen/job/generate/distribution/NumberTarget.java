package io.datagen.job.generate.distribution;

import io.datagen.job.sink.ValueSink;

/**
 * Renders a sampled real number in a column's type, within inclusive bounds: integers are rounded
 * to the nearest whole number, numerics to their scale (exact decimal, no binary noise), reals and
 * doubles kept as they are. The bounds (type range ∩ distribution ∩ check constraints) are applied
 * after rounding, so every value fits.
 */
public final class NumberTarget {
  private enum Kind {
    INTEGER,
    NUMERIC,
    REAL,
    DOUBLE
  }

  private final Kind kind;
  private final int scale;
  private final double unit;
  private final long lowUnscaled;
  private final long highUnscaled;
  private final double low;
  private final double high;

  private NumberTarget(
      Kind kind, int scale, long lowUnscaled, long highUnscaled, double low, double high) {
    if (lowUnscaled > highUnscaled || !(low <= high)) {
      throw new IllegalArgumentException(
          "Cannot render numbers in an empty range [" + low + ", " + high + "]");
    }
    this.kind = kind;
    this.scale = scale;
    this.unit = Math.pow(10, scale);
    this.lowUnscaled = lowUnscaled;
    this.highUnscaled = highUnscaled;
    this.low = low;
    this.high = high;
  }

  /** Whole numbers in [low, high]. */
  public static NumberTarget integer(long low, long high) {
    return new NumberTarget(Kind.INTEGER, 0, low, high, low, high);
  }

  /** Exact decimals {@code unscaled × 10^-scale}, unscaled in [lowUnscaled, highUnscaled]. */
  public static NumberTarget numeric(int scale, long lowUnscaled, long highUnscaled) {
    double unit = Math.pow(10, scale);
    return new NumberTarget(
        Kind.NUMERIC, scale, lowUnscaled, highUnscaled, lowUnscaled / unit, highUnscaled / unit);
  }

  /** {@code real} ({@code single}) or {@code double precision} values in [low, high]. */
  public static NumberTarget floating(boolean single, double low, double high) {
    return new NumberTarget(single ? Kind.REAL : Kind.DOUBLE, 0, 0, 0, low, high);
  }

  /** Smallest positive difference between two rendered values: 1, 10^-scale, or 0 for floats. */
  public double resolution() {
    return switch (kind) {
      case INTEGER -> 1;
      case NUMERIC -> 1 / unit;
      default -> 0;
    };
  }

  /** Scale of rendered numerics (0 for integers and floats). */
  public int scale() {
    return scale;
  }

  /** Lowest rendered value as {@code unscaled × 10^-scale} (integers and numerics). */
  public long lowUnscaled() {
    return lowUnscaled;
  }

  /** Highest rendered value as {@code unscaled × 10^-scale} (integers and numerics). */
  public long highUnscaled() {
    return highUnscaled;
  }

  /** Whether values are exact decimals ({@link ValueSink#numeric}). */
  public boolean numeric() {
    return kind == Kind.NUMERIC;
  }

  /** Whether values are {@code real} or {@code double precision}. */
  public boolean floating() {
    return kind == Kind.REAL || kind == Kind.DOUBLE;
  }

  public double low() {
    return low;
  }

  public double high() {
    return high;
  }

  /** Whether rendered values are whole numbers. */
  public boolean whole() {
    return kind == Kind.INTEGER || (kind == Kind.NUMERIC && scale == 0);
  }

  public void emit(double x, ValueSink out) {
    switch (kind) {
      case INTEGER -> out.integer(clamp(Math.round(x)));
      case NUMERIC -> out.numeric(clamp(Math.round(x * unit)), scale);
      case REAL -> out.float4((float) Math.max(low, Math.min(high, x)));
      case DOUBLE -> out.float8(Math.max(low, Math.min(high, x)));
    }
  }

  private long clamp(long v) {
    return v < lowUnscaled ? lowUnscaled : Math.min(v, highUnscaled);
  }
}
