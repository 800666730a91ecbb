package io.datagen.job.generate;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An interval of numbers from a generator's min/max, a distribution's bounds or check constraints;
 * a null end is unbounded. Strict ends come from {@code >} and {@code <} in checks.
 */
public record NumberBounds(BigDecimal low, boolean lowStrict, BigDecimal high, boolean highStrict) {
  public static final NumberBounds ALL = new NumberBounds(null, false, null, false);

  public static NumberBounds closed(BigDecimal low, BigDecimal high) {
    return new NumberBounds(low, false, high, false);
  }

  public boolean unbounded() {
    return low == null && high == null;
  }

  /** The tighter of both ends. */
  public NumberBounds intersect(NumberBounds other) {
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
  public String describe() {
    return (low == null || lowStrict ? "(" : "[")
        + (low == null ? "-∞" : low.toPlainString())
        + ", "
        + (high == null ? "∞" : high.toPlainString())
        + (high == null || highStrict ? ")" : "]");
  }

  /** Smallest unscaled value at {@code scale} that satisfies the low end. */
  public long lowestUnscaled(int scale) {
    if (low == null) {
      return Long.MIN_VALUE;
    }
    BigDecimal v = low.movePointRight(scale);
    BigDecimal whole = v.setScale(0, RoundingMode.CEILING);
    if (lowStrict && whole.compareTo(v) == 0) {
      whole = whole.add(BigDecimal.ONE);
    }
    return saturate(whole);
  }

  /** Largest unscaled value at {@code scale} that satisfies the high end. */
  public long highestUnscaled(int scale) {
    if (high == null) {
      return Long.MAX_VALUE;
    }
    BigDecimal v = high.movePointRight(scale);
    BigDecimal whole = v.setScale(0, RoundingMode.FLOOR);
    if (highStrict && whole.compareTo(v) == 0) {
      whole = whole.subtract(BigDecimal.ONE);
    }
    return saturate(whole);
  }

  private static long saturate(BigDecimal v) {
    if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      return Long.MAX_VALUE;
    }
    return v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0
        ? Long.MIN_VALUE
        : v.longValueExact();
  }
}
