package io.datagen.job.schema;

import java.util.Locale;

/** ON DELETE / ON UPDATE actions of a foreign key. */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }

  /** Parses {@code "CASCADE"}, {@code "set null"}, {@code "SET_NULL"}...; null if unknown. */
  public static ReferentialAction fromText(String text) {
    String normalized =
        text.trim().toUpperCase(Locale.ROOT).replace('_', ' ').replaceAll("\\s+", " ");
    for (ReferentialAction action : values()) {
      if (action.sql.equals(normalized)) {
        return action;
      }
    }
    return null;
  }
}
