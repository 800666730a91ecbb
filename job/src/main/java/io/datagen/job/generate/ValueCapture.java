package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * A sink that remembers one value so it can be compared with another — how a rule tests a column of
 * the same row. Reused for every row (no allocation); numbers compare by value whatever their sink
 * call ({@code 5}, {@code 5.00} and {@code 5.0f} are equal), timestamps with and without time zone
 * by their instant.
 */
public final class ValueCapture implements ValueSink {
  enum Kind {
    NULL,
    NUMBER,
    FLOAT,
    BOOL,
    TEXT,
    DATE,
    TIMESTAMP,
    UUID
  }

  private Kind kind;
  private long unscaled;
  private int scale;
  private double floating;
  private long bits;
  private long lowBits;
  private final StringBuilder text = new StringBuilder();

  /**
   * How the value arrived, to replay it the same way: integer() vs numeric(), float4 vs float8, tz.
   */
  private boolean exact;

  Kind kind() {
    return kind;
  }

  /** The value as a number (for ordering checks); NaN when it is not one. */
  public double number() {
    return switch (kind) {
      case NUMBER -> unscaled / Math.pow(10, scale);
      case FLOAT -> floating;
      case DATE, TIMESTAMP -> bits;
      default -> Double.NaN;
    };
  }

  long unscaled() {
    return unscaled;
  }

  int scale() {
    return scale;
  }

  long bits() {
    return bits;
  }

  /** The captured text, when the value arrived as text; null otherwise. */
  public CharSequence textOrNull() {
    return kind == Kind.TEXT ? text : null;
  }

  public boolean sameAs(ValueCapture other) {
    if (kind == Kind.FLOAT || other.kind == Kind.FLOAT) {
      return (kind == Kind.FLOAT || kind == Kind.NUMBER)
          && (other.kind == Kind.FLOAT || other.kind == Kind.NUMBER)
          && number() == other.number();
    }
    if (kind != other.kind) {
      return false;
    }
    return switch (kind) {
      case NULL -> true;
      case NUMBER -> compareNumbers(this, other) == 0;
      case TEXT -> text.compareTo(other.text) == 0;
      case UUID -> bits == other.bits && lowBits == other.lowBits;
      default -> bits == other.bits;
    };
  }

  /** Compares two NUMBER captures exactly (scales aligned; saturates beyond 18 digits). */
  static int compareNumbers(ValueCapture a, ValueCapture b) {
    int scale = Math.max(a.scale, b.scale);
    return Long.compare(rescale(a.unscaled, scale - a.scale), rescale(b.unscaled, scale - b.scale));
  }

  private static long rescale(long v, int up) {
    long r = v;
    for (int i = 0; i < up; i++) {
      if (Math.abs(r) > Long.MAX_VALUE / 10) {
        return r < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
      }
      r *= 10;
    }
    return r;
  }

  /** Sets a NUMBER's unscaled value (same scale), a FLOAT's value, or a DATE / TIMESTAMP's bits. */
  void set(long unscaledOrBits, double floatValue) {
    if (kind == Kind.NUMBER) {
      unscaled = unscaledOrBits;
    } else if (kind == Kind.FLOAT) {
      floating = exact ? (float) floatValue : floatValue;
    } else {
      bits = unscaledOrBits;
    }
  }

  /** Keeps the first {@code length} code points of a TEXT value. */
  void truncate(int length) {
    if (text.codePointCount(0, text.length()) > length) {
      text.setLength(text.offsetByCodePoints(0, length));
    }
  }

  int codePoints() {
    return text.codePointCount(0, text.length());
  }

  /** Emits the captured value with the same sink call it arrived with. */
  void replay(ValueSink out) {
    switch (kind) {
      case NULL -> out.nullValue();
      case NUMBER -> {
        if (exact) {
          out.integer(unscaled);
        } else {
          out.numeric(unscaled, scale);
        }
      }
      case FLOAT -> {
        if (exact) {
          out.float4((float) floating);
        } else {
          out.float8(floating);
        }
      }
      case BOOL -> out.bool(bits == 1);
      case TEXT -> out.text(text);
      case DATE -> out.date((int) bits);
      case TIMESTAMP -> {
        if (exact) {
          out.timestamptz(bits);
        } else {
          out.timestamp(bits);
        }
      }
      case UUID -> out.uuid(bits, lowBits);
    }
  }

  @Override
  public void nullValue() {
    kind = Kind.NULL;
  }

  @Override
  public void integer(long v) {
    exact = true;
    kind = Kind.NUMBER;
    unscaled = v;
    scale = 0;
  }

  @Override
  public void numeric(long unscaled, int scale) {
    exact = false;
    kind = Kind.NUMBER;
    this.unscaled = unscaled;
    this.scale = scale;
  }

  @Override
  public void float4(float v) {
    exact = true;
    kind = Kind.FLOAT;
    floating = v;
  }

  @Override
  public void float8(double v) {
    exact = false;
    kind = Kind.FLOAT;
    floating = v;
  }

  @Override
  public void bool(boolean v) {
    kind = Kind.BOOL;
    bits = v ? 1 : 0;
  }

  @Override
  public void text(CharSequence s) {
    kind = Kind.TEXT;
    text.setLength(0);
    text.append(s);
  }

  @Override
  public void date(int epochDay) {
    kind = Kind.DATE;
    bits = epochDay;
  }

  @Override
  public void timestamp(long epochMicros) {
    exact = false;
    kind = Kind.TIMESTAMP;
    bits = epochMicros;
  }

  @Override
  public void timestamptz(long epochMicros) {
    exact = true;
    kind = Kind.TIMESTAMP;
    bits = epochMicros;
  }

  @Override
  public void uuid(long msb, long lsb) {
    kind = Kind.UUID;
    bits = msb;
    lowBits = lsb;
  }
}
