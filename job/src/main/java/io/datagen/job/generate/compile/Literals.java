package io.datagen.job.generate.compile;

import io.datagen.job.generate.values.Literal;
import io.datagen.job.json.JsonBoolean;
import io.datagen.job.json.JsonNull;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.sink.PreparedText;
import io.datagen.job.sink.ValueSink;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Converts a value written in the schema ({@code constant}, {@code enum}, {@code weighted_enum})
 * into a {@link Literal} of the column's type, checking that it fits; numbers may be written as
 * JSON numbers or strings. Reports a problem at the value's JSON path and returns null when it does
 * not fit.
 */
final class Literals {
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private Literals() {}

  /**
   * @param type the column's (resolved, non-domain) type
   * @param enumLabels the labels when the type is an enum, else null
   * @param nullable whether JSON null is acceptable
   */
  static Literal compile(
      JsonValue value, PgType type, List<String> enumLabels, boolean nullable, Problems problems) {
    if (value instanceof JsonNull) {
      if (!nullable) {
        problems.error(value, "Cannot use null for a NOT NULL column");
        return null;
      }
      return ValueSink::nullValue;
    }
    String typeName = ColumnTypes.describe(type);
    TypeKind kind = type.kind();
    try {
      if (kind.isInteger()) {
        BigDecimal number = number(value);
        if (number == null
            || number.stripTrailingZeros().scale() > 0
            || !ColumnTypes.integerFits(type, number)) {
          return misfit(value, typeName, problems);
        }
        long v = number.longValueExact();
        return out -> out.integer(v);
      }
      if (kind == TypeKind.NUMERIC) {
        BigDecimal number = number(value);
        if (number == null || !ColumnTypes.decimalFits(type, number)) {
          return misfit(value, typeName, problems);
        }
        BigDecimal rounded =
            type.scale() != null ? number.setScale(type.scale(), RoundingMode.HALF_UP) : number;
        if (rounded.scale() < 0) {
          rounded = rounded.setScale(0);
        }
        long unscaled = rounded.unscaledValue().longValueExact();
        int scale = rounded.scale();
        return out -> out.numeric(unscaled, scale);
      }
      if (ColumnTypes.isFloat(kind)) {
        BigDecimal number = number(value);
        if (number == null) {
          return misfit(value, typeName, problems);
        }
        double v = number.doubleValue();
        if (kind == TypeKind.REAL) {
          float f = (float) v;
          return out -> out.float4(f);
        }
        return out -> out.float8(v);
      }
      if (kind == TypeKind.BOOLEAN) {
        Boolean b = bool(value);
        if (b == null) {
          return misfit(value, typeName, problems);
        }
        boolean v = b;
        return out -> out.bool(v);
      }
      String text = text(value);
      if (text == null) {
        return misfit(value, typeName, problems);
      }
      if (ColumnTypes.isText(kind)) {
        int max = ColumnTypes.maxLength(type);
        if (max != ColumnTypes.UNBOUNDED && text.codePointCount(0, text.length()) > max) {
          problems.error(
              value,
              "Cannot use '"
                  + text
                  + "' in a column of type "
                  + typeName
                  + ": "
                  + text.codePointCount(0, text.length())
                  + " characters, at most "
                  + max
                  + " allowed");
          return null;
        }
        PreparedText prepared = PreparedText.of(text);
        return out -> out.text(prepared);
      }
      switch (kind) {
        case ENUM:
          if (!enumLabels.contains(text)) {
            problems.error(
                value,
                "Cannot use '"
                    + text
                    + "' in a column of enum type "
                    + typeName
                    + ": not one of its labels "
                    + enumLabels
                    + DidYouMean.inlineSuggestion(text, enumLabels));
            return null;
          }
          PreparedText label = PreparedText.of(text);
          return out -> out.text(label);
        case DATE:
          int day = (int) LocalDate.parse(text.trim()).toEpochDay();
          return out -> out.date(day);
        case TIMESTAMP:
          long local = ChronoUnit.MICROS.between(EPOCH, parseDateTime(text, false));
          return out -> out.timestamp(local);
        case TIMESTAMPTZ:
          long utc = ChronoUnit.MICROS.between(EPOCH, parseDateTime(text, true));
          return out -> out.timestamptz(utc);
        case UUID:
          UUID uuid = UUID.fromString(text.trim());
          long msb = uuid.getMostSignificantBits();
          long lsb = uuid.getLeastSignificantBits();
          return out -> out.uuid(msb, lsb);
        case MONEY,
        TIME,
        TIMETZ,
        INTERVAL,
        JSON,
        JSONB,
        BYTEA,
        INET,
        CIDR,
        MACADDR,
        POINT,
        TSVECTOR,
        XML:
          return out ->
              out.text(text); // in PostgreSQL's input syntax as written; the server checks it
        default:
          problems.error(
              value,
              "Cannot use a fixed value in a column of type " + typeName + ": not supported yet");
          return null;
      }
    } catch (DateTimeParseException | IllegalArgumentException | ArithmeticException e) {
      return misfit(value, typeName, problems);
    }
  }

  /**
   * Parses {@code 2024-05-01}, {@code 2024-05-01 10:00[:00[.fff]]} or the ISO {@code T} form, with
   * an optional {@code Z}/offset. With {@code toUtc} the result is the UTC wall time of that
   * instant (a missing offset means UTC); without, the local part as written (as PostgreSQL reads a
   * {@code timestamp without time zone}).
   */
  static LocalDateTime parseDateTime(String text, boolean toUtc) {
    String t = text.trim().replace(' ', 'T');
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay();
    }
    if (t.endsWith("Z") || t.lastIndexOf('+') > 10 || t.lastIndexOf('-') > 10) {
      OffsetDateTime odt = OffsetDateTime.parse(t);
      return toUtc
          ? odt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()
          : odt.toLocalDateTime();
    }
    return LocalDateTime.parse(t);
  }

  private static Literal misfit(JsonValue value, String typeName, Problems problems) {
    problems.error(value, "Cannot use " + show(value) + " in a column of type " + typeName);
    return null;
  }

  static String show(JsonValue value) {
    if (value instanceof JsonString s) {
      return "'" + s.value() + "'";
    }
    if (value instanceof JsonNumber n) {
      return n.value().toPlainString();
    }
    if (value instanceof JsonBoolean b) {
      return Boolean.toString(b.value());
    }
    return "a JSON " + value.kindName();
  }

  static BigDecimal number(JsonValue value) {
    if (value instanceof JsonNumber n) {
      return n.value();
    }
    if (value instanceof JsonString s) {
      try {
        return new BigDecimal(s.value().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Boolean bool(JsonValue value) {
    if (value instanceof JsonBoolean b) {
      return b.value();
    }
    if (value instanceof JsonString s) {
      return switch (s.value().trim().toLowerCase(Locale.ROOT)) {
        case "true", "t", "yes", "y", "on", "1" -> Boolean.TRUE;
        case "false", "f", "no", "n", "off", "0" -> Boolean.FALSE;
        default -> null;
      };
    }
    return null;
  }

  private static String text(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.value();
    }
    if (value instanceof JsonNumber n) {
      return n.value().toPlainString();
    }
    if (value instanceof JsonBoolean b) {
      return Boolean.toString(b.value());
    }
    return null;
  }
}
