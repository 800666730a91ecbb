package io.datagen.job.schema;

import io.datagen.job.json.SourceLocation;
import java.io.Serializable;
import java.util.Objects;

/**
 * One problem found in a schema: where (JSON path and line:column) and what (a message that also
 * says what to do). Warnings do not stop a run; errors do.
 */
public record SchemaProblem(Severity severity, String path, SourceLocation location, String message)
    implements Serializable {

  public enum Severity {
    ERROR,
    WARNING
  }

  public SchemaProblem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public static SchemaProblem error(String path, SourceLocation location, String message) {
    return new SchemaProblem(Severity.ERROR, path, location, message);
  }

  public static SchemaProblem warning(String path, SourceLocation location, String message) {
    return new SchemaProblem(Severity.WARNING, path, location, message);
  }

  /** {@code Invalid schema at $.tables.users.columns.id.type (line 7, column 17): ...} */
  public String describe() {
    String where = location.known() ? " (" + location + ")" : "";
    String kind = severity == Severity.ERROR ? "Invalid schema at " : "Warning at ";
    return kind + path + where + ": " + message;
  }
}
