package io.datagen.job.ddl;

import io.datagen.job.schema.PgType;

/** Renders a {@link PgType} the way pg_dump writes column types (format_type). */
public final class TypeSql {
  private TypeSql() {}

  public static String render(PgType type) {
    String base =
        switch (type.kind()) {
          case SMALLINT -> "smallint";
          case INTEGER -> "integer";
          case BIGINT -> "bigint";
          case NUMERIC ->
              type.precision() == null
                  ? "numeric"
                  : "numeric("
                      + type.precision()
                      + ","
                      + (type.scale() == null ? 0 : type.scale())
                      + ")";
          case REAL -> "real";
          case DOUBLE -> "double precision";
          case MONEY -> "money";
          case VARCHAR ->
              type.length() == null
                  ? "character varying"
                  : "character varying(" + type.length() + ")";
          case CHAR -> "character(" + (type.length() == null ? 1 : type.length()) + ")";
          case TEXT -> "text";
          case CITEXT -> "public.citext";
          case BOOLEAN -> "boolean";
          case DATE -> "date";
          case TIME -> "time" + precision(type) + " without time zone";
          case TIMETZ -> "time" + precision(type) + " with time zone";
          case TIMESTAMP -> "timestamp" + precision(type) + " without time zone";
          case TIMESTAMPTZ -> "timestamp" + precision(type) + " with time zone";
          case INTERVAL -> "interval" + precision(type);
          case UUID -> "uuid";
          case JSON -> "json";
          case JSONB -> "jsonb";
          case BYTEA -> "bytea";
          case INET -> "inet";
          case CIDR -> "cidr";
          case MACADDR -> "macaddr";
          case POINT -> "point";
          case TSVECTOR -> "tsvector";
          case XML -> "xml";
          case ENUM, COMPOSITE, DOMAIN -> Sql.name(type.customName());
        };
    return base + "[]".repeat(type.arrayDimensions());
  }

  private static String precision(PgType type) {
    return type.precision() == null ? "" : "(" + type.precision() + ")";
  }
}
