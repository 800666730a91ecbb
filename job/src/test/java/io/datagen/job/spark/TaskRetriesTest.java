package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.Schema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retries: the first attempt of every task fails after writing part of its staging file; Spark
 * retries ({@code local[2,4]}: up to 4 attempts per task) and the archive is byte-identical to a
 * clean run. The failed attempts' partial files stay out of the archive and go with the staging
 * directory.
 */
class TaskRetriesTest {
  @TempDir Path dir;

  @Test
  void firstAttemptsFailingMidWriteGiveTheCleanArchiveAndTheirLeftoversAreRemoved()
      throws Exception {
    Schema schema = SparkTestSupport.blogSchema();
    try (JavaSparkContext spark = SparkTestSupport.start("local[2,4]", Map.of())) {
      Path clean = dir.resolve("clean.dump");
      GenerateJob.run(spark, schema, SparkTestSupport.request(clean, 11, 6), null);

      TaskAttempts attempts = new TaskAttempts();
      spark.sc().addSparkListener(attempts);
      spark.setLocalProperty(FaultInjection.FAIL_FIRST_ATTEMPT, "1");
      Path kept = dir.resolve("kept-staging");
      Path retried = dir.resolve("retried.dump");
      GenerateJob.run(
          spark,
          schema,
          SparkTestSupport.request(retried, 11, 6).withStaging(kept.toUri().toString(), true),
          null);
      assertThat(Files.readAllBytes(retried)).isEqualTo(Files.readAllBytes(clean));

      // Every task failed once, mid-write, and left a partial staging file from attempt 0.
      spark.sc().listenerBus().waitUntilEmpty();
      assertThat(attempts.failed()).isEqualTo(6);
      List<Path> staged = stagedFiles(kept);
      assertThat(staged).hasSize(12);
      assertThat(
              staged.stream()
                  .filter(p -> p.getFileName().toString().matches(".*-\\d+\\.0-\\d+\\.pieces")))
          .as("partial files of failed first attempts")
          .hasSize(6)
          .allMatch(p -> p.toFile().length() > 0);

      // Without --keep-staging, the failed attempts' files go with the staging directory.
      Path staging = dir.resolve("staging");
      Path again = dir.resolve("again.dump");
      GenerateJob.run(
          spark,
          schema,
          SparkTestSupport.request(again, 11, 6).withStaging(staging.toUri().toString(), false),
          null);
      assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(clean));
      assertThat(stagedFiles(staging)).isEmpty();
      spark.setLocalProperty(FaultInjection.FAIL_FIRST_ATTEMPT, null);
    }
  }

  private static List<Path> stagedFiles(Path staging) throws Exception {
    if (!Files.exists(staging)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return files.filter(Files::isRegularFile).toList();
    }
  }
}
