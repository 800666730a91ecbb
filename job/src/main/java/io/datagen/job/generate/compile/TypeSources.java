package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.types.ArrayValues;
import io.datagen.job.generate.types.CompositeValues;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.generate.values.IntegerRange;
import io.datagen.job.generate.values.LabelValues;
import io.datagen.job.generate.values.Literal;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The source of a column that names no generator and has no sequence, for any type: domains are
 * resolved to their base type (a CHECK of the usual shapes narrows the values), arrays wrap the
 * source of their element, composite types combine one source per field, and a scalar takes the
 * generator its name suggests when that fits the type ({@link NameRules}), else the type's default.
 */
final class TypeSources {
  /** Share of NULL elements in arrays of plain types (none in arrays of domains or composites). */
  static final double NULL_ELEMENTS = 0.02;

  private static final int MAX_DOMAIN_DEPTH = 16;

  private TypeSources() {}

  /**
   * The column's source, or null after reporting why there is none. Built for the context's type,
   * which is the column's own narrowed by {@code length(col) <= n} checks (cutting longer values
   * afterwards would make a unique column's values collide); a domain keeps its declared type, so
   * that its own CHECK is honoured.
   */
  static ValueSource source(ColumnContext ctx, Problems problems) {
    PgType declared = ctx.column().type();
    PgType type = declared.kind() == TypeKind.DOMAIN ? declared : ctx.type();
    return of(ctx, type, ctx.column().name(), problems);
  }

  /**
   * An explicit generator on a column whose domain has a CHECK: its values are not checked against
   * it.
   */
  static void warnUncheckedDomain(ColumnContext ctx, Problems problems) {
    PgType type = ctx.column().type();
    CustomTypeSpec domain =
        type.kind() == TypeKind.DOMAIN
            ? ctx.schema().customType(type.customName()).orElse(null)
            : null;
    if (domain != null && domain.domainConstraint() != null) {
      problems.warning(
          ctx.generatorPath(),
          SourceLocation.UNKNOWN,
          "Generator '"
              + ctx.column().generator()
              + "' of "
              + ctx.describe()
              + " ignores the CHECK of domain "
              + type.customName()
              + " ("
              + domain.domainConstraint()
              + "); values that violate it will make the restore fail");
    }
  }

  /**
   * For an explicit generator on an array column: the generator fills the elements (built with the
   * element type), the column gets arrays of them. Null when the element source is null.
   */
  static ValueSource arrayOf(
      ColumnContext ctx, java.util.function.Function<ColumnContext, ValueSource> elements) {
    PgType type = ctx.type();
    ColumnContext elementCtx =
        new ColumnContext(
            ctx.schema(),
            ctx.table(),
            ctx.column(),
            ctx.columnIndex(),
            type.elementType(),
            ctx.enumLabels(),
            ctx.seed(),
            ctx.referenceTime(),
            false);
    ValueSource element = elements.apply(elementCtx);
    return element == null ? null : new ArrayValues(element, type.arrayDimensions(), 0);
  }

  /**
   * The source of values of {@code declared} for something named {@code name} (a column, a
   * composite field) in the column of {@code ctx}.
   */
  static ValueSource of(ColumnContext ctx, PgType declared, String name, Problems problems) {
    PgType type = declared;
    int dimensions = declared.arrayDimensions();
    DomainCheck check = DomainCheck.NONE;
    boolean throughDomain = false;
    for (int depth = 0; type.kind() == TypeKind.DOMAIN; depth++) {
      CustomTypeSpec domain = ctx.schema().customType(type.customName()).orElse(null);
      if (domain == null || domain.baseType() == null || depth > MAX_DOMAIN_DEPTH) {
        problems.error(
            ctx.column().path() + ".type",
            "Cannot find the base type of domain " + type.customName() + " of " + ctx.describe());
        return null;
      }
      if (domain.domainConstraint() != null) {
        DomainCheck parsed = DomainCheck.parse(domain.domainConstraint());
        if (parsed == null || check != DomainCheck.NONE) {
          problems.error(
              ctx.column().path() + ".type",
              "Type "
                  + type.customName()
                  + " of "
                  + ctx.describe()
                  + " is not supported yet: the CHECK of the domain ("
                  + domain.domainConstraint()
                  + ") is not one of the"
                  + " shapes datagen satisfies (VALUE compared with constants, BETWEEN, IN, length(VALUE) limits, joined by AND)");
          return null;
        }
        check = parsed;
      }
      PgType base = domain.baseType();
      dimensions += base.arrayDimensions();
      type = base.elementType();
      throughDomain = true;
    }
    PgType scalar = type.elementType();
    ValueSource element = scalar(ctx, scalar, name, check, problems);
    if (element == null || dimensions == 0) {
      return element;
    }
    boolean plain = !throughDomain && scalar.kind() != TypeKind.COMPOSITE;
    return new ArrayValues(element, dimensions, plain ? NULL_ELEMENTS : 0);
  }

