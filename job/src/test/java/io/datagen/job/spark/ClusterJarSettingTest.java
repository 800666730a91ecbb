package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver started by the launcher on a cluster master ships the thin cluster jar to the executors
 * as {@code spark.jars}; spark-submit's (or the user's) {@code spark.jars} is kept.
 */
class ClusterJarSettingTest {
  @TempDir Path dir;

  private static SparkConf conf() {
    return new SparkConf(false).setMaster("spark://127.0.0.1:7077");
  }

  @Test
  void theLaunchersClusterJarBecomesSparkJars() throws Exception {
    Path jar = Files.writeString(dir.resolve("datagen-job-cluster.jar"), "jar");
    SparkConf conf = conf();
    SparkSetup.shipClusterJar(conf, jar.toString());
    assertThat(conf.get("spark.jars")).isEqualTo(jar.toUri().toString());
  }

  @Test
  void givenSparkJarsAreKeptAndNoLauncherAddsNothing() throws Exception {
    Path jar = Files.writeString(dir.resolve("datagen-job-cluster.jar"), "jar");
    SparkConf submitted = conf().set("spark.jars", "file:/opt/app.jar");
    SparkSetup.shipClusterJar(submitted, jar.toString());
    assertThat(submitted.get("spark.jars")).isEqualTo("file:/opt/app.jar");

    SparkConf embedded = conf();
    SparkSetup.shipClusterJar(embedded, null);
    assertThat(embedded.contains("spark.jars")).isFalse();
  }

  @Test
  void aMissingClusterJarIsAUsageErrorNamingItAndTheFix() {
    Path missing = dir.resolve("datagen-job-cluster.jar");
    assertThatThrownBy(() -> SparkSetup.shipClusterJar(conf(), missing.toString()))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.USAGE))
        .hasMessage(
            "Cannot run on spark://127.0.0.1:7077: its executors need datagen's cluster jar "
                + missing
                + ", which is missing; build it with 'mvn -DskipTests package' (or run"
                + " submit/install again)");
  }
}
