package io.datagen.job.generate.compile;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.spark.SchemaInput;
import java.net.URISyntaxException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rows of the catalogue schema (every generator, distribution, rule and check shape) are a pure
 * function of the row index: generated in a shuffled order, or by a fresh generator, they are the
 * same.
 */
class CatalogueDeterminismTest {

  @Test
  void rowsDoNotDependOnTheOrderTheyAreGeneratedIn() throws URISyntaxException {
    Schema schema =
        SchemaInput.load(
            Paths.get(getClass().getResource("/e2e/catalogue.json").toURI()).toString(),
            null,
            null);
    for (TableSpec table : schema.tables()) {
      int n = (int) Math.min(table.rowCount(), 3_000);
      TableRowGenerator forward =
          TableGenerators.create(schema, table.name(), 42, TestSchemas.REFERENCE);
      TextRowSink inOrder = new TextRowSink();
      for (int row = 0; row < n; row++) {
        forward.generateRow(row, inOrder);
      }
      List<Integer> order = new ArrayList<>();
      for (int row = 0; row < n; row++) {
        order.add(row);
      }
      Collections.shuffle(order, new Random(1));
      TableRowGenerator shuffled =
          TableGenerators.create(schema, table.name(), 42, TestSchemas.REFERENCE);
      List<List<String>> byRow = new ArrayList<>(Collections.nCopies(n, null));
      for (int row : order) {
        TextRowSink sink = new TextRowSink();
        shuffled.generateRow(row, sink);
        byRow.set(row, sink.rows.get(0));
      }
      assertThat(byRow).as("table %s", table.name()).isEqualTo(inOrder.rows);

      TextRowSink otherSeed = new TextRowSink();
      TableRowGenerator other =
          TableGenerators.create(schema, table.name(), 43, TestSchemas.REFERENCE);
      for (int row = 0; row < n; row++) {
        other.generateRow(row, otherSeed);
      }
      assertThat(otherSeed.rows).isNotEqualTo(inOrder.rows);
    }
  }
}
