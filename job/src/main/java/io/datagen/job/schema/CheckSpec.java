package io.datagen.job.schema;

import java.io.Serializable;
import java.util.Objects;

/** A CHECK constraint; {@code name} always set (generated {@code <table>_check[N]} if absent). */
public record CheckSpec(String name, String expression, String path) implements Serializable {
  public CheckSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(expression, "expression");
    Objects.requireNonNull(path, "path");
  }
}
