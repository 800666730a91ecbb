package io.datagen.job.spark;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.RunClock;
import io.datagen.job.plan.SegmentPlanner;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.schema.Schema;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Shared bits of the end-to-end tests: the test schema and requests. */
final class SparkTestSupport {
  private SparkTestSupport() {}

  static Path resource(String name) {
    try {
      return Paths.get(SparkTestSupport.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Schema blogSchema() {
    return SchemaInput.load(resource("/e2e/blog-core.json").toString(), null, null);
  }

  static GenerateRequest request(Path output, long seed, Integer partitions, OutputFormat format, CompressionOption compression) {
    return new GenerateRequest("unused", null, output.toString(), format, compression, seed, RunClock.SEEDED_EPOCH, null,
        partitions, SegmentPlanner.DEFAULT_SEGMENT_ROWS / 8, null, false, 100, null, SelectionRequest.ALL, false);
  }

  static GenerateRequest request(Path output, long seed, Integer partitions) {
    return request(output, seed, partitions, OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP);
  }
}
