package io.datagen.job.schema;

import java.io.Serializable;
import java.util.Objects;

/** A sequence from the top-level {@code sequences} object (PostgreSQL defaults filled in). */
public record SequenceSpec(
    QualifiedName name,
    long start,
    long increment,
    long minValue,
    long maxValue,
    long cache,
    boolean cycle,
    String path)
    implements Serializable {
  public SequenceSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    if (increment == 0) {
      throw new IllegalArgumentException(
          "Cannot create sequence " + name + ": increment must not be zero");
    }
  }
}
