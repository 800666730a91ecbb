package io.datagen.job.json;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text is not valid JSON (or repeats a key). Each problem names the JSON path reached, the
 * line:column, what is wrong and what to do.
 */
public class InvalidJsonException extends DatagenException {
  /** One syntax problem. */
  public record Problem(String path, SourceLocation location, String message) {
    /** {@code Invalid JSON at $.tables.users (line 4, column 7): ...}. */
    public String describe() {
      String where = location.known() ? " (" + location + ")" : "";
      return "Invalid JSON at " + path + where + ": " + message;
    }
  }

  private final List<Problem> problems;

  public InvalidJsonException(String source, List<Problem> problems, Throwable cause) {
    super(
        ErrorCategory.SCHEMA,
        "Cannot parse "
            + source
            + ":\n"
            + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n")),
        cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("Cannot create InvalidJsonException without problems");
    }
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
