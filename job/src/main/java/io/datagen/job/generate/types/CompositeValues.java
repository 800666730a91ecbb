package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.LiteralSink;
import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * Row literals of a composite type, {@code (42,"Main Street 5",)}: each field from its own source
 * on a stream of its own (derived from the column's stream and the field name), quoted by the row
 * rules ({@link LiteralQuoting#rowField}); a NULL field is written as nothing.
 */
public final class CompositeValues extends ValueSource {
  private final String[] names;
  private final ValueSource[] fields;
  private final TextBuffer scratch = new TextBuffer(256);
  private final LiteralSink fieldSink = new LiteralSink();
  private long streamsOf;
  private RandomSource[] fieldRngs;

  public CompositeValues(List<String> names, List<ValueSource> fields) {
    if (names.size() != fields.size() || names.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot build rows of " + names.size() + " names and " + fields.size() + " sources");
    }
    this.names = names.toArray(new String[0]);
    this.fields = fields.toArray(new ValueSource[0]);
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    if (fieldRngs == null || streamsOf != rng.key()) {
      fieldRngs = new RandomSource[names.length];
      for (int i = 0; i < names.length; i++) {
        fieldRngs[i] = new RandomSource(Streams.derive(rng.key(), "field:" + names[i]));
      }
      streamsOf = rng.key();
    }
    scratch.clear().appendByte('(');
    for (int i = 0; i < fields.length; i++) {
      if (i > 0) {
        scratch.appendByte(',');
      }
      fieldSink.reset();
      fields[i].random(fieldRngs[i], row, fieldSink);
      if (!fieldSink.wasNull()) {
        LiteralQuoting.rowField(scratch, fieldSink.buffer());
      }
    }
    scratch.appendByte(')');
    out.literal(scratch.array(), 0, scratch.length());
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate composite values");
  }
}
