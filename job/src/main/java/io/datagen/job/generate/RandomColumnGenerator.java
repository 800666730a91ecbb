package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/** A column whose values are drawn independently per row from its own stream. */
public final class RandomColumnGenerator implements ColumnGenerator {
  private final ValueSource source;
  private final RandomSource rng;

  public RandomColumnGenerator(ValueSource source, RandomSource rng) {
    this.source = source;
    this.rng = rng;
  }

  @Override
  public void generate(long row, ValueSink out) {
    source.random(rng, row, out);
  }
}
