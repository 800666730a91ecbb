package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/** Always NULL: a nullable foreign key into an empty table. */
public final class NullColumnGenerator implements ColumnGenerator {
  @Override
  public void generate(long row, ValueSink out) {
    out.nullValue();
  }
}
