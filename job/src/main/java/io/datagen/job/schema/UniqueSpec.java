package io.datagen.job.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A UNIQUE constraint; {@code name} always set (generated {@code <table>_<cols>_key} if absent).
 */
public record UniqueSpec(String name, List<String> columns, String path) implements Serializable {
  public UniqueSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(path, "path");
  }
}
