package io.datagen.job;

/** What went wrong, by kind; each kind has the process exit code documented in the README. */
public enum ErrorCategory {
  /** Bad command line or an unexpected failure. */
  USAGE(1),
  /** The schema file (or template) is invalid. */
  SCHEMA(2),
  /** Data generation failed (on the driver or an executor). */
  GENERATION(3),
  /** The archive or staging files could not be written. */
  OUTPUT(4),
  /** An archive did not pass verification. */
  VERIFY(5);

  private final int exitCode;

  ErrorCategory(int exitCode) {
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
