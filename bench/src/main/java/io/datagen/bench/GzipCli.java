package io.datagen.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The {@code gzip} command-line tool (single-threaded) compressing a file, output discarded: only
 * the process is timed, from its start to its exit.
 */
public final class GzipCli {
  /**
   * @param command the command run
   * @param inputBytes the file's size
   * @param nanos wall time of the process
   */
  public record Result(String command, long inputBytes, long nanos) {
    public double seconds() {
      return nanos / 1e9;
    }

    public double megabytesPerSecond() {
      return Units.megabytesPerSecond(inputBytes, nanos);
    }
  }

  private GzipCli() {}

  public static Result run(Path file, int level) throws IOException, InterruptedException {
    List<String> command = List.of("gzip", "-" + level, "-c", file.toString());
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long started = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IOException(
          "Cannot run gzip for the gzip -"
              + level
              + " baseline: "
              + e.getMessage()
              + " (install gzip, or put it on PATH)",
          e);
    }
    int exit = process.waitFor();
    long nanos = System.nanoTime() - started;
    if (exit != 0) {
      throw new IOException(
          "Cannot measure the gzip -"
              + level
              + " baseline: '"
              + String.join(" ", command)
              + "' exited with "
              + exit);
    }
    return new Result("gzip -" + level + " -c FILE > /dev/null", Files.size(file), nanos);
  }
}
