package io.datagen.job.generate.compile;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.UpdatedAfter;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.fake.CodeValues;
import io.datagen.job.generate.fake.Dictionaries;
import io.datagen.job.generate.fake.LoremValues;
import io.datagen.job.generate.fake.SlugValues;
import io.datagen.job.generate.values.DateRange;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.generate.values.IntegerRange;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.sink.ValueSink;
import java.time.LocalDate;

/**
 * Realistic values chosen from a column's name ({@link NameRules}) when the generator fits the
 * column's type; null otherwise, and the caller falls back to the type's default (an {@code email}
 * column of type integer gets integers). A unique column keeps a suggestion only when it can
 * enumerate enough distinct values; else the type default (which can) is used.
 */
final class SemanticSources {
  private SemanticSources() {}

  static ValueSource byName(ColumnContext ctx, String name) {
    String rule = NameRules.generatorFor(name);
    if (rule == null) {
      return null;
    }
    ValueSource source = build(rule, ctx);
    if (source != null && ctx.inKey() && source.domainSize() < ctx.rowCount()) {
      return null;
    }
    return source;
  }

  /**
   * The source of semantic kind (or generator) {@code rule} for the column, or null when it does
   * not fit.
   */
  static ValueSource build(String rule, ColumnContext ctx) {
    Problems ignored = new Problems();
    ConfigReader noConfig = new ConfigReader(rule, null, ctx.column().path(), ignored);
    PgType type = ctx.type();
    TypeKind kind = type.kind();
    ValueSource source =
        switch (rule) {
          case "uuid" -> ExplicitGenerators.source("uuid", ctx, noConfig, ignored);
          case "description" ->
              ColumnTypes.isText(kind) && longEnough(type, 20)
                  ? LoremValues.sentences(dictionaries(ctx), 1, 3, 1, ColumnTypes.maxLength(type))
                  : null;
          case "title" ->
              ColumnTypes.isText(kind) && longEnough(type, 8)
                  ? LoremValues.words(dictionaries(ctx), 2, 6, true, ColumnTypes.maxLength(type))
                  : null;
          case "price" -> price(type);
          case "quantity" ->
              kind.isInteger() || kind == TypeKind.NUMERIC ? new IntegerRange(1, 100) : null;
          case "rating" -> rating(type);
          case "birth_date" -> birthDate(ctx);
          case "created_at", "timestamp" -> isTime(kind) ? TypeDefaults.source(ctx) : null;
          case "updated_at" -> updatedAt(ctx);
          case "sku" ->
              ColumnTypes.isText(kind) && longEnough(type, 10)
                  ? new CodeValues("SKU-", skuWidth(ctx))
                  : null;
          case "slug" ->
              ColumnTypes.isText(kind)
                      && longEnough(type, 1 + SlugValues.widthFor(ctx.rowCount() * 10L) + 3)
                  ? new SlugValues(
                      dictionaries(ctx),
                      ColumnTypes.maxLength(type),
                      SlugValues.widthFor(ctx.rowCount() * 10L))
                  : null;
          default ->
              FakeGenerators.NAMES.contains(rule)
                  ? FakeGenerators.source(rule, ctx, noConfig, ignored)
                  : null;
        };
    return ignored.hasErrors() ? null : source;
  }

  /**
   * Six base-36 characters (2 billion codes), more when ten times the rows need them, within the
   * column.
   */
  private static int skuWidth(ColumnContext ctx) {
    int width = Math.max(6, SlugValues.widthFor(ctx.rowCount() * 10L));
    int max = ColumnTypes.maxLength(ctx.type());
    return max == ColumnTypes.UNBOUNDED ? width : Math.min(width, max - 4);
  }

  private static Dictionaries dictionaries(ColumnContext ctx) {
    return Dictionaries.of(Dictionaries.locale(ctx.schema().database().locale()));
  }

  private static boolean longEnough(PgType type, int length) {
    int max = ColumnTypes.maxLength(type);
    return max == ColumnTypes.UNBOUNDED || max >= length;
  }

  private static boolean isTime(TypeKind kind) {
    return kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ;
  }

