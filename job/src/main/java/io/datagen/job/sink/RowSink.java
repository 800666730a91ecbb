package io.datagen.job.sink;

/**
 * A {@link ValueSink} that also learns where rows start and end (one value per column in between).
 */
public interface RowSink extends ValueSink {

  void beginRow();

  void endRow();
}
