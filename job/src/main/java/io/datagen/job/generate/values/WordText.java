package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.StableHash;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Word-like text of plausible length that never exceeds {@code maxLength} characters (ASCII only,
 * so characters, bytes and PostgreSQL's length all agree).
 *
 * <p>Random values: a target length is drawn in [lower, upper] (upper = min(maxLength, 60), or 80
 * for unbounded text), then words are added while they fit; a first word longer than the target is
 * cut. Indexed values (unique text): an optional word, a dash, then the index in base 36
 * zero-padded to a fixed width — the fixed-width code alone identifies the index, so values never
 * repeat: {@code river-00x3kq}.
 */
public final class WordText extends ValueSource {
  /** No length limit ({@code text}, {@code varchar} without n). */
  public static final int UNBOUNDED = -1;

  /** Longest index that fits a long in base 36: 36^12 &lt; 2^63 &lt; 36^13. */
  public static final int MAX_CODE_WIDTH = 12;

  private static final String[] WORDS = {
    "amber", "anchor", "apple", "arch", "atlas", "autumn", "bay", "beacon", "birch", "blue", "bold",
    "breeze", "bridge", "bright", "brook", "canyon", "cedar", "clear", "cloud", "coast", "copper",
    "coral", "crest", "crystal", "dawn", "delta", "desert", "drift", "dune", "eagle", "east",
    "echo", "ember", "field", "flint", "forest", "fox", "frost", "garden", "glade", "golden",
    "granite", "green", "grove", "harbor", "hazel", "hill", "horizon", "island", "ivory", "jade",
    "lake", "lantern", "leaf", "light", "lime", "maple", "meadow", "mesa", "mint", "moon", "moss",
    "north", "oak", "ocean", "olive", "orchid", "pearl", "pine", "plain", "prairie", "quartz",
    "quiet", "rain", "raven", "reef", "ridge", "river", "rock", "rose", "sage", "sand", "shadow",
    "silver", "sky", "slate", "snow", "south", "spring", "spruce", "star", "stone", "storm",
    "summit", "sun", "swift", "thunder", "timber", "trail", "valley", "velvet", "vista", "wave",
    "west", "willow", "wind", "winter", "wood", "a", "an", "and", "for", "in", "of", "on", "the",
    "to", "with"
  };
  private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  private static final int UNBOUNDED_UPPER = 80;
  private static final int BOUNDED_UPPER = 60;

  private final int lower;
  private final int upper;
  private final int codeWidth;
  private final int prefixRoom;
  private final long domainSize;
  private final long key;
  private final Chars scratch;

  /**
   * @param maxLength n of varchar(n)/char(n), or {@link #UNBOUNDED}
   * @param codeWidth base-36 digits of indexed values, 1..min(maxLength, 12)
   * @param key varies the words of indexed values between columns
   */
  public WordText(int maxLength, int codeWidth, long key) {
    if (maxLength == 0
        || maxLength < UNBOUNDED
        || codeWidth < 1
        || codeWidth > MAX_CODE_WIDTH
        || (maxLength != UNBOUNDED && codeWidth > maxLength)) {
      throw new IllegalArgumentException(
          "Cannot create text of length " + maxLength + " with code width " + codeWidth);
    }
    this.upper = maxLength == UNBOUNDED ? UNBOUNDED_UPPER : Math.min(maxLength, BOUNDED_UPPER);
    this.lower = maxLength == UNBOUNDED ? 8 : Math.max(1, Math.min(upper, Math.max(upper / 4, 3)));
    this.codeWidth = codeWidth;
    int room = (maxLength == UNBOUNDED ? 12 : Math.min(maxLength, 20)) - codeWidth - 1;
    this.prefixRoom = room >= 3 ? room : 0;
    this.domainSize = pow36(codeWidth);
    this.key = key;
    this.scratch = new Chars(Math.max(upper, prefixRoom + 1 + codeWidth));
  }

  /** 36^width, for width ≤ 12. */
  public static long pow36(int width) {
    long p = 1;
    for (int i = 0; i < width; i++) {
      p *= 36;
    }
    return p;
  }

  /** The smallest base-36 width that numbers {@code count} distinct values (at least 1). */
  public static int widthFor(long count) {
    int width = 1;
    while (width < MAX_CODE_WIDTH && pow36(width) < count) {
      width++;
    }
    return width;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    int target = lower + rng.nextInt(row, 0, upper - lower + 1);
    scratch.clear();
    int draw = 1;
    while (scratch.length() < target) {
      String word = WORDS[rng.nextInt(row, draw++, WORDS.length)];
      if (scratch.length() == 0) {
        scratch.append(word, target);
        scratch.upperAt(0);
      } else if (scratch.length() + 1 + word.length() <= target) {
        scratch.append(' ');
        scratch.append(word, word.length());
      } else {
        break;
      }
    }
    out.text(scratch);
  }

  @Override
  public long domainSize() {
    return domainSize;
  }

  @Override
  public void emit(long index, ValueSink out) {
    scratch.clear();
    if (prefixRoom > 0) {
      // Words of 2+ letters only, so the prefix never ends up as a lone article.
      String word =
          WORDS[(int) Long.remainderUnsigned(StableHash.mix64(index ^ key), WORDS.length - 10)];
      scratch.append(word, prefixRoom);
      scratch.append('-');
    }
    int codeStart = scratch.length();
    for (int i = 0; i < codeWidth; i++) {
      scratch.append('0');
    }
    long rest = index;
    for (int i = codeStart + codeWidth - 1; i >= codeStart && rest > 0; i--) {
      setChar(i, DIGITS.charAt((int) (rest % 36)));
      rest /= 36;
    }
    out.text(scratch);
  }

  private void setChar(int at, char c) {
    scratch.set(at, c);
  }
}
