package io.datagen.job.generate.compile;

import io.datagen.job.schema.PgType;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

/**
 * What the generators need to know about a column type: bounds, lengths, families, a display name.
 */
final class ColumnTypes {
  /**
   * Kinds with generators in this version: all (a DOMAIN's CHECK must have one of the usual shapes,
   * see DomainCheck).
   */
  static final Set<TypeKind> SUPPORTED = EnumSet.allOf(TypeKind.class);

  /** Unbounded text length. */
  static final int UNBOUNDED = -1;

  private ColumnTypes() {}

  static long minInteger(TypeKind kind) {
    return switch (kind) {
      case SMALLINT -> Short.MIN_VALUE;
      case INTEGER -> Integer.MIN_VALUE;
      default -> Long.MIN_VALUE;
    };
  }

  static long maxInteger(TypeKind kind) {
    return kind.maxInteger();
  }

  static boolean isText(TypeKind kind) {
    return kind == TypeKind.VARCHAR
        || kind == TypeKind.CHAR
        || kind == TypeKind.TEXT
        || kind == TypeKind.CITEXT;
  }

  static boolean isFloat(TypeKind kind) {
    return kind == TypeKind.REAL || kind == TypeKind.DOUBLE;
  }

  static boolean isNumber(TypeKind kind) {
    return kind.isInteger() || kind == TypeKind.NUMERIC || isFloat(kind);
  }

  /**
   * Maximum length in characters: n of varchar(n)/char(n), 1 for bare char, else {@link
   * #UNBOUNDED}.
   */
  static int maxLength(PgType type) {
    if (type.kind() == TypeKind.CHAR) {
      return type.length() == null ? 1 : type.length();
    }
    if (type.kind() == TypeKind.VARCHAR && type.length() != null) {
      return type.length();
    }
    return UNBOUNDED;
  }

  /**
   * Whether a whole number fits: the integer range of integer kinds, the precision of numeric(p,s).
   */
  static boolean integerFits(PgType type, BigDecimal value) {
    TypeKind kind = type.kind();
    if (kind.isInteger()) {
      return value.compareTo(BigDecimal.valueOf(minInteger(kind))) >= 0
          && value.compareTo(BigDecimal.valueOf(maxInteger(kind))) <= 0;
    }
    return decimalFits(type, value);
  }

  /** For numeric(p,s): the value, rounded to s, has at most p − s integer digits. */
  static boolean decimalFits(PgType type, BigDecimal value) {
    if (type.kind() != TypeKind.NUMERIC || type.precision() == null) {
      return true;
    }
    int scale = type.scale() == null ? 0 : type.scale();
    BigDecimal limit = BigDecimal.TEN.pow(type.precision() - scale);
    return value.abs().setScale(scale, java.math.RoundingMode.HALF_UP).compareTo(limit) < 0;
  }

  /** Families whose values can be copied from one column to another (foreign keys). */
  static String family(TypeKind kind) {
    if (isNumber(kind)) {
      return "number";
    }
    if (isText(kind)) {
      return "text";
    }
    if (kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ) {
      return "timestamp";
    }
    return kind.name();
  }

  /** The type as a user would write it, for messages. */
  static String describe(PgType type) {
    String base =
        switch (type.kind()) {
          case DOUBLE -> "double precision";
          case TIMESTAMPTZ -> "timestamp with time zone";
          case TIMETZ -> "time with time zone";
          case ENUM, COMPOSITE, DOMAIN -> type.customName().toString();
          default -> type.kind().name().toLowerCase(java.util.Locale.ROOT);
        };
    if (type.length() != null) {
      base += "(" + type.length() + ")";
    } else if (type.precision() != null) {
      base +=
          type.scale() != null
              ? "(" + type.precision() + "," + type.scale() + ")"
              : "(" + type.precision() + ")";
    }
    return base + "[]".repeat(type.arrayDimensions());
  }
}
