package io.datagen.job.generate.compile;

import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TableSpec;
import java.time.Instant;
import java.util.List;

/**
 * Finds, before any work, everything that would stop generation: unknown or not-yet-supported
 * generators, bad {@code generator_config} (with JSON path and line:column), generators that do not
 * fit their column, unsupported types, impossible uniqueness, foreign keys that cannot be filled.
 */
public final class GenerationValidator {
  /** Validation does not depend on the seed or the time; any fixed values plan the same way. */
  private static final Instant ANY_TIME = Instant.parse("2000-01-01T00:00:00Z");

  private GenerationValidator() {}

  public static List<SchemaProblem> validate(Schema schema) {
    GeneratorCompiler compiler = new GeneratorCompiler(schema, 0L, ANY_TIME);
    for (TableSpec table : schema.tables()) {
      compiler.table(compiler.plan(table.name()));
    }
    return compiler.problems().all();
  }
}
