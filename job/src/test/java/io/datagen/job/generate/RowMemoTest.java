package io.datagen.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.sink.ValueSink;
import org.junit.jupiter.api.Test;

class RowMemoTest {
  private static final class Counting implements ColumnGenerator {
    int calls;

    @Override
    public void generate(long row, ValueSink out) {
      calls++;
      out.numeric(row * 10 + 5, 1);
    }
  }

  @Test
  void computesEachRowOnceAndReplaysItExactly() {
    Counting column = new Counting();
    RowMemo memo = new RowMemo(column);
    ValueCapture first = new ValueCapture();
    ValueCapture second = new ValueCapture();
    memo.generate(7, first);
    memo.generate(7, second);
    assertThat(column.calls).isEqualTo(1);
    assertThat(second.sameAs(first)).isTrue();
    assertThat(second.number()).isEqualTo(7.5);
    memo.generate(8, second);
    assertThat(column.calls).isEqualTo(2);
    assertThat(second.number()).isEqualTo(8.5);
    memo.generate(0, second);
    assertThat(column.calls).isEqualTo(3);
    assertThat(second.number()).isEqualTo(0.5);
  }
}
