package io.datagen.job.schema;

import java.util.List;
import java.util.Objects;

/** A schema that passed parsing and validation, with the warnings found on the way. */
public record LoadedSchema(Schema schema, List<SchemaProblem> warnings) {
  public LoadedSchema {
    Objects.requireNonNull(schema, "schema");
    warnings = List.copyOf(warnings);
  }
}
