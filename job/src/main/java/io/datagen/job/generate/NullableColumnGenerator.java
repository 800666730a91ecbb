package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * NULL on a share {@code nullRatio} of rows, decided from a stream of its own so that changing the
 * ratio does not change the non-NULL values.
 */
public final class NullableColumnGenerator implements ColumnGenerator {
  private final ColumnGenerator values;
  private final RandomSource nulls;
  private final double nullRatio;

  public NullableColumnGenerator(ColumnGenerator values, RandomSource nulls, double nullRatio) {
    this.values = values;
    this.nulls = nulls;
    this.nullRatio = nullRatio;
  }

  @Override
  public void generate(long row, ValueSink out) {
    if (nulls.chance(row, 0, nullRatio)) {
      out.nullValue();
    } else {
      values.generate(row, out);
    }
  }
}
