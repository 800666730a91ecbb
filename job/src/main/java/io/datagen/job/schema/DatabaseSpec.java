package io.datagen.job.schema;

import java.io.Serializable;
import java.util.Objects;

/** The {@code database} object: name (required), encoding (default UTF8), optional locale. */
public record DatabaseSpec(String name, String encoding, String locale) implements Serializable {
  public DatabaseSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(encoding, "encoding");
  }
}
