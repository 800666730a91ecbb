package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.ValueSink;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Any Datafaker expression ({@code #{Name.firstName}}, {@code #{numerify '###-##'}}) evaluated per
 * value — the escape hatch to the whole catalogue, and the slow path (microseconds per value).
 *
 * <p>Deterministic: before each value the instance's own {@link Random} is reseeded from the row's
 * draw, so the value depends only on (seed, table, column, row) and Datafaker's (pinned) version.
 * Faker instances are neither serializable nor safe to share: each generator instance — one per
 * task — owns its Faker.
 */
public final class FakerExpressionValues extends ValueSource {
  private final String expression;
  private final int max;
  private final Random random = new Random(0);
  private final Faker faker;
  private final Chars scratch = new Chars(128);

  public FakerExpressionValues(String expression, Locale locale, int max) {
    this.expression = expression;
    this.max = max;
    this.faker = new Faker(locale, random);
  }

  /** Evaluates {@code expression} once; null when it works, else Datafaker's message. */
  public static String check(String expression, Locale locale) {
    try {
      String value = new Faker(locale, new Random(0)).expression(expression);
      return value == null ? "it yields no value" : null;
    } catch (RuntimeException e) {
      return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    random.setSeed(rng.nextLong(row, 0));
    String value = faker.expression(expression);
    if (max == Chars.UNBOUNDED || value.length() <= max) {
      out.text(value);
    } else {
      out.text(scratch.clear().append(value).fit(max));
    }
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate Datafaker expressions");
  }
}
