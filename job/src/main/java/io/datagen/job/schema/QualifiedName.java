package io.datagen.job.schema;

import java.io.Serializable;
import java.util.Objects;

/**
 * A schema-qualified object name. Names are kept exactly as written in the schema file (no case
 * folding): {@code "Orders"} is the identifier {@code "Orders"}, as it would be if quoted in SQL.
 */
public record QualifiedName(String schema, String name)
    implements Serializable, Comparable<QualifiedName> {
  public static final String DEFAULT_SCHEMA = "public";

  public QualifiedName {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(name, "name");
    if (schema.isEmpty() || name.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot create qualified name with an empty part: " + schema + "." + name);
    }
  }

  /** Parses {@code "orders"} (schema public) or {@code "sales.orders"}. */
  public static QualifiedName parse(String text) {
    int dot = text.indexOf('.');
    if (dot < 0) {
      return new QualifiedName(DEFAULT_SCHEMA, text);
    }
    return new QualifiedName(text.substring(0, dot), text.substring(dot + 1));
  }

  public boolean inDefaultSchema() {
    return DEFAULT_SCHEMA.equals(schema);
  }

  @Override
  public int compareTo(QualifiedName other) {
    int c = schema.compareTo(other.schema);
    return c != 0 ? c : name.compareTo(other.name);
  }

  /** The name as a user wrote it: {@code orders} for public, {@code sales.orders} otherwise. */
  @Override
  public String toString() {
    return inDefaultSchema() ? name : schema + "." + name;
  }
}
