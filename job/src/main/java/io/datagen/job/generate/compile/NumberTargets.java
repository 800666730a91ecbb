package io.datagen.job.generate.compile;

import io.datagen.job.generate.NumberBounds;
import io.datagen.job.generate.distribution.NumberTarget;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;

/**
 * Builds the {@link NumberTarget} of a numeric column: its type's range intersected with bounds.
 */
final class NumberTargets {
  /** Decimals of sampled numerics: the column's scale, at most this many (more add nothing). */
  static final int MAX_SCALE = 6;

  /** Plain {@code numeric} (no precision): two decimals, magnitude below 10^15. */
  static final int PLAIN_NUMERIC_SCALE = 2;

  private static final BigDecimal PLAIN_NUMERIC_LIMIT = BigDecimal.TEN.pow(15);
  private static final BigDecimal LONG_LIMIT = BigDecimal.TEN.pow(18).subtract(BigDecimal.ONE);

  /** Floats without bounds stay within ±10^15, so their text stays readable. */
  private static final double FLOAT_LIMIT = 1e15;

  private NumberTargets() {}

  static boolean fits(PgType type) {
    return ColumnTypes.isNumber(type.kind());
  }

  /** Decimals a numeric column gets from sampled values. */
  static int scale(PgType type) {
    if (type.kind() != TypeKind.NUMERIC) {
      return 0;
    }
    if (type.scale() != null) {
      return Math.min(Math.max(type.scale(), 0), MAX_SCALE);
    }
    return type.precision() != null ? 0 : PLAIN_NUMERIC_SCALE;
  }

  /** The target, or null when no value of the type lies within {@code bounds}. */
  static NumberTarget of(PgType type, NumberBounds bounds) {
    return of(type, bounds, null);
  }

  /**
   * As {@link #of(PgType, NumberBounds)}, numerics with at most {@code maxScale} decimals when
   * given.
   */
  static NumberTarget of(PgType type, NumberBounds bounds, Integer maxScale) {
    TypeKind kind = type.kind();
    if (kind.isInteger()) {
      long lo = Math.max(ColumnTypes.minInteger(kind), bounds.lowestUnscaled(0));
      long hi = Math.min(ColumnTypes.maxInteger(kind), bounds.highestUnscaled(0));
      return lo <= hi ? NumberTarget.integer(lo, hi) : null;
    }
    if (kind == TypeKind.NUMERIC) {
      int scale = maxScale == null ? scale(type) : Math.min(scale(type), maxScale);
      BigDecimal limit = typeLimit(type, scale);
      long lo = Math.max(-limit.longValueExact(), bounds.lowestUnscaled(scale));
      long hi = Math.min(limit.longValueExact(), bounds.highestUnscaled(scale));
      return lo <= hi ? NumberTarget.numeric(scale, lo, hi) : null;
    }
    boolean single = kind == TypeKind.REAL;
    double lo =
        bounds.low() == null
            ? -FLOAT_LIMIT
            : floatEnd(bounds.low().doubleValue(), bounds.lowStrict(), single, true);
    double hi =
        bounds.high() == null
            ? FLOAT_LIMIT
            : floatEnd(bounds.high().doubleValue(), bounds.highStrict(), single, false);
    return lo <= hi ? NumberTarget.floating(single, lo, hi) : null;
  }

  /** Largest unscaled magnitude of numeric(p,s) at {@code scale} decimals: |v| &lt; 10^(p−s). */
  private static BigDecimal typeLimit(PgType type, int scale) {
    if (type.precision() == null) {
      return PLAIN_NUMERIC_LIMIT.movePointRight(scale).min(LONG_LIMIT);
    }
    int typeScale = type.scale() == null ? 0 : type.scale();
    BigDecimal limit =
        BigDecimal.TEN
            .pow(Math.max(0, type.precision() - typeScale))
            .movePointRight(scale)
            .subtract(BigDecimal.ONE);
    return limit.min(LONG_LIMIT);
  }

  /**
   * The nearest float/double inside the bound (for {@code real}, one that survives the cast to
   * float).
   */
  private static double floatEnd(double bound, boolean strict, boolean single, boolean low) {
    if (single) {
      float f = (float) bound;
      if (low ? (f < bound || (strict && f == bound)) : (f > bound || (strict && f == bound))) {
        f = low ? Math.nextUp(f) : Math.nextDown(f);
      }
      return f;
    }
    return strict ? (low ? Math.nextUp(bound) : Math.nextDown(bound)) : bound;
  }
}
