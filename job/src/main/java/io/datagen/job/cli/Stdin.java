package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;

/**
 * Where a command reads its schema from: the argument, {@code -i/--input}, or stdin when neither is
 * given and stdin is a pipe ({@code cat schema.json | datagen validate}), as the original tool did.
 * The launchers tell whether it is ({@value #PROPERTY} = {@code pipe}); Java 17 cannot.
 */
final class Stdin {
  /** Set by submit/datagen: {@code pipe} when stdin is not a terminal. */
  static final String PROPERTY = "datagen.stdin";

  private Stdin() {}

  static boolean isPipe() {
    return "pipe".equals(System.getProperty(PROPERTY));
  }

  /**
   * @param usage the command's own spelling, for the message when there is no schema
   * @return the schema's source: a path, or {@code -} for stdin
   */
  static String schemaSource(String argument, String input, String usage) {
    if (argument != null && input != null) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Give the schema either as an argument or with -i/--input, not both");
    }
    String source = argument != null ? argument : input;
    if (source != null) {
      return source;
    }
    if (isPipe()) {
      return "-";
    }
    throw new DatagenException(
        ErrorCategory.USAGE, "Missing schema: " + usage + " (or - for stdin)");
  }
}
