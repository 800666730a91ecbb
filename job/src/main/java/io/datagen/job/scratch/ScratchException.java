package io.datagen.job.scratch;

/**
 * The scratch server or a PostgreSQL client tool could not do its part. The message is complete
 * (what failed, where, what to do); the caller puts it in its own context and picks the exit code.
 */
public final class ScratchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ScratchException(String message) {
    super(message);
  }

  public ScratchException(String message, Throwable cause) {
    super(message, cause);
  }
}
