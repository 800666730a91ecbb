package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** The same value on every row. */
public final class ConstantValue extends ValueSource {
  private final Literal value;

  public ConstantValue(Literal value) {
    this.value = value;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    value.emit(out);
  }

  @Override
  public long domainSize() {
    return 1;
  }

  @Override
  public void emit(long index, ValueSink out) {
    value.emit(out);
  }
}
