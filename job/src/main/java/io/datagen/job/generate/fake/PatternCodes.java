package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;

/**
 * Codes from shapes such as {@code #####} or {@code ??# #??}: {@code #} becomes a digit, {@code ?}
 * an upper-case letter, anything else is kept (postal codes, building numbers). A shape is chosen
 * per row, then each placeholder draws from the row's stream.
 */
public final class PatternCodes extends ValueSource {
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  private final String[] shapes;
  private final boolean nonZeroFirst;
  private final Chars scratch = new Chars(32);

  /**
   * @param nonZeroFirst no leading 0 (building numbers read "0042" otherwise)
   */
  public PatternCodes(String[] shapes, boolean nonZeroFirst) {
    if (shapes.length == 0) {
      throw new IllegalArgumentException("Cannot build codes without shapes");
    }
    this.shapes = shapes.clone();
    this.nonZeroFirst = nonZeroFirst;
  }

  /** The shapes no longer than {@code max}; empty when none fits. */
  public static String[] fitting(String[] shapes, int max) {
    return java.util.Arrays.stream(shapes)
        .filter(s -> max == Chars.UNBOUNDED || s.length() <= max)
        .toArray(String[]::new);
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    out.text(fill(rng, row, shapes[rng.nextInt(row, 0, shapes.length)]));
  }

  Chars fill(RandomSource rng, long row, String shape) {
    scratch.clear();
    for (int i = 0; i < shape.length(); i++) {
      char c = shape.charAt(i);
      if (c == '#') {
        int lowest = nonZeroFirst && scratch.length() == 0 ? 1 : 0;
        scratch.append((char) ('0' + lowest + rng.nextInt(row, 1 + i, 10 - lowest)));
      } else if (c == '?') {
        scratch.append(LETTERS.charAt(rng.nextInt(row, 1 + i, 26)));
      } else {
        scratch.append(c);
      }
    }
    return scratch;
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate codes");
  }
}
