package io.datagen.job.schema;

/** The PostgreSQL base types datagen understands, plus the three kinds of user-defined types. */
public enum TypeKind {
  SMALLINT,
  INTEGER,
  BIGINT,
  NUMERIC,
  REAL,
  DOUBLE,
  MONEY,
  VARCHAR,
  CHAR,
  TEXT,
  CITEXT,
  BOOLEAN,
  DATE,
  TIME,
  TIMETZ,
  TIMESTAMP,
  TIMESTAMPTZ,
  INTERVAL,
  UUID,
  JSON,
  JSONB,
  BYTEA,
  INET,
  CIDR,
  MACADDR,
  POINT,
  TSVECTOR,
  XML,
  /** A user type from {@code custom_types} of kind enum. */
  ENUM,
  /** A user type from {@code custom_types} of kind composite. */
  COMPOSITE,
  /** A user type from {@code custom_types} of kind domain. */
  DOMAIN;

  public boolean isInteger() {
    return this == SMALLINT || this == INTEGER || this == BIGINT;
  }

  /** The largest value of an integer type; Long.MAX_VALUE for every other kind. */
  public long maxInteger() {
    return switch (this) {
      case SMALLINT -> Short.MAX_VALUE;
      case INTEGER -> Integer.MAX_VALUE;
      default -> Long.MAX_VALUE;
    };
  }

  public boolean isCustom() {
    return this == ENUM || this == COMPOSITE || this == DOMAIN;
  }
}
