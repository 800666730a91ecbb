package io.datagen.job.generate;

import java.math.BigDecimal;

/**
 * An interval of numbers from a generator's min/max, a distribution's bounds or check constraints;
 * a null end is unbounded. Strict ends come from {@code >} and {@code <} in checks.
 */
record NumberBounds(BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict) {
  static final NumberBounds ALL = new NumberBounds(null, false, null, false);

  static NumberBounds closed(BigDecimal low, BigDecimal high) {
    return new NumberBounds(low, false, high, false);
  }

  boolean unbounded() {
    return low == null && high == null;
  }

  /** The tighter of both ends. */
  NumberBounds intersect(NumberBounds other) {
    BigDecimal lo = low;
    boolean loStrict = lowStrict;
    if (other.low != null
        && (lo == null
            || other.low.compareTo(lo) > 0
            || (other.low.compareTo(lo) == 0 && other.lowStrict))) {
      lo = other.low;
      loStrict = other.lowStrict;
    }
    BigDecimal hi = high;
    boolean hiStrict = highStrict;
    if (other.high != null
        && (hi == null
            || other.high.compareTo(hi) < 0
            || (other.high.compareTo(hi) == 0 && other.highStrict))) {
      hi = other.high;
      hiStrict = other.highStrict;
    }
    return new NumberBounds(lo, loStrict, hi, hiStrict);
  }

  /** For messages: {@code [1, 5]}, {@code (0, ∞)}. */
  String describe() {
    return (low == null || lowStrict ? "(" : "[")
        + (low == null ? "-∞" : low.toPlainString())
        + ", "
        + (high == null ? "∞" : high.toPlainString())
        + (high == null || highStrict ? ")" : "]");
  }
}
