package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive stream failing half-way (full disk, lost connection) is an output error (exit 4): an
 * existing archive under the name stays as it was, and no temporary file or staging is left.
 */
class FailedOutputTest {
  @TempDir Path dir;

  @Test
  void failingMidArchiveKeepsTheOldFileAndLeavesNothingElse() throws Exception {
    Path output = dir.resolve("out.dump");
    Files.writeString(output, "the archive of an earlier run");
    Path staging = dir.resolve("staging");
    try (JavaSparkContext spark = SparkTestSupport.start("local[2]", Map.of())) {
      spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, "200000");
      GenerateRequest request =
          SparkTestSupport.request(output, 3, 2).withStaging(staging.toUri().toString(), false);
      assertThatThrownBy(() -> GenerateJob.run(spark, SparkTestSupport.blogSchema(), request, null))
          .isInstanceOfSatisfying(
              DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.OUTPUT))
          .hasMessageContaining("Injected failure");
    }
    assertThat(output).hasContent("the archive of an earlier run");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file")
          .containsExactlyInAnyOrder("out.dump", "staging");
    }
    try (Stream<Path> files = Files.list(staging)) {
      assertThat(files).as("the run's staging directory is removed").isEmpty();
    }
  }
}
