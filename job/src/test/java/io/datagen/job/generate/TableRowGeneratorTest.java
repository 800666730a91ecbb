package io.datagen.job.generate;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.sink.RowSink;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRowGeneratorTest {
  @Test
  void runningOutOfMemoryNamesTheColumnAndIsAGenerationError() {
    ColumnGenerator fine = (row, out) -> out.integer(row);
    ColumnGenerator greedy =
        (row, out) -> {
          throw new OutOfMemoryError("Java heap space");
        };
    TableRowGenerator generator =
        new TableRowGenerator(
            QualifiedName.parse("docs"),
            List.of("id", "body"),
            new ColumnGenerator[] {fine, greedy},
            List.of());
    RowSink sink =
        new RowSink() {
          @Override
          public void beginRow() {}

          @Override
          public void endRow() {}

          @Override
          public void nullValue() {}

          @Override
          public void integer(long v) {}

          @Override
          public void numeric(long unscaled, int scale) {}

          @Override
          public void float4(float v) {}

          @Override
          public void float8(double v) {}

          @Override
          public void bool(boolean v) {}

          @Override
          public void text(CharSequence s) {}

          @Override
          public void date(int epochDay) {}

          @Override
          public void timestamp(long epochMicros) {}

          @Override
          public void timestamptz(long epochMicros) {}

          @Override
          public void uuid(long msb, long lsb) {}
        };
    assertThatThrownBy(() -> generator.generateRow(12, sink))
        .isInstanceOfSatisfying(
            DatagenException.class,
            e ->
                org.assertj.core.api.Assertions.assertThat(e.category())
                    .isEqualTo(ErrorCategory.GENERATION))
        .hasMessage(
            "Cannot generate column body of table docs at row 12: out of memory (Java heap space);"
                + " make its values smaller, or give the executors more memory");
  }
}
