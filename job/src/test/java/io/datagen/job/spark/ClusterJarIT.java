package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.testing.SparkDistribution;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The thin cluster jar: datagen and its own libraries (picocli relocated under {@code
 * io.datagen.shaded}), never Spark, Hadoop (S3A included), the AWS SDK, Scala or Jackson, which the
 * cluster provides.
 */
class ClusterJarIT {
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
              "io/datagen/archive/custom/CustomArchiveWriter.class",
              "datagen-version.properties");
      assertThat(names).anyMatch(n -> n.startsWith("io/datagen/shaded/picocli/CommandLine"));
      assertThat(names)
          .noneMatch(
              n ->
                  n.startsWith("picocli/")
                      || n.startsWith("org/apache/spark/")
                      || n.startsWith("org/apache/hadoop/") // hadoop-aws (S3A) included
                      || n.startsWith("software/amazon/")
                      || n.startsWith("scala/")
                      || n.startsWith("com/fasterxml/")
                      || n.startsWith("org/yaml/snakeyaml/"));
    }
  }
}
