package io.datagen.job.spark;

import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.plan.Selection;
import io.datagen.job.schema.Schema;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** What every task needs to produce its segments; shipped to executors once per job. */
public record JobSettings(
    Schema schema,
    Selection selection,
    long seed,
    Instant referenceTime,
    OutputFormat format,
    CompressionOption compression,
    int rowsPerInsert,
    String stagingDirectory,
    HadoopConf hadoopConf)
    implements Serializable {

  public JobSettings {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(selection, "selection");
    Objects.requireNonNull(referenceTime, "referenceTime");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(stagingDirectory, "stagingDirectory");
    Objects.requireNonNull(hadoopConf, "hadoopConf");
  }
}
