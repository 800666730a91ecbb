package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver memory stays flat as data grows: what reaches the driver is a small, fixed-size result per
 * segment (measured by Spark as task result bytes), never data; the archive's bytes are streamed
 * from staging. With the same number of segments, 100 times more rows give 100 times more data and
 * the same result bytes.
 */
class DriverResultSizeTest {
  @TempDir Path dir;

  @Test
  void taskResultsAreAFewHundredBytesPerSegmentWhateverTheRowCount() throws Exception {
    Schema schema = SparkTestSupport.eventsSchema();
    try (JavaSparkContext spark = SparkTestSupport.start("local[2]", Map.of())) {
      Measured small = measure(spark, SchemaLoader.withRowCount(schema, 2_000), 200);
      Measured large = measure(spark, SchemaLoader.withRowCount(schema, 200_000), 20_000);

      System.out.printf(
          "driver result bytes: %d rows -> %d B for %d segments (archive %d B); %d rows -> %d B (archive %d B)%n",
          2_000 * 2,
          small.resultBytes(),
          small.segments(),
          small.archiveBytes(),
          200_000 * 2,
          large.resultBytes(),
          large.archiveBytes());
      assertThat(small.segments()).isEqualTo(large.segments()).isEqualTo(20);
      assertThat(large.archiveBytes()).isGreaterThan(50 * small.archiveBytes());
      assertThat(large.resultBytes()).isLessThan(small.resultBytes() + small.resultBytes() / 10);
      assertThat(large.resultBytes() / large.segments())
          .as("result bytes per segment")
          .isLessThan(1024);
    }
  }

  private record Measured(int segments, long resultBytes, long archiveBytes) {}

  private Measured measure(JavaSparkContext spark, Schema schema, long segmentRows)
      throws Exception {
    TaskAttempts attempts = new TaskAttempts();
    spark.sc().addSparkListener(attempts);
    Path output = dir.resolve("rows-" + segmentRows + ".dump");
    GenerateRequest request = SparkTestSupport.request(output, 3, 4).withSegmentRows(segmentRows);
    GenerateJob.run(spark, schema, request, null);
    spark.sc().listenerBus().waitUntilEmpty();
    spark.sc().removeSparkListener(attempts);
    int segments = SegmentPlanner.segments(schema, segmentRows).size();
    return new Measured(segments, attempts.resultBytes(), Files.size(output));
  }
}
