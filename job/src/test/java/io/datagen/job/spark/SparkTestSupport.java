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
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

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

  static GenerateRequest request(
      Path output,
      long seed,
      Integer partitions,
      OutputFormat format,
      CompressionOption compression) {
    return new GenerateRequest(
        "unused",
        null,
        output.toString(),
        format,
        compression,
        seed,
        RunClock.SEEDED_EPOCH,
        null,
        partitions,
        SegmentPlanner.DEFAULT_SEGMENT_ROWS / 8,
        null,
        false,
        100,
        null,
        SelectionRequest.ALL,
        false);
  }

  static GenerateRequest request(Path output, long seed, Integer partitions) {
    return request(output, seed, partitions, OutputFormat.CUSTOM, CompressionOption.DEFAULT_GZIP);
  }

  static Schema eventsSchema() {
    return SchemaInput.load(resource("/cluster/events.json").toString(), null, null);
  }

  /** A Spark context on {@code master}, bound to loopback, UI off, with extra settings. */
  static JavaSparkContext start(String master, Map<String, String> settings) {
    SparkConf conf =
        new SparkConf(false)
            .setAppName("datagen-test")
            .setMaster(master)
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    settings.forEach(conf::set);
    return new JavaSparkContext(conf);
  }
}
