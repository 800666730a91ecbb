package io.datagen.job.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One table. {@code primaryKey} merges the table-level list and column-level flags, in column order
 * for the latter. {@code uniqueConstraints} holds every UNIQUE constraint, column-level {@code
 * unique: true} flags included (first, in column order), each with its name.
 */
public record TableSpec(
    QualifiedName name,
    List<ColumnSpec> columns,
    long rowCount,
    List<String> primaryKey,
    List<ForeignKeySpec> foreignKeys,
    List<UniqueSpec> uniqueConstraints,
    List<CheckSpec> checkConstraints,
    List<IndexSpec> indexes,
    String comment,
    String path)
    implements Serializable {

  public TableSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    if (rowCount < 0) {
      throw new IllegalArgumentException(
          "Cannot create table " + name + " with negative row count: " + rowCount);
    }
    primaryKey = List.copyOf(primaryKey);
    foreignKeys = List.copyOf(foreignKeys);
    uniqueConstraints = List.copyOf(uniqueConstraints);
    checkConstraints = List.copyOf(checkConstraints);
    indexes = List.copyOf(indexes);
    Objects.requireNonNull(path, "path");
  }

  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public int columnIndex(String columnName) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(columnName)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The name of the primary key constraint, chosen as PostgreSQL does: {@code <table>_pkey}, the
   * table part cut so that the name fits 63 bytes.
   */
  public String primaryKeyName() {
    return PostgresNames.makeObjectName(name.name(), null, "pkey");
  }

  public TableSpec withRowCount(long newRowCount) {
    return new TableSpec(
        name,
        columns,
        newRowCount,
        primaryKey,
        foreignKeys,
        uniqueConstraints,
        checkConstraints,
        indexes,
        comment,
        path);
  }
}
