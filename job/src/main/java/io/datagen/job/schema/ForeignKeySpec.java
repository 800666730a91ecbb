package io.datagen.job.schema;

import io.datagen.job.json.JsonObject;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A foreign key. {@code name} is always set (generated as PostgreSQL would, {@code
 * <table>_<cols>_fkey}, when the file has none).
 *
 * @param distribution how parent rows are picked ({@code null} = uniform)
 * @param nullRatio share of rows whose (nullable) FK columns are NULL
 */
public record ForeignKeySpec(
    String name,
    List<String> columns,
    QualifiedName referencedTable,
    List<String> referencedColumns,
    ReferentialAction onDelete,
    ReferentialAction onUpdate,
    JsonObject distribution,
    double nullRatio,
    String path)
    implements Serializable {

  public ForeignKeySpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(referencedTable, "referencedTable");
    referencedColumns = List.copyOf(referencedColumns);
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
    Objects.requireNonNull(path, "path");
    if (columns.isEmpty() || columns.size() != referencedColumns.size()) {
      throw new IllegalArgumentException(
          "Cannot create foreign key "
              + name
              + ": "
              + columns.size()
              + " column(s) reference "
              + referencedColumns.size()
              + " column(s)");
    }
  }
}
