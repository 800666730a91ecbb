package io.datagen.job.json;

import java.io.Serializable;

/** A 1-based line and column in the schema text, for error messages. */
public record SourceLocation(int line, int column) implements Serializable {
  public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);

  public boolean known() {
    return line > 0;
  }

  @Override
  public String toString() {
    return known() ? "line " + line + ", column " + column : "unknown location";
  }
}
