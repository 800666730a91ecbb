package io.datagen.job.generate.distribution;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Sampler;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/** Values of a distribution rendered in the column's type. Not enumerable (no unique keys). */
public final class SampledNumbers extends ValueSource {
  private final Sampler sampler;
  private final NumberTarget target;

  public SampledNumbers(Sampler sampler, NumberTarget target) {
    this.sampler = sampler;
    this.target = target;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    target.emit(sampler.sample(rng, row), out);
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Values of a distribution are not enumerable");
  }
}
