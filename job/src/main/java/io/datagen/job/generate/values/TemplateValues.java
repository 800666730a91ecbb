package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;
import java.util.List;

/**
 * Text assembled from a template's parts (fixed text, the row's sequence number, random characters,
 * a UUID, a variable's choice). With a sequence or row placeholder, every row's text is distinct —
 * the number is the row's own — so such a template can fill a unique column.
 */
public final class TemplateValues extends ValueSource {
  private final Part[] parts;
  private final boolean rowInjective;
  private final StringBuilder scratch = new StringBuilder();

  public TemplateValues(List<Part> parts) {
    this.parts = parts.toArray(new Part[0]);
    this.rowInjective = parts.stream().anyMatch(p -> p instanceof RowNumber);
  }

  /**
   * One piece of a template; {@code draw} is the first draw it may use, the result the next free
   * one.
   */
  public sealed interface Part permits Fixed, RowNumber, RandomChars, RandomUuid, Choice {
    int append(RandomSource rng, long row, int draw, StringBuilder out);

    /** Longest text for {@code rows} rows. */
    int maxLength(long rows);
  }

  /** Literal text (and placeholders fixed for the run: dates, the table name). */
  public record Fixed(String text) implements Part {
    @Override
    public int append(RandomSource rng, long row, int draw, StringBuilder out) {
      out.append(text);
      return draw;
    }

    @Override
    public int maxLength(long rows) {
      return text.length();
    }
  }

  /** The 1-based row number, zero-padded to at least {@code width} digits, never cut. */
  public record RowNumber(int width) implements Part {
    @Override
    public int append(RandomSource rng, long row, int draw, StringBuilder out) {
      long n = row + 1;
      for (int digits = digits(n); digits < width; digits++) {
        out.append('0');
      }
      out.append(n);
      return draw;
    }

    @Override
    public int maxLength(long rows) {
      return Math.max(width, digits(Math.max(1, rows)));
    }

    static int digits(long n) {
      int digits = 1;
      while (n >= 10) {
        n /= 10;
        digits++;
      }
      return digits;
    }
  }

  /** {@code count} characters drawn from {@code alphabet}. */
  public record RandomChars(String alphabet, int count) implements Part {
    @Override
    public int append(RandomSource rng, long row, int draw, StringBuilder out) {
      int n = alphabet.length();
      for (int i = 0; i < count; i++) {
        out.append(alphabet.charAt(rng.nextInt(row, draw++, n)));
      }
      return draw;
    }

    @Override
    public int maxLength(long rows) {
      return count;
    }
  }

  /** A version-4 UUID in its 36-character text form. */
  public record RandomUuid() implements Part {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public int append(RandomSource rng, long row, int draw, StringBuilder out) {
      long msb = (rng.nextLong(row, draw) & 0xffffffffffff0fffL) | 0x4000L;
      long lsb = (rng.nextLong(row, draw + 1) & 0x3fffffffffffffffL) | 0x8000000000000000L;
      hex(msb >>> 32, 8, out);
      out.append('-');
      hex(msb >>> 16, 4, out);
      out.append('-');
      hex(msb, 4, out);
      out.append('-');
      hex(lsb >>> 48, 4, out);
      out.append('-');
      hex(lsb, 12, out);
      return draw + 2;
    }

    private static void hex(long bits, int digits, StringBuilder out) {
      for (int i = digits - 1; i >= 0; i--) {
        out.append(HEX[(int) (bits >>> (4 * i)) & 0xf]);
      }
    }

    @Override
    public int maxLength(long rows) {
      return 36;
    }
  }

  /** One of a variable's values, uniformly. */
  public record Choice(List<String> values) implements Part {
    public Choice {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("Cannot choose from no values");
      }
    }

    @Override
    public int append(RandomSource rng, long row, int draw, StringBuilder out) {
      out.append(
          values.size() == 1 ? values.get(0) : values.get(rng.nextInt(row, draw, values.size())));
      return draw + 1;
    }

    @Override
    public int maxLength(long rows) {
      return values.stream().mapToInt(String::length).max().orElse(0);
    }
  }

  /** Longest text for {@code rows} rows (saturated). */
  public int maxLength(long rows) {
    long sum = 0;
    for (Part part : parts) {
      sum += part.maxLength(rows);
    }
    return (int) Math.min(Integer.MAX_VALUE, sum);
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    scratch.setLength(0);
    int draw = 0;
    for (Part part : parts) {
      draw = part.append(rng, row, draw, scratch);
    }
    out.text(scratch);
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Template values are unique by row, not by index");
  }

  @Override
  public boolean rowInjective() {
    return rowInjective;
  }
}