  private static ValueSource scalar(
      ColumnContext ctx, PgType type, String name, DomainCheck check, Problems problems) {
    List<String> labels = List.of();
    if (type.kind() == TypeKind.ENUM || type.kind() == TypeKind.COMPOSITE) {
      CustomTypeSpec custom = ctx.schema().customType(type.customName()).orElse(null);
      if (custom == null) {
        problems.error(
            ctx.column().path() + ".type",
            "Cannot find custom type " + type.customName() + " of " + ctx.describe());
        return null;
      }
      if (type.kind() == TypeKind.COMPOSITE) {
        return composite(ctx, custom, problems);
      }
      labels = custom.enumValues();
      if (labels.isEmpty()) {
        problems.error(
            ctx.column().path() + ".type",
            "Cannot generate values of enum type " + type.customName() + ": it has no labels");
        return null;
      }
    }
    if (check.maxLength() != null && ColumnTypes.isText(type.kind())) {
      int max = ColumnTypes.maxLength(type);
      int limit =
          max == ColumnTypes.UNBOUNDED ? check.maxLength() : Math.min(max, check.maxLength());
      type = new PgType(TypeKind.VARCHAR, null, Math.max(1, limit), null, null, 0, false);
    }
    ColumnContext scalarCtx =
        new ColumnContext(
            ctx.schema(),
            ctx.table(),
            ctx.column(),
            ctx.columnIndex(),
            type,
            labels,
            ctx.seed(),
            ctx.referenceTime(),
            ctx.inKey() && type.equals(ctx.type()));
    if (check.allowed() != null) {
      return allowed(scalarCtx, check, problems);
    }
    if (check.minLength() > 1 || (check.maxLength() != null && check.maxLength() < 1)) {
      problems.error(
          ctx.column().path() + ".type",
          "Cannot satisfy the length limits of the domain of "
              + ctx.describe()
              + " (at least "
              + check.minLength()
              + " characters): not supported yet");
      return null;
    }
    if (check.restrictsNumbers()) {
      return numbers(scalarCtx, check, problems);
    }
    ValueSource semantic =
        check == DomainCheck.NONE || check.maxLength() != null
            ? SemanticSources.byName(scalarCtx, name)
            : null;
    if (semantic != null) {
      return semantic;
    }
    ValueSource source = TypeDefaults.source(scalarCtx);
    if (source == null) {
      problems.error(
          ctx.column().path() + ".type",
          "Type " + ColumnTypes.describe(type) + " of " + ctx.describe() + " is not supported yet");
    }
    return source;
  }

  private static ValueSource composite(
      ColumnContext ctx, CustomTypeSpec custom, Problems problems) {
    List<String> names = new ArrayList<>();
    List<ValueSource> fields = new ArrayList<>();
    for (CustomTypeSpec.Field field : custom.fields()) {
      ColumnSpec column =
          new ColumnSpec(
              field.name(),
              field.type(),
              true,
              0,
              null,
              false,
              false,
              null,
              null,
              null,
              null,
              null,
              null,
              custom.path() + ".definition.fields." + field.name());
      ColumnContext fieldCtx =
          new ColumnContext(
              ctx.schema(),
              ctx.table(),
              column,
              ctx.columnIndex(),
              field.type(),
              List.of(),
              ctx.seed(),
              ctx.referenceTime(),
              false);
      ValueSource source = of(fieldCtx, field.type(), field.name(), problems);
      if (source == null) {
        return null;
      }
      names.add(field.name());
      fields.add(source);
    }
    if (names.isEmpty()) {
      problems.error(
          ctx.column().path() + ".type",
          "Cannot generate values of composite type " + custom.name() + ": it has no fields");
      return null;
    }
    return new CompositeValues(names, fields);
  }

