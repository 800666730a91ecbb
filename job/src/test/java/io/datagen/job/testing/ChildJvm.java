package io.datagen.job.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process (usually a JVM) whose output goes to a log file, with helpers to wait for a line
 * in that log and to stop it. Everything it starts binds to loopback; tests close it in {@code
 * finally}/{@code @AfterAll} so no process outlives the test run.
 */
public final class ChildJvm implements AutoCloseable {
  /** What Spark needs opened on Java 17 (as spark-submit's launcher adds). */
  public static final List<String> SPARK_JAVA_OPTIONS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
          "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
          "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED");

  private final String name;
  private final Process process;
  private final Path log;

  private ChildJvm(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /**
   * Starts {@code command} with extra environment, output (both streams) appended to {@code log}.
   */
  public static ChildJvm start(
      String name, List<String> command, Map<String, String> environment, Path log)
      throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    ChildJvm child = new ChildJvm(name, builder.start(), log);
    // Should the test JVM be stopped before its @AfterAll, take the cluster/server down with it.
    Runtime.getRuntime().addShutdownHook(new Thread(child::killQuietly, "stop-" + name));
    return child;
  }

  private void killQuietly() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  /**
   * A {@code java} command line: this JVM's java, Spark's module options, class path, main class,
   * args.
   */
  public static List<String> javaCommand(
      List<String> jvmOptions, String classPath, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(SPARK_JAVA_OPTIONS);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(Arrays.asList(args));
    return command;
  }

  /** The test class path (Surefire/Failsafe's real one, not their manifest-only booter jar). */
  public static List<String> testClassPath() {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator)).filter(s -> !s.isBlank()).toList();
  }

  /**
   * Waits until a log line matches {@code pattern}; returns the match. Fails if the process dies
   * first.
   */
  public Matcher awaitLog(Pattern pattern, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher matcher = pattern.matcher(log());
      if (matcher.find()) {
        return matcher;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + " before printing "
                + pattern
                + "; log:\n"
                + tail());
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        name + " did not print " + pattern + " within " + timeout + "; log:\n" + tail());
  }

  /** Waits for the process to exit; returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      close();
      throw new IllegalStateException(
          name + " did not finish within " + timeout + "; log:\n" + tail());
    }
    return process.exitValue();
  }

  /** Kills the process at once (SIGKILL), as a crashed machine or an OOM killer would. */
  public void kill() throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /**
   * Sends a signal to the process alone ({@code kill -s NAME}: INT as Ctrl-C, TERM as a scheduler's
   * stop) and returns its exit code.
   */
  public int signal(String name, Duration timeout) throws Exception {
    Process kill = new ProcessBuilder("kill", "-s", name, Long.toString(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -s " + name + " " + process.pid() + " failed");
    }
    return awaitExit(timeout);
  }

  public String log() throws IOException {
    return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
  }

  public String tail() {
    try {
      String text = log();
      return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
