package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * JSON objects for json/jsonb columns. Without fields: a small object of realistic shape, e.g.
 * {@code {"id": 4821, "name": "Amber river", "active": true, "score": 87.5, "tags": ["ocean",
 * "pine"]}} (every key but {@code id} present in about 70 % of rows). With fields: one key per
 * field, its value from the field's own source on a stream of its own, written as a JSON number,
 * boolean or string.
 */
public final class JsonObjects extends ValueSource {
  private final String[] keys;
  private final ValueSource[] fields;
  private final TextBuffer scratch = new TextBuffer(512);
  private final JsonSink json = new JsonSink(scratch);
  private long streamsOf = 0;
  private RandomSource[] fieldRngs;

  /** The default small object. */
  public JsonObjects() {
    this(List.of(), List.of());
  }

  /** An object with the given keys, in order, each valued by its source. */
  public JsonObjects(List<String> keys, List<ValueSource> fields) {
    if (keys.size() != fields.size()) {
      throw new IllegalArgumentException(
          "Cannot build JSON objects from "
              + keys.size()
              + " keys and "
              + fields.size()
              + " sources");
    }
    this.keys = keys.toArray(new String[0]);
    this.fields = fields.toArray(new ValueSource[0]);
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.clear();
    if (keys.length == 0) {
      defaultObject(rng, row);
    } else {
      RandomSource[] rngs = fieldRngs(rng);
      scratch.appendByte('{');
      for (int i = 0; i < keys.length; i++) {
        if (i > 0) {
          scratch.appendAscii(", ");
        }
        LiteralQuoting.jsonString(scratch, keys[i]);
        scratch.appendAscii(": ");
        fields[i].random(rngs[i], row, json);
      }
      scratch.appendByte('}');
    }
    out.literal(scratch.array(), 0, scratch.length());
  }

  private RandomSource[] fieldRngs(RandomSource rng) {
    if (fieldRngs == null || streamsOf != rng.key()) {
      fieldRngs = new RandomSource[keys.length];
      for (int i = 0; i < keys.length; i++) {
        fieldRngs[i] = new RandomSource(Streams.derive(rng.key(), "json:" + keys[i]));
      }
      streamsOf = rng.key();
    }
    return fieldRngs;
  }

  private void defaultObject(RandomSource rng, long row) {
    scratch.appendAscii("{\"id\": ").appendLong(1 + rng.nextBounded(row, 0, 100_000));
    if (rng.chance(row, 1, 0.7)) {
      scratch
          .appendAscii(", \"name\": \"")
          .appendAscii(Words.CAPITALIZED[rng.nextInt(row, 2, Words.WORDS.length)])
          .appendByte(' ')
          .appendAscii(Words.WORDS[rng.nextInt(row, 3, Words.WORDS.length)])
          .appendByte('"');
    }
    if (rng.chance(row, 4, 0.7)) {
      scratch.appendAscii(", \"active\": ").appendAscii(rng.chance(row, 5, 0.8) ? "true" : "false");
    }
    if (rng.chance(row, 6, 0.7)) {
      scratch.appendAscii(", \"score\": ");
      io.datagen.job.sink.ValueText.numeric(scratch, rng.nextBounded(row, 7, 10_001), 1);
    }
    if (rng.chance(row, 8, 0.7)) {
      scratch.appendAscii(", \"tags\": [");
      int n = rng.nextInt(row, 9, 4);
      for (int i = 0; i < n; i++) {
        scratch
            .appendAscii(i == 0 ? "\"" : ", \"")
            .appendAscii(Words.WORDS[rng.nextInt(row, 10 + i, Words.WORDS.length)])
            .appendByte('"');
      }
      scratch.appendByte(']');
    }
    scratch.appendByte('}');
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate JSON objects");
  }
}