  /**
   * {@code VALUE IN (...)} or {@code VALUE = k}: the allowed values, each converted to the type.
   */
  private static ValueSource allowed(ColumnContext ctx, DomainCheck check, Problems problems) {
    if (check.allowed().isEmpty()) {
      problems.error(
          ctx.column().path() + ".type",
          "Cannot generate values of the domain of "
              + ctx.describe()
              + ": its CHECK allows no value");
      return null;
    }
    List<Literal> literals = new ArrayList<>();
    int before = problems.size();
    for (String value : check.allowed()) {
      JsonString json =
          new JsonString(ctx.column().path() + ".type", SourceLocation.UNKNOWN, value);
      literals.add(Literals.compile(json, ctx.type(), ctx.enumLabels(), false, problems));
    }
    return problems.size() == before ? new LabelValues(literals) : null;
  }

  /** Numbers within the domain's bounds (and the type's), around the type default's usual range. */
  private static ValueSource numbers(ColumnContext ctx, DomainCheck check, Problems problems) {
    PgType type = ctx.type();
    if (!ColumnTypes.isNumber(type.kind()) && type.kind() != TypeKind.MONEY) {
      problems.error(
          ctx.column().path() + ".type",
          "Cannot satisfy the CHECK of the domain of "
              + ctx.describe()
              + ": numeric bounds on type "
              + ColumnTypes.describe(type)
              + " are not supported yet");
      return null;
    }
    int scale =
        type.kind().isInteger()
            ? 0
            : type.kind() == TypeKind.NUMERIC && type.scale() != null
                ? Math.min(type.scale(), TypeDefaults.NUMERIC_MAX_SCALE)
                : 2;
    BigDecimal unit = BigDecimal.ONE.movePointLeft(scale);
    BigDecimal typicalLow = BigDecimal.ONE;
    BigDecimal typicalHigh = BigDecimal.valueOf(type.kind() == TypeKind.SMALLINT ? 1_000 : 100_000);
    BigDecimal low = check.min() == null ? null : check.min().setScale(scale, RoundingMode.CEILING);
    if (low != null && check.minExclusive() && low.compareTo(check.min()) == 0) {
      low = low.add(unit);
    }
    BigDecimal high = check.max() == null ? null : check.max().setScale(scale, RoundingMode.FLOOR);
    if (high != null && check.maxExclusive() && high.compareTo(check.max()) == 0) {
      high = high.subtract(unit);
    }
    BigDecimal span = typicalHigh.subtract(typicalLow);
    if (low == null) {
      low = high.compareTo(typicalLow) >= 0 ? typicalLow.setScale(scale) : high.subtract(span);
    }
    if (high == null) {
      high = low.compareTo(typicalHigh) <= 0 ? typicalHigh.setScale(scale) : low.add(span);
    }
    if (type.kind().isInteger()) {
      low = low.max(BigDecimal.valueOf(ColumnTypes.minInteger(type.kind())));
      high = high.min(BigDecimal.valueOf(ColumnTypes.maxInteger(type.kind())));
    }
    if (low.compareTo(high) > 0
        || !ColumnTypes.decimalFits(type, low)
        || !ColumnTypes.decimalFits(type, high)) {
      problems.error(
          ctx.column().path() + ".type",
          "Cannot generate values of the domain of "
              + ctx.describe()
              + ": its CHECK allows no value of type "
              + ColumnTypes.describe(type)
              + " between "
              + low.toPlainString()
              + " and "
              + high.toPlainString());
      return null;
    }
    if (type.kind().isInteger()) {
      return new IntegerRange(low.longValueExact(), high.longValueExact());
    }
    return new DecimalRange(
        low.unscaledValue().longValueExact(), high.unscaledValue().longValueExact(), scale);
  }
}
