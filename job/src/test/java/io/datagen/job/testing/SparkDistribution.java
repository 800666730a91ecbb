package io.datagen.job.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * A Spark "distribution" folder built from the project's own jars, laid out like the real one:
 * {@code jars/} (symlinks to Spark and its dependencies, as copied by the build into {@code
 * job/target/lib}, without datagen's own jars — those reach executors only through the thin job
 * jar), {@code bin/spark-submit} (Spark's launcher, see the script) and {@code conf/} (the
 * project's quiet log4j2 configuration). Standalone Workers need it as SPARK_HOME to launch
 * executors.
 */
public final class SparkDistribution {
  private final Path home;

  private SparkDistribution(Path home) {
    this.home = home;
  }

  /** The module directory (job/): Maven runs tests there. */
  public static Path moduleDir() {
    return Path.of("").toAbsolutePath();
  }

  /** The project root: Failsafe passes {@code datagen.root}; else the module directory's parent. */
  public static Path projectRoot() {
    String root = System.getProperty("datagen.root");
    return root != null && !root.isBlank()
        ? Path.of(root).toAbsolutePath()
        : moduleDir().getParent();
  }

  /**
   * The thin job jar built by the package phase ({@code mvn verify} runs integration tests after
   * it).
   */
  public static Path clusterJar() {
    Path jar = moduleDir().resolve("target/datagen-job-cluster.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Cannot find " + jar + ": integration tests run after 'package' (mvn verify)");
    }
    return jar;
  }

  public static SparkDistribution create(Path home) throws IOException {
    Path lib = moduleDir().resolve("target/lib");
    if (!Files.isDirectory(lib)) {
      throw new IllegalStateException(
          "Cannot find " + lib + ": integration tests run after 'package' (mvn verify)");
    }
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> files = Files.list(lib)) {
      for (Path jar : files.filter(SparkDistribution::isSparkJar).toList()) {
        Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
      }
    }
    Path bin = Files.createDirectories(home.resolve("bin"));
    Path submit = bin.resolve("spark-submit");
    try (InputStream script =
        SparkDistribution.class.getResourceAsStream("/spark-home/bin/spark-submit")) {
      Files.copy(script, submit, StandardCopyOption.REPLACE_EXISTING);
    }
    Files.setPosixFilePermissions(submit, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.copy(projectRoot().resolve("conf/log4j2.properties"), conf.resolve("log4j2.properties"));
    return new SparkDistribution(home);
  }

  private static boolean isSparkJar(Path jar) {
    String name = jar.getFileName().toString();
    return name.endsWith(".jar")
        && !name.startsWith("archive-assembler")
        && !name.startsWith("picocli");
  }

  public Path home() {
    return home;
  }

  public String jarsClassPath() {
    return home.resolve("jars").toString() + "/*";
  }

  /** The environment every Spark process of this distribution runs with. */
  public java.util.Map<String, String> environment() {
    return java.util.Map.of(
        "SPARK_HOME",
        home.toString(),
        "SPARK_SCALA_VERSION",
        "2.13",
        "SPARK_LOCAL_IP",
        "127.0.0.1",
        "JAVA_HOME",
        System.getProperty("java.home"));
  }
}
