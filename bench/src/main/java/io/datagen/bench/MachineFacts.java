package io.datagen.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a benchmark ran on, as its results record it.
 *
 * @param cpu the CPU's model name
 * @param cores processors available to the JVM
 * @param jvm the JVM's name and runtime version
 * @param os the operating system's name, version and architecture
 */
public record MachineFacts(String cpu, int cores, String jvm, String os) {

  public static MachineFacts current() {
    return new MachineFacts(
        cpuModel(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
  }

  /** The CPU's model name from /proc/cpuinfo (Linux), else the JVM's architecture. */
  static String cpuModel() {
    Path cpuinfo = Path.of("/proc/cpuinfo");
    if (Files.isReadable(cpuinfo)) {
      try {
        for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
          if (line.startsWith("model name")) {
            return line.substring(line.indexOf(':') + 1).trim();
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + cpuinfo + ": " + e.getMessage(), e);
      }
    }
    return "unknown (" + System.getProperty("os.arch") + ")";
  }
}
