package io.datagen.job.ddl;

import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.TableSpec;

/** The implicit sequence behind a serial column, named as PostgreSQL names it. */
public final class SerialSequences {
  private SerialSequences() {}

  /** {@code <table>_<column>_seq} in the table's schema. */
  public static QualifiedName of(TableSpec table, ColumnSpec column) {
    return new QualifiedName(
        table.name().schema(), table.name().name() + "_" + column.name() + "_seq");
  }
}
