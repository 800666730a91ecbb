package io.datagen.job.generate.compile;

import io.datagen.job.generate.Streams;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Everything needed to choose one column's value source.
 *
 * @param type the column's type with domains resolved to their base type
 * @param enumLabels labels when {@code type} is an enum, else an empty list
 * @param inKey whether the column belongs to a primary key or unique constraint (its source then
 *     gets a domain large enough for the table)
 */
record ColumnContext(
    Schema schema,
    TableSpec table,
    ColumnSpec column,
    int columnIndex,
    PgType type,
    List<String> enumLabels,
    long seed,
    Instant referenceTime,
    boolean inKey) {

  long columnKey() {
    return Streams.column(seed, table.name(), column.name());
  }

  long rowCount() {
    return table.rowCount();
  }

  long referenceMicros() {
    return ChronoUnit.MICROS.between(Instant.EPOCH, referenceTime);
  }

  int referenceDay() {
    return (int) Math.floorDiv(referenceTime.getEpochSecond(), 86_400L);
  }

  /** JSON path of the column's {@code generator} key, for messages. */
  String generatorPath() {
    return column.path() + ".generator";
  }

  String describe() {
    return "column '" + column.name() + "' of table " + table.name();
  }
}
