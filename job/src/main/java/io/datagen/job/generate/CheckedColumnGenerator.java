package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * Makes a column's values satisfy the check constraints that concern it alone or a column of the
 * same row: {@code col >= other} (and {@code >}) by reflecting a too-small value above the other
 * column's value ({@code other + (other − v)}, or the bound itself when that would leave the
 * column's range), then numeric bounds by clamping and {@code length(col) <= n} by cutting.
 * Reflection keeps the other column's spread (no pile of equal values) and stays below the column's
 * own ceiling. Sources are narrowed by the checks beforehand wherever they can be, so this rarely
 * changes a value; it is the guarantee for the others (constants, sequences, generators of other
 * kinds).
 */
public final class CheckedColumnGenerator implements ColumnGenerator {
  /** A column this one must not be below ({@code strict}: must be above). */
  public record Lower(ColumnGenerator column, boolean strict) {}

  private static final long MICROS_PER_SECOND = 1_000_000;

  private final ColumnGenerator values;
  private final Lower[] lowers;
  private final NumberBounds bounds;
  private final double low;
  private final double high;
  private final int maxLength;
  private final double ceiling;
  private final ValueCapture own = new ValueCapture();
  private final ValueCapture other = new ValueCapture();

  /**
   * @param ceiling the largest value the column's own generator gives (a number, an epoch day or
   *     epoch microseconds), or +∞ when unknown: a reflected value never goes beyond it
   */
  public CheckedColumnGenerator(
      ColumnGenerator values,
      List<Lower> lowers,
      NumberBounds bounds,
      int maxLength,
      double ceiling) {
    this.values = values;
    this.ceiling = ceiling;
    this.lowers = lowers.toArray(new Lower[0]);
    this.bounds = bounds;
    this.low = bounds.low() == null ? Double.NEGATIVE_INFINITY : bounds.low().doubleValue();
    this.high = bounds.high() == null ? Double.POSITIVE_INFINITY : bounds.high().doubleValue();
    this.maxLength = maxLength;
  }

  @Override
  public void generate(long row, ValueSink out) {
    values.generate(row, own);
    if (own.kind() != ValueCapture.Kind.NULL) {
      for (Lower lower : lowers) {
        lower.column().generate(row, other);
        if (other.kind() != ValueCapture.Kind.NULL) {
          raise(lower.strict());
        }
      }
      clamp();
      if (maxLength >= 0 && own.kind() == ValueCapture.Kind.TEXT) {
        own.truncate(maxLength);
      }
    }
    own.replay(out);
  }

  /** Moves {@code own} above {@code other} when it is not. */
  private void raise(boolean strict) {
    switch (own.kind()) {
      case NUMBER -> {
        if (other.kind() != ValueCapture.Kind.NUMBER && other.kind() != ValueCapture.Kind.FLOAT) {
          return;
        }
        double floor = other.number();
        long unit = 1;
        // The smallest value at own's scale that is ≥ (or >) the other value.
        long least = (long) Math.ceil(floor * Math.pow(10, own.scale()) - 1e-9);
        if (other.kind() == ValueCapture.Kind.NUMBER && other.scale() <= own.scale()) {
          least = other.unscaled() * (long) Math.pow(10, own.scale() - other.scale());
        }
        if (strict && least / Math.pow(10, own.scale()) <= floor) {
          least += unit;
        }
        if (own.unscaled() < least) {
          double top = Math.min(high, ceiling) * Math.pow(10, own.scale());
          long limit = top >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) Math.floor(top + 1e-9);
          own.set(reflect(own.unscaled(), least, limit), 0);
        }
      }
      case FLOAT -> {
        double floor = other.number();
        if (own.number() < floor || (strict && own.number() <= floor)) {
          double least = strict ? Math.nextUp(floor) : floor;
          double reflected = least + (least - own.number());
          own.set(0, reflected <= high && reflected <= ceiling ? reflected : least);
        }
      }
      case DATE, TIMESTAMP -> {
        if (other.kind() != own.kind()) {
          return;
        }
        long floor = other.bits();
        long least =
            strict ? floor + (own.kind() == ValueCapture.Kind.DATE ? 1 : MICROS_PER_SECOND) : floor;
        if (own.bits() < least) {
          own.set(
              reflect(
                  own.bits(), least, ceiling >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) ceiling),
              0);
        }
      }
      default -> {
        // other kinds are not ordered (rejected when the checks are read)
      }
    }
  }

  /**
   * {@code v < least}: its mirror image above {@code least}, folded back into [least, limit] when
   * it would pass {@code limit} — so the values keep their spread instead of piling up on the
   * bound.
   */
  static long reflect(long v, long least, long limit) {
    long distance = least - v;
    if (limit <= least || distance < 0) {
      return least;
    }
    long room = limit - least;
    return distance <= room ? least + distance : least + distance % (room + 1);
  }

  private void clamp() {
    if (bounds.unbounded()) {
      return;
    }
    if (own.kind() == ValueCapture.Kind.NUMBER) {
      long lo = bounds.low() == null ? Long.MIN_VALUE : bounds.lowestUnscaled(own.scale());
      long hi = bounds.high() == null ? Long.MAX_VALUE : bounds.highestUnscaled(own.scale());
      if (own.unscaled() < lo) {
        own.set(lo, 0);
      } else if (own.unscaled() > hi) {
        own.set(hi, 0);
      }
    } else if (own.kind() == ValueCapture.Kind.FLOAT) {
      double v = own.number();
      if (v < low || (bounds.lowStrict() && v == low)) {
        own.set(0, Math.nextUp(low));
      } else if (v > high || (bounds.highStrict() && v == high)) {
        own.set(0, Math.nextDown(high));
      }
    }
  }
}
