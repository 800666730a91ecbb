package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.types.ByteaValues;
import io.datagen.job.generate.types.IntervalValues;
import io.datagen.job.generate.types.JsonObjects;
import io.datagen.job.generate.types.NetworkValues;
import io.datagen.job.generate.types.PointValues;
import io.datagen.job.generate.types.TimeValues;
import io.datagen.job.generate.types.TsvectorValues;
import io.datagen.job.generate.types.XmlValues;
import io.datagen.job.generate.values.BooleanValues;
import io.datagen.job.generate.values.DateRange;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.generate.values.FloatValues;
import io.datagen.job.generate.values.IntegerRange;
import io.datagen.job.generate.values.LabelValues;
import io.datagen.job.generate.values.Literal;
import io.datagen.job.generate.values.TimestampRange;
import io.datagen.job.generate.values.UuidV4;
import io.datagen.job.generate.values.WordText;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.TypeKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The value source of a column that names no generator: plausible values that always fit the type.
 */
final class TypeDefaults {
  static final int YEARS_BACK_DAYS = 3 * 365;
  static final long MICROS_PER_DAY = 86_400_000_000L;

  /** Integer part of default numeric values stays below this (unless the precision is smaller). */
  static final long NUMERIC_INTEGER_LIMIT = 100_000;

  /**
   * Default numeric values carry at most this many decimals (more fit any column; they add
   * nothing).
   */
  static final int NUMERIC_MAX_SCALE = 6;

  static final int TEXT_MIN_CODE_WIDTH = 6;

  private TypeDefaults() {}

  /** The default source, or null when the kind has none (reported by the caller). */
  static ValueSource source(ColumnContext ctx) {
    PgType type = ctx.type();
    TypeKind kind = type.kind();
    return switch (kind) {
      case SMALLINT, INTEGER, BIGINT -> integers(ctx, kind);
      case NUMERIC -> numerics(type);
      case REAL -> new FloatValues(true);
      case DOUBLE -> new FloatValues(false);
      case VARCHAR, CHAR, TEXT, CITEXT -> text(ctx);
      case BOOLEAN -> new BooleanValues(0.5);
      case DATE -> dates(ctx);
      case TIMESTAMP, TIMESTAMPTZ -> timestamps(ctx, kind == TypeKind.TIMESTAMPTZ);
      case UUID -> new UuidV4(ctx.columnKey());
      case ENUM -> labels(ctx.enumLabels());
      case MONEY -> new DecimalRange(0, 999_999, 2);
      case TIME, TIMETZ -> new TimeValues(timeStep(type), kind == TypeKind.TIMETZ);
      case INTERVAL -> new IntervalValues();
      case JSON, JSONB -> new JsonObjects();
      case BYTEA -> new ByteaValues(ctx.columnKey());
      case INET -> new NetworkValues(NetworkValues.Shape.INET, 0.2, ctx.columnKey());
      case CIDR -> new NetworkValues(NetworkValues.Shape.CIDR, 0.2, ctx.columnKey());
      case MACADDR -> new NetworkValues(NetworkValues.Shape.MACADDR, 0, ctx.columnKey());
      case POINT -> new PointValues();
      case TSVECTOR -> new TsvectorValues();
      case XML -> new XmlValues();
      default -> null;
    };
  }

  /**
   * Small positive numbers; a key column's domain grows to ten times the row count (within the
   * type).
   */
  private static ValueSource integers(ColumnContext ctx, TypeKind kind) {
    long typical =
        switch (kind) {
          case SMALLINT -> 1_000;
          case INTEGER -> 1_000_000;
          default -> 1_000_000_000;
        };
    long max = typical;
    if (ctx.inKey()) {
      long wanted =
          ctx.rowCount() > Long.MAX_VALUE / 10
              ? Long.MAX_VALUE
              : Math.max(typical, ctx.rowCount() * 10);
      max =
          kind == TypeKind.SMALLINT
              ? ColumnTypes.maxInteger(kind)
              : Math.min(wanted, ColumnTypes.maxInteger(kind));
    }
    return new IntegerRange(1, max);
  }

  /**
   * numeric(p,s): non-negative, below min(10^(p−s), 100,000), with min(s, 6) decimals (fewer
   * decimals than the scale always fit; PostgreSQL pads them). Plain numeric gets 2 decimals.
   */
  static ValueSource numerics(PgType type) {
    int scale = type.scale() != null ? type.scale() : (type.precision() != null ? 0 : 2);
    int effectiveScale = Math.min(scale, NUMERIC_MAX_SCALE);
    long limit = NUMERIC_INTEGER_LIMIT * pow10(effectiveScale);
    if (type.precision() != null) {
      // |v| < 10^(p−s)  ⇔  |unscaled at effectiveScale| < 10^(p − s + effectiveScale)
      int exponent = type.precision() - scale + effectiveScale;
      limit = exponent <= 0 ? 1 : Math.min(limit, pow10(Math.min(exponent, 18)));
    }
    return new DecimalRange(0, limit - 1, effectiveScale);
  }

  static long pow10(int exponent) {
    long p = 1;
    for (int i = 0; i < exponent; i++) {
      p *= 10;
    }
    return p;
  }

  private static ValueSource text(ColumnContext ctx) {
    int max = ColumnTypes.maxLength(ctx.type());
    int limit =
        max == ColumnTypes.UNBOUNDED
            ? WordText.MAX_CODE_WIDTH
            : Math.min(max, WordText.MAX_CODE_WIDTH);
    int width = Math.min(limit, Math.max(TEXT_MIN_CODE_WIDTH, WordText.widthFor(ctx.rowCount())));
    return new WordText(
        max == ColumnTypes.UNBOUNDED ? WordText.UNBOUNDED : max, width, ctx.columnKey());
  }

  /**
   * The three years before the reference date; a key column reaches further back if it needs to.
   */
  private static ValueSource dates(ColumnContext ctx) {
    int end = ctx.referenceDay();
    long span = YEARS_BACK_DAYS;
    if (ctx.inKey()) {
      span = Math.max(span, Math.min(ctx.rowCount() * 2, end - (long) MIN_DAY));
    }
    return new DateRange((int) Math.max(MIN_DAY, end - span), end);
  }

  /** 0001-01-01, the first day PostgreSQL renders without "BC". */
  static final int MIN_DAY = -719_162;

  /** Three years before the reference time, on a millisecond grid (or the column's precision). */
  private static ValueSource timestamps(ColumnContext ctx, boolean withTimeZone) {
    long step = step(ctx.type());
    long end = Math.floorDiv(ctx.referenceMicros(), step) * step;
    long start = end - YEARS_BACK_DAYS * MICROS_PER_DAY;
    return new TimestampRange(start, end, step, withTimeZone);
  }

  /** Grid of a timestamp(p): 10^(6−p) µs; milliseconds when p is not given. */
  static long step(PgType type) {
    if (type.precision() == null) {
      return 1_000;
    }
    return pow10(6 - Math.max(0, Math.min(6, type.precision())));
  }

  /**
   * Grid of a time(p): whole seconds when p is not given (times of day read best that way), else
   * 10^(6−p) µs.
   */
  static long timeStep(PgType type) {
    return type.precision() == null ? 1_000_000 : step(type);
  }

  static ValueSource labels(List<String> labels) {
    List<Literal> literals = new ArrayList<>(labels.size());
    for (String label : labels) {
      literals.add(out -> out.text(label));
    }
    return new LabelValues(literals);
  }
}
