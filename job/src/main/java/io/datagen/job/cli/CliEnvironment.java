package io.datagen.job.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the command line reads from outside its arguments: environment variables and two folders.
 */
public record CliEnvironment(Map<String, String> variables, Path workingDirectory, Path home) {
  public CliEnvironment {
    variables = Map.copyOf(variables);
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(home, "home");
  }

  public static CliEnvironment system() {
    return new CliEnvironment(
        System.getenv(), Path.of("").toAbsolutePath(), Path.of(System.getProperty("user.home")));
  }
}
