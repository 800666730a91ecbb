package io.datagen.job.generate.compile;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.generate.ValueCapture;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.sink.LiteralSink;
import java.util.Locale;

/**
 * Whether the values a unique column enumerates are distinct as PostgreSQL compares them in the
 * column's type, not only as written: {@code 1}, {@code "1"} and {@code "01"} are one integer,
 * {@code "yes"} and {@code "true"} one boolean, {@code "a"} and {@code "a "} one {@code char(3)},
 * {@code "A"} and {@code "a"} one {@code citext}. Checked for small enumerations (explicit lists),
 * where such mistakes are written by hand; generators of large domains are distinct by design.
 */
final class DistinctValues {
  /** Enumerations up to this size are compared pairwise. */
  static final long MAX_CHECKED = 2_000;

  private DistinctValues() {}

  /** The first two values that PostgreSQL sees as one, as their text, or null when none are. */
  static String[] firstDuplicate(ValueSource source, PgType type) {
    long size = source.domainSize();
    if (size < 2 || size > MAX_CHECKED) {
      return null;
    }
    ValueCapture[] values = new ValueCapture[(int) size];
    String[] texts = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = new ValueCapture();
      source.emit(i, values[i]);
      CharSequence text = values[i].textOrNull();
      texts[i] = text == null ? null : normalized(text.toString(), type.kind());
    }
    for (int i = 0; i < values.length; i++) {
      for (int j = i + 1; j < values.length; j++) {
        boolean same =
            texts[i] != null && texts[j] != null
                ? texts[i].equals(texts[j])
                : values[i].sameAs(values[j]);
        if (same) {
          return new String[] {render(source, i), render(source, j)};
        }
      }
    }
    return null;
  }

  /** Why two different texts can be one value of the type, for messages; empty when they cannot. */
  static String reason(TypeKind kind) {
    return switch (kind) {
      case CHAR -> " (char(n) ignores trailing spaces)";
      case CITEXT -> " (citext ignores case)";
      default -> "";
    };
  }

  private static String normalized(String text, TypeKind kind) {
    return switch (kind) {
      case CHAR -> text.stripTrailing();
      case CITEXT -> text.toLowerCase(Locale.ROOT);
      default -> text;
    };
  }

  private static String render(ValueSource source, int index) {
    LiteralSink sink = new LiteralSink(new TextBuffer(32));
    source.emit(index, sink);
    return sink.wasNull() ? "NULL" : sink.buffer().toString();
  }
}
