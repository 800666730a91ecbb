package io.datagen.job.scratch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL client program ({@code pg_restore}, {@code psql}) found on this machine, with the
 * major version it reported. It is looked up in the directory given by {@code --pg-bin}, else in
 * {@value #BIN_DIR_VARIABLE}, else on {@code PATH}: the zonky server binaries hold no client tools.
 */
public record PgClientTool(String name, Path path, int majorVersion, String versionLine) {
  /** The environment variable naming the directory of the client tools. */
  public static final String BIN_DIR_VARIABLE = "PG_BIN";

  /**
   * {@code pg_restore (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)}, {@code psql (PostgreSQL) 18.1}.
   */
  private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) ([0-9]+)");

  public PgClientTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(versionLine, "versionLine");
  }

  /**
   * @param binDir the directory of {@code --pg-bin}, or null
   * @param environment where {@value #BIN_DIR_VARIABLE} and {@code PATH} are read
   */
  public static PgClientTool find(String name, String binDir, Map<String, String> environment) {
    String fromVariable = environment.get(BIN_DIR_VARIABLE);
    Path path;
    String where;
    if (binDir != null) {
      path = Path.of(binDir, name);
      where = "--pg-bin " + binDir;
    } else if (fromVariable != null && !fromVariable.isBlank()) {
      path = Path.of(fromVariable, name);
      where = BIN_DIR_VARIABLE + "=" + fromVariable;
    } else {
      path = onPath(name, environment.getOrDefault("PATH", ""));
      where = "PATH";
    }
    if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
      throw new ScratchException(
          "Cannot find "
              + name
              + " in "
              + where
              + ": install the PostgreSQL client tools ("
              + name
              + " 12 or newer; 16 or newer for zstd or lz4 archives), or pass --pg-bin DIR (or set "
              + BIN_DIR_VARIABLE
              + ") to the directory that holds them");
    }
    String line = versionLine(path);
    Matcher version = VERSION.matcher(line);
    if (!version.find()) {
      throw new ScratchException(
          "Cannot read the version of "
              + path
              + " from \""
              + line
              + "\": expected \""
              + name
              + " (PostgreSQL) MAJOR.MINOR\"; is it PostgreSQL's "
              + name
              + "?");
    }
    return new PgClientTool(name, path, Integer.parseInt(version.group(1)), line);
  }

  /**
   * Refuses a tool older than {@code major}.
   *
   * @param why what needs that version, e.g. "a zstd archive"
   */
  public void requireAtLeast(int major, String why) {
    if (majorVersion < major) {
      throw new ScratchException(
          "Cannot use "
              + path
              + " (\""
              + versionLine
              + "\"): "
              + why
              + " needs "
              + name
              + " "
              + major
              + " or newer, this one is "
              + majorVersion
              + "; pass --pg-bin DIR (or set "
              + BIN_DIR_VARIABLE
              + ") to a newer PostgreSQL client's bin directory");
    }
  }

  private static Path onPath(String name, String searchPath) {
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static String versionLine(Path path) {
    ProcessBuilder builder = new ProcessBuilder(path.toString(), "--version");
    builder.redirectErrorStream(true);
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    try {
      Process process = builder.start();
      String output;
      try (InputStream in = process.getInputStream()) {
        output = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
      }
      int exit = process.waitFor();
      if (exit != 0) {
        throw new ScratchException(
            "Cannot run "
                + path
                + " --version: it exited "
                + exit
                + (output.isEmpty() ? "" : " (" + firstLine(output) + ")")
                + "; check that it is a working PostgreSQL client, or pass --pg-bin DIR");
      }
      return firstLine(output);
    } catch (IOException e) {
      throw new ScratchException(
          "Cannot run " + path + " --version: " + e.getMessage() + "; pass --pg-bin DIR", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ScratchException("Interrupted while running " + path + " --version", e);
    }
  }

  static String firstLine(String text) {
    int end = text.indexOf('\n');
    return (end < 0 ? text : text.substring(0, end)).strip();
  }
}
