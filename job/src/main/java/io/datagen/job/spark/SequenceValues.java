package io.datagen.job.spark;

import io.datagen.job.generate.SequenceColumn;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.compile.TableGenerators;
import io.datagen.job.plan.Selection;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The value each database sequence must have after the data. A sequence-fed column is a pure
 * function of the row index, so the driver computes the last row's value itself instead of
 * collecting maxima from executors; a sequence shared by several tables takes the largest.
 */
final class SequenceValues {
  private SequenceValues() {}

  static Map<QualifiedName, Long> lastValues(
      Schema schema, Selection selection, long seed, Instant referenceTime) {
    Map<QualifiedName, Long> values = new HashMap<>();
    for (TableSpec table : schema.tables()) {
      if (table.rowCount() == 0 || !selection.includes(table.name())) {
        continue;
      }
      TableRowGenerator generator =
          TableGenerators.create(schema, table.name(), seed, referenceTime);
      for (SequenceColumn column : generator.sequenceColumns()) {
        if (column.sequence() != null) {
          values.merge(column.sequence(), column.lastValue(table.rowCount()), Math::max);
        }
      }
    }
    return values;
  }
}
