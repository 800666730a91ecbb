package io.datagen.job.ddl;

import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PostgresNames;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.TableSpec;

/** The implicit sequence behind a serial column, named as PostgreSQL names it. */
public final class SerialSequences {
  private SerialSequences() {}

  /**
   * {@code <table>_<column>_seq} in the table's schema, shortened as PostgreSQL shortens it to fit
   * 63 bytes (the longer of table and column name loses bytes first), so that a 63-byte table name
   * does not give a sequence name the server would truncate into the table's own.
   */
  public static QualifiedName of(TableSpec table, ColumnSpec column) {
    return new QualifiedName(
        table.name().schema(),
        PostgresNames.serialSequenceName(table.name().name(), column.name()));
  }
}
