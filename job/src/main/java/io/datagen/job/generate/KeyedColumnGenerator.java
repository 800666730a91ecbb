package io.datagen.job.generate;

import io.datagen.job.sink.ValueSink;

/**
 * A column that is (part of) a unique key: its value is the indexed value chosen by the key plan.
 */
public final class KeyedColumnGenerator implements ColumnGenerator {
  private final ValueSource source;
  private final KeyPlan plan;
  private final int component;

  public KeyedColumnGenerator(ValueSource source, KeyPlan plan, int component) {
    this.source = source;
    this.plan = plan;
    this.component = component;
  }

  @Override
  public void generate(long row, ValueSink out) {
    source.emit(plan.component(row, component), out);
  }
}
