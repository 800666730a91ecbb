package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** A failed job reports the executor's own error and category, also when only its text crosses. */
class ExecutorFailureTest {
  @Test
  void onAClusterOnlyTheMessageCrossesAndAStagingFailureIsAnOutputError() {
    SparkException failed =
        new SparkException(
            "Job aborted due to stage failure: Task 1 in stage 0.0 failed 4 times, most recent"
                + " failure: Lost task 1.3 in stage 0.0 (TID 7) (10.0.0.5 executor 2):"
                + " io.datagen.job.DatagenException: Cannot write staging file"
                + " hdfs:/tmp/s/part-1: No space left on device (check that --staging points at"
                + " a writable location with room to spare)\n\tat io.datagen.job.spark.SegmentWriter");
    DatagenException reported = GenerateJob.executorFailure(failed);
    assertThat(reported.category()).isEqualTo(ErrorCategory.OUTPUT);
    assertThat(reported.getMessage())
        .isEqualTo(
            "Cannot write staging file hdfs:/tmp/s/part-1: No space left on device (check that"
                + " --staging points at a writable location with room to spare)");
  }

  @Test
  void inLocalModeTheExecutorsExceptionIsInTheChainWithItsCategory() {
    DatagenException column =
        new DatagenException(ErrorCategory.GENERATION, "Cannot generate column body of table t");
    DatagenException reported =
        GenerateJob.executorFailure(new SparkException("Job aborted", column));
    assertThat(reported.category()).isEqualTo(ErrorCategory.GENERATION);
    assertThat(reported.getMessage()).isEqualTo("Cannot generate column body of table t");
  }

  @Test
  void anythingElseIsAGenerationErrorWithTheInnermostMessage() {
    DatagenException reported =
        GenerateJob.executorFailure(
            new SparkException("Job aborted", new IllegalStateException("boom")));
    assertThat(reported.category()).isEqualTo(ErrorCategory.GENERATION);
    assertThat(reported.getMessage()).isEqualTo("Cannot generate data: boom");
  }
}
