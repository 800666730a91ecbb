package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.LiteralSink;
import io.datagen.job.sink.ValueSink;

/**
 * Array literals of any element source and 1..6 dimensions: {@code {3,"a b",NULL}}, {@code
 * {{1,2},{3,4}}}. One dimension holds 1 to 4 elements; several dimensions are rectangular (as
 * PostgreSQL requires) with 1 to 3 (two dimensions) or 1 to 2 (more) elements per dimension.
 * Element {@code i} of row {@code r} is drawn from a stream of its own at position {@code r·64 +
 * i}, so elements are independent of each other and of the lengths. Elements are quoted by the
 * array rules ({@link LiteralQuoting#arrayElement}); a share {@code nullElements} of them is NULL.
 */
public final class ArrayValues extends ValueSource {
  private static final int MAX_ELEMENTS = 64;

  private final ValueSource element;
  private final int dimensions;
  private final int maxLength;
  private final double nullElements;
  private final TextBuffer scratch = new TextBuffer(512);
  private final LiteralSink elementSink = new LiteralSink();
  private final int[] lengths;
  private final int[] counters;
  private long streamsOf;
  private RandomSource elementRng;
  private RandomSource nullRng;

  public ArrayValues(ValueSource element, int dimensions, double nullElements) {
    if (dimensions < 1 || dimensions > 6) {
      throw new IllegalArgumentException("Cannot build arrays of " + dimensions + " dimensions");
    }
    this.element = element;
    this.dimensions = dimensions;
    this.maxLength = dimensions == 1 ? 4 : dimensions == 2 ? 3 : 2;
    this.nullElements = nullElements;
    this.lengths = new int[dimensions];
    this.counters = new int[dimensions];
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    if (elementRng == null || streamsOf != rng.key()) {
      elementRng = new RandomSource(Streams.derive(rng.key(), "element"));
      nullRng = new RandomSource(Streams.derive(rng.key(), "element-null"));
      streamsOf = rng.key();
    }
    for (int d = 0; d < dimensions; d++) {
      lengths[d] = 1 + rng.nextInt(row, d, maxLength);
      counters[d] = 0;
    }
    scratch.clear();
    for (int d = 0; d < dimensions; d++) {
      scratch.appendByte('{');
    }
    int index = 0;
    while (true) {
      long position = row * MAX_ELEMENTS + index;
      elementSink.reset();
      if (nullElements > 0 && nullRng.chance(position, 0, nullElements)) {
        scratch.appendAscii("NULL");
      } else {
        element.random(elementRng, position, elementSink);
        if (elementSink.wasNull()) {
          scratch.appendAscii("NULL");
        } else {
          LiteralQuoting.arrayElement(scratch, elementSink.buffer());
        }
      }
      index++;
      // Odometer over the dimensions: close and reopen braces where a dimension rolls over.
      int d = dimensions - 1;
      while (d >= 0 && ++counters[d] == lengths[d]) {
        counters[d] = 0;
        scratch.appendByte('}');
        d--;
      }
      if (d < 0) {
        break;
      }
      scratch.appendByte(',');
      for (int open = d + 1; open < dimensions; open++) {
        scratch.appendByte('{');
      }
    }
    out.literal(scratch.array(), 0, scratch.length());
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate arrays");
  }
}
