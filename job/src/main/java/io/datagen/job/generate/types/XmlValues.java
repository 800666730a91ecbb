package io.datagen.job.generate.types;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Small well-formed XML documents: {@code <item id="42"><name>River
 * stone</name><active>true</active></item>}.
 */
public final class XmlValues extends ValueSource {
  private final TextBuffer scratch = new TextBuffer(256);

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch
        .clear()
        .appendAscii("<item id=\"")
        .appendLong(1 + rng.nextBounded(row, 0, 1_000_000))
        .appendAscii("\">");
    scratch.appendAscii("<name>");
    scratch.appendAscii(Words.CAPITALIZED[rng.nextInt(row, 1, Words.WORDS.length)]);
    scratch.appendByte(' ').appendAscii(Words.WORDS[rng.nextInt(row, 2, Words.WORDS.length)]);
    scratch.appendAscii("</name><active>").appendAscii(rng.chance(row, 3, 0.5) ? "true" : "false");
    scratch.appendAscii("</active></item>");
    out.literal(scratch.array(), 0, scratch.length());
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate XML documents");
  }
}
