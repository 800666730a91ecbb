package io.datagen.job.schema;

import java.util.Locale;

/** Test-only: a PgType as PostgreSQL's format_type would print it, to compare parser output. */
final class TypeRenderer {
  private TypeRenderer() {}

  static String render(PgType type) {
    return scalar(type) + "[]".repeat(type.arrayDimensions());
  }

  private static String scalar(PgType type) {
    if (type.customName() != null) {
      return type.customName().toString();
    }
    String precision = type.precision() == null ? "" : "(" + type.precision() + ")";
    return switch (type.kind()) {
      case SMALLINT -> type.serial() ? "smallserial" : "smallint";
      case INTEGER -> type.serial() ? "serial" : "integer";
      case BIGINT -> type.serial() ? "bigserial" : "bigint";
      case NUMERIC ->
          type.precision() == null
              ? "numeric"
              : "numeric(" + type.precision() + "," + type.scale() + ")";
      case DOUBLE -> "double precision";
      case VARCHAR ->
          "character varying" + (type.length() == null ? "" : "(" + type.length() + ")");
      case CHAR -> type.length() == null ? "bpchar" : "character(" + type.length() + ")";
      case TIME -> "time" + precision + " without time zone";
      case TIMETZ -> "time" + precision + " with time zone";
      case TIMESTAMP -> "timestamp" + precision + " without time zone";
      case TIMESTAMPTZ -> "timestamp" + precision + " with time zone";
      case INTERVAL -> "interval" + precision;
      default -> type.kind().name().toLowerCase(Locale.ROOT);
    };
  }
}
