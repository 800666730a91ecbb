package io.datagen.job.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * An index; {@code name} always set ({@code <table>_<cols>_idx} if absent).
 *
 * @param method btree, hash, gin, gist or brin
 * @param where partial-index predicate, or null
 */
public record IndexSpec(
    String name, List<String> columns, String method, boolean unique, String where, String path)
    implements Serializable {
  public IndexSpec {
    Objects.requireNonNull(name, "name");
    columns = List.copyOf(columns);
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
  }
}
