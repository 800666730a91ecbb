package io.datagen.bench;

import io.datagen.job.schema.Schema;
import io.datagen.job.spark.SchemaInput;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One of the committed benchmark schemas (bench/schemas/), each a single table, at the row count of
 * this run.
 *
 * @param name the schema's short name (its file name without {@code .json})
 * @param file the schema file
 * @param rows the table's row count in this run (the schema's own count, scaled)
 */
public record BenchSchema(String name, Path file, long rows) {

  public BenchSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    if (rows < 1) {
      throw new IllegalArgumentException("Cannot benchmark " + name + " with rows: " + rows);
    }
  }

  /** The schema in {@code file}, its single table at {@code scale} times its row count. */
  public static BenchSchema load(Path file, double scale) {
    Schema schema = SchemaInput.load(file.toString(), null, null);
    if (schema.tables().size() != 1) {
      throw new IllegalArgumentException(
          "Cannot benchmark "
              + file
              + ": expected one table, found "
              + schema.tables().size()
              + " (the benchmark reports per table)");
    }
    long rows = Math.max(1, Math.round(schema.tables().get(0).rowCount() * scale));
    String fileName = file.getFileName().toString();
    return new BenchSchema(fileName.replaceFirst("\\.json$", ""), file, rows);
  }

  /** The schema with its table at {@code rowCount} rows. */
  public Schema schema(long rowCount) {
    return SchemaInput.load(file.toString(), rowCount, null);
  }
}
