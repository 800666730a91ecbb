package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.plan.Selection;
import io.datagen.job.plan.SelectionRequest;
import io.datagen.job.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which engine a run gets: in process below the threshold, Spark when asked or when large. */
class EngineTest {
  private static final long LIMIT = Engine.IN_PROCESS_MAX_ROWS;

  @Test
  void smallRunsToLocalFilesRunInProcess() {
    assertThat(Engine.choose(null, null, 1, "out.dump")).isEqualTo(Engine.IN_PROCESS);
    assertThat(Engine.choose(null, null, LIMIT, "out.dump", null, "m.json"))
        .isEqualTo(Engine.IN_PROCESS);
    assertThat(Engine.choose(null, null, 10, "-")).isEqualTo(Engine.IN_PROCESS);
    assertThat(Engine.choose(null, null, 10, "file:/tmp/out.dump", "/tmp/staging"))
        .isEqualTo(Engine.IN_PROCESS);
    assertThat(Engine.choose(null, null, 10, (String) null)).isEqualTo(Engine.IN_PROCESS);
  }

  @Test
  void runsAboveTheThresholdUseSpark() {
    assertThat(Engine.choose(null, null, LIMIT + 1, "out.dump")).isEqualTo(Engine.SPARK);
    assertThat(Engine.choose(null, null, Long.MAX_VALUE, "out.dump")).isEqualTo(Engine.SPARK);
  }

  @Test
  void anExplicitMasterAlwaysUsesSpark() {
    assertThat(Engine.choose("local[2]", null, 1, "out.dump")).isEqualTo(Engine.SPARK);
    assertThat(Engine.choose("local", null, 5, "out.dump")).isEqualTo(Engine.SPARK);
    assertThat(Engine.choose(null, "spark://host:7077", 1, "out.dump"))
        .as("a master from spark-submit")
        .isEqualTo(Engine.SPARK);
  }

  @Test
  void remoteStoresUseSparkForItsHadoopConfiguration() {
    assertThat(Engine.choose(null, null, 10, "s3a://bucket/out.dump")).isEqualTo(Engine.SPARK);
    assertThat(Engine.choose(null, null, 10, "out.dump", "hdfs://nn/staging"))
        .isEqualTo(Engine.SPARK);
    assertThat(Engine.choose(null, null, 10, "out.dump", null, "s3a://bucket/run.json"))
        .isEqualTo(Engine.SPARK);
  }

  @Test
  void nothingToGenerateNeedsNoEngine() {
    assertThat(Engine.choose(null, null, 0, "out.dump")).isEqualTo(Engine.NONE);
    assertThat(Engine.choose("local[2]", null, 0, "out.dump")).isEqualTo(Engine.NONE);
  }

  @Test
  void jobsAreWorkerThreadsInProcessAndLocalNOnSpark() {
    Schema schema = SparkTestSupport.blogSchema();
    GenerateRequest plain = SparkTestSupport.request(Path.of("out.dump"), 1, null);
    GenerateRequest threeJobs = withJobs(plain, 3);

    // -j N does not ask for Spark: a small run stays in process, on N threads.
    assertThat(Engine.choose(threeJobs, schema, Selection.all(schema)))
        .isEqualTo(Engine.IN_PROCESS);
    assertThat(InProcessSegments.parallelism(threeJobs.jobs())).isEqualTo(3);
    assertThat(InProcessSegments.threads(6, 3)).isEqualTo(3);
    assertThat(InProcessSegments.threads(2, 3)).as("no more threads than groups").isEqualTo(2);
    assertThat(InProcessSegments.parallelism(null))
        .isEqualTo(Runtime.getRuntime().availableProcessors());
    // A run that needs Spark gets local[N] for it; without -j, spark-submit's or local[*].
    assertThat(threeJobs.sparkMaster()).isEqualTo("local[3]");
    assertThat(plain.sparkMaster()).isNull();
    Schema large =
        SchemaInput.load(
            SparkTestSupport.resource("/e2e/blog-core.json").toString(),
            Engine.IN_PROCESS_MAX_ROWS,
            null);
    assertThat(Engine.choose(threeJobs, large, Selection.all(large))).isEqualTo(Engine.SPARK);
  }

  private static GenerateRequest withJobs(GenerateRequest r, int jobs) {
    return new GenerateRequest(
        r.schemaSource(),
        r.schemaText(),
        r.output(),
        r.format(),
        r.compression(),
        r.seed(),
        r.referenceTime(),
        r.rowsOverride(),
        r.partitions(),
        r.segmentRows(),
        r.staging(),
        r.keepStaging(),
        r.rowsPerInsert(),
        r.master(),
        r.selection(),
        r.dryRun(),
        r.manifest(),
        jobs);
  }

  @Test
  void plannedRowsCountOnlyTheDataWritten() {
    Schema schema = SparkTestSupport.blogSchema();
    long all = schema.tables().stream().mapToLong(t -> t.rowCount()).sum();
    assertThat(all).isPositive();
    assertThat(Engine.plannedRows(schema, Selection.all(schema))).isEqualTo(all);
    Selection schemaOnly = new SelectionRequest(List.of(), false, true, false).resolve(schema);
    assertThat(Engine.plannedRows(schema, schemaOnly)).isZero();
    String first = schema.tables().get(0).name().toString();
    Selection one = new SelectionRequest(List.of(first), true, false, false).resolve(schema);
    assertThat(Engine.plannedRows(schema, one)).isEqualTo(schema.tables().get(0).rowCount());
  }
}
