package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.regex.RegexGenerator;
import io.datagen.job.sink.ValueSink;

/**
 * Strings of a regular expression (see {@link RegexGenerator}); enumerable when its shape is fixed.
 */
public final class PatternValues extends ValueSource {
  private final RegexGenerator generator;
  private final StringBuilder scratch = new StringBuilder();

  public PatternValues(RegexGenerator generator) {
    this.generator = generator;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.setLength(0);
    generator.generate(rng, row, scratch);
    out.text(scratch);
  }

  @Override
  public long domainSize() {
    return generator.count();
  }

  @Override
  public void emit(long index, ValueSink out) {
    scratch.setLength(0);
    generator.emit(index, scratch);
    out.text(scratch);
  }
}
