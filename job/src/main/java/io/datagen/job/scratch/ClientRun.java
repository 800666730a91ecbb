package io.datagen.job.scratch;

import java.util.List;
import java.util.regex.Pattern;

/** One run of a client tool against the scratch server: its command, exit code and stderr. */
public record ClientRun(List<String> command, int exitCode, String stderr) {
  /** pg_restore's {@code pg_restore: error: …}, psql's {@code psql:FILE:LINE: ERROR: …}. */
  private static final Pattern ERROR_LINE = Pattern.compile("(?i)\\b(error|fatal):");

  public ClientRun {
    command = List.copyOf(command);
  }

  public boolean succeeded() {
    return exitCode == 0;
  }

  /** The line that says what went wrong: the first error line, else the first line at all. */
  public String firstErrorLine() {
    String first = null;
    for (String line : stderr.split("\n")) {
      String stripped = line.strip();
      if (stripped.isEmpty()) {
        continue;
      }
      if (ERROR_LINE.matcher(stripped).find()) {
        return stripped;
      }
      if (first == null) {
        first = stripped;
      }
    }
    return first != null ? first : "no message (exit code " + exitCode + ")";
  }
}
