package io.datagen.job;

import java.util.Objects;

/**
 * A failure the user can act on: its message says what, where and what to do; its category gives
 * the exit code.
 */
public class DatagenException extends RuntimeException {
  private final ErrorCategory category;

  public DatagenException(ErrorCategory category, String message) {
    super(message);
    this.category = Objects.requireNonNull(category, "category");
  }

  public DatagenException(ErrorCategory category, String message, Throwable cause) {
    super(message, cause);
    this.category = Objects.requireNonNull(category, "category");
  }

  public ErrorCategory category() {
    return category;
  }
}