  /** 0.99–999.99 at the column's scale (whole numbers for integers), within numeric(p,s). */
  private static ValueSource price(PgType type) {
    TypeKind kind = type.kind();
    if (kind.isInteger()) {
      return new IntegerRange(1, kind == TypeKind.SMALLINT ? 999 : 1_000);
    }
    if (kind == TypeKind.MONEY || ColumnTypes.isFloat(kind)) {
      return new DecimalRange(99, 99_999, 2);
    }
    if (kind != TypeKind.NUMERIC) {
      return null;
    }
    int scale =
        type.scale() != null
            ? Math.min(type.scale(), TypeDefaults.NUMERIC_MAX_SCALE)
            : type.precision() != null ? 0 : 2;
    long unit = TypeDefaults.pow10(scale);
    long high = 1_000 * unit - 1;
    if (type.precision() != null) {
      int integerDigits = type.precision() - (type.scale() == null ? 0 : type.scale());
      high = Math.min(high, TypeDefaults.pow10(Math.min(18, integerDigits + scale)) - 1);
    }
    long low = Math.min(high, unit - Math.max(1, unit / 100)); // 0.99 at scale 2, 1 at scale 0
    return high < 1 ? null : new DecimalRange(Math.max(1, low), high, scale);
  }

  /** 1–5 stars: whole numbers, or with one decimal when the column has a scale. */
  private static ValueSource rating(PgType type) {
    TypeKind kind = type.kind();
    if (kind.isInteger()) {
      return new IntegerRange(1, 5);
    }
    if (kind == TypeKind.NUMERIC
        && type.scale() != null
        && type.scale() >= 1
        && type.precision() - type.scale() >= 1) {
      return new DecimalRange(10, 50, 1);
    }
    if (ColumnTypes.isFloat(kind)) {
      return new DecimalRange(10, 50, 1);
    }
    return kind == TypeKind.NUMERIC ? new IntegerRange(1, 5) : null;
  }

  /** People aged 18 to 90 on the reference date. */
  private static ValueSource birthDate(ColumnContext ctx) {
    if (!isTime(ctx.type().kind())) {
      return null;
    }
    LocalDate reference = LocalDate.ofEpochDay(ctx.referenceDay());
    DateRange days =
        new DateRange(
            (int) reference.minusYears(90).toEpochDay(),
            (int) reference.minusYears(18).toEpochDay());
    if (ctx.type().kind() == TypeKind.DATE) {
      return days;
    }
    // A timestamp column: midnight of the birth day.
    return new ValueSource() {
      @Override
      public void random(RandomSource rng, long row, ValueSink out) {
        long day =
            reference.minusYears(90).toEpochDay()
                + rng.nextBounded(
                    row,
                    0,
                    reference.minusYears(18).toEpochDay()
                        - reference.minusYears(90).toEpochDay()
                        + 1);
        long micros = day * 86_400_000_000L;
        if (ctx.type().kind() == TypeKind.TIMESTAMPTZ) {
          out.timestamptz(micros);
        } else {
          out.timestamp(micros);
        }
      }

      @Override
      public long domainSize() {
        return days.domainSize();
      }

      @Override
      public void emit(long index, ValueSink out) {
        long micros = (reference.minusYears(90).toEpochDay() + index) * 86_400_000_000L;
        if (ctx.type().kind() == TypeKind.TIMESTAMPTZ) {
          out.timestamptz(micros);
        } else {
          out.timestamp(micros);
        }
      }
    };
  }

  /**
   * After the same row's creation column when the table has one of a time type; else the type
   * default.
   */
  private static ValueSource updatedAt(ColumnContext ctx) {
    TypeKind kind = ctx.type().kind();
    if (!isTime(kind) || ctx.type().isArray()) {
      return null;
    }
    ValueSource fallback = TypeDefaults.source(ctx);
    int createdIndex = -1;
    for (int i = 0; i < ctx.table().columns().size(); i++) {
      ColumnSpec other = ctx.table().columns().get(i);
      if (i != ctx.columnIndex()
          && "created_at".equals(NameRules.generatorFor(other.name()))
          && isTime(other.type().kind())
          && !other.type().isArray()) {
        createdIndex = i;
        break;
      }
    }
    if (createdIndex < 0) {
      return fallback;
    }
    UpdatedAfter.Kind target =
        switch (kind) {
          case DATE -> UpdatedAfter.Kind.DATE;
          case TIMESTAMP -> UpdatedAfter.Kind.TIMESTAMP;
          default -> UpdatedAfter.Kind.TIMESTAMPTZ;
        };
    long step = kind == TypeKind.DATE ? 1 : TypeDefaults.step(ctx.type());
    long end = Math.floorDiv(ctx.referenceMicros(), step) * step;
    return new UpdatedAfter(createdIndex, fallback, end, step, target);
  }
}
