package io.datagen.job.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Spark "distribution" folder laid out like the real one: {@code jars/} (symbolic links to
 * Spark's own runtime dependency tree, Hadoop's client jars included, exactly as Maven resolves it
 * for spark-sql and spark-core in the {@code test-spark-distribution} module, so nothing of
 * datagen's: datagen and its libraries reach executors only through the thin job jar), {@code
 * bin/spark-submit} (Spark's launcher, see the script) and {@code conf/} (the project's quiet
 * log4j2 configuration). Standalone Workers need it as SPARK_HOME to launch executors.
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

  /** Spark's jars, one class path line written by the build of {@code test-spark-distribution}. */
  public static List<Path> sparkJars() throws IOException {
    Path classPath = projectRoot().resolve("test-spark-distribution/target/spark-jars.classpath");
    if (!Files.isRegularFile(classPath)) {
      throw new IllegalStateException(
          "Cannot find "
              + classPath
              + ": integration tests run after 'package' (mvn verify), with -pl job -am");
    }
    return Stream.of(Files.readString(classPath).strip().split(File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  public static SparkDistribution create(Path home) throws IOException {
    Path jars = Files.createDirectories(home.resolve("jars"));
    for (Path jar : sparkJars()) {
      Files.createSymbolicLink(jars.resolve(jar.getFileName()), jar.toAbsolutePath());
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
