package io.datagen.job.generate.values;

import io.datagen.job.sink.ValueSink;

/**
 * A value fixed at planning time (a constant, an enum label), already converted to its column's
 * type.
 */
@FunctionalInterface
public interface Literal {

  void emit(ValueSink out);
}
