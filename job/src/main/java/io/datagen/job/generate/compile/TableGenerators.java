package io.datagen.job.generate.compile;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaException;
import java.time.Instant;

/** Builds the row generator of a table; called once per task on the executors. */
public final class TableGenerators {
  private TableGenerators() {}

  /**
   * @param seed the run's seed: every value is a pure function of (seed, table, column, row)
   * @param referenceTime the run's reference instant (the archive timestamp, never the wall clock):
   *     default dates and timestamps lie in the few years before it
   * @throws SchemaException when the table (or a table it references) has a problem that {@link
   *     GenerationValidator#validate} would have reported
   */
  public static TableRowGenerator create(
      Schema schema, QualifiedName table, long seed, Instant referenceTime) {
    GeneratorCompiler compiler = new GeneratorCompiler(schema, seed, referenceTime);
    TablePlan plan = compiler.plan(table);
    if (plan == null) {
      throw new DatagenException(
          ErrorCategory.GENERATION, "Cannot generate table " + table + ": not in the schema");
    }
    TableRowGenerator generator = compiler.table(plan);
    if (compiler.problems().hasErrors()) {
      throw new SchemaException("table " + table, compiler.problems().all());
    }
    return generator;
  }
}
