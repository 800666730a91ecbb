package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.TimeSeries;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code timeseries} generator: {@code start}, {@code end} (RFC 3339 or dates; a missing end is
 * the reference time, a missing start one year before the end), {@code interval} ({@code 30s},
 * {@code 5m}, {@code 1h}, {@code 1d}, also {@code ms} and {@code w}; default one second), {@code
 * pattern} ({@code uniform}, {@code business_hours}, {@code daily_peak}) and {@code peak_hours}
 * (hours of day as numbers or {@code "HH:MM"}; default 12 and 19).
 */
final class TimeSeriesGenerators {
  static final List<String> SHAPES = List.of("uniform", "business_hours", "daily_peak");
  static final long DEFAULT_SPAN_DAYS = 365;
  static final long[] DEFAULT_PEAKS = {
    12 * TimeSeries.MICROS_PER_HOUR, 19 * TimeSeries.MICROS_PER_HOUR
  };
  private static final Pattern INTERVAL = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d|w)");
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private TimeSeriesGenerators() {}

  static ValueSource source(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("start", "end", "interval", "pattern", "peak_hours");
    TypeKind kind = ctx.type().kind();
    TimeSeries.Output output =
        switch (kind) {
          case TIMESTAMP -> TimeSeries.Output.TIMESTAMP;
          case TIMESTAMPTZ -> TimeSeries.Output.TIMESTAMPTZ;
          case DATE -> TimeSeries.Output.DATE;
          default -> null;
        };
    if (output == null) {
      ExplicitGenerators.misfit(
          "timeseries", ctx, problems, "timestamps (timestamp, timestamptz or date columns)");
      return null;
    }
    Long start = micros(config, "start");
    Long end = micros(config, "end");
    Long step = interval(config);
    TimeSeries.Shape shape = shape(config);
    long[] peaks = peaks(config, shape);
    if ((config.has("start") && start == null)
        || (config.has("end") && end == null)
        || step == null
        || shape == null
        || peaks == null) {
      return null;
    }
    long span = DEFAULT_SPAN_DAYS * TimeSeries.MICROS_PER_DAY;
    if (end == null) {
      end = start == null || start <= ctx.referenceMicros() ? ctx.referenceMicros() : start + span;
    }
    if (start == null) {
      start = end - span;
    }
    if (start > end) {
      config.error(
          config.get("start"),
          "Invalid generator_config of generator 'timeseries': start is after end");
      return null;
    }
    if (shape != TimeSeries.Shape.UNIFORM && TimeSeries.MICROS_PER_DAY % step != 0) {
      config.error(
          config.get("interval"),
          "Invalid 'interval' of generator 'timeseries': the "
              + shape.name().toLowerCase(Locale.ROOT)
              + " pattern needs an interval that divides a day (e.g. 30s, 5m, 1h, 1d)");
      return null;
    }
    TimeSeries series =
        new TimeSeries(shape, output, Math.max(1, ctx.rowCount()), start, end, step, peaks);
    if (shape == TimeSeries.Shape.BUSINESS_HOURS && series.businessSlots() == 0) {
      config.error(
          config.get("pattern"),
          "Invalid generator_config of generator 'timeseries': no point of the"
              + " interval grid between start and end falls on a weekday between 09:00 and 17:00");
      return null;
    }
    return series;
  }

  private static Long micros(ConfigReader config, String key) {
    JsonString value = config.string(key, false);
    if (value == null) {
      return null;
    }
    try {
      return ChronoUnit.MICROS.between(EPOCH, Literals.parseDateTime(value.value(), true));
    } catch (DateTimeParseException e) {
      config.error(
          value,
          "Invalid '"
              + key
              + "' of generator 'timeseries': expected a timestamp like"
              + " 2024-01-31T12:00:00Z or a date like 2024-01-31, got '"
              + value.value()
              + "'");
      return null;
    }
  }

  private static Long interval(ConfigReader config) {
    JsonString value = config.string("interval", false);
    if (value == null) {
      return config.has("interval") ? null : 1_000_000L;
    }
    Matcher m = INTERVAL.matcher(value.value().trim().toLowerCase(Locale.ROOT));
    long amount = m.matches() ? Long.parseLong(m.group(1)) : 0;
    if (amount <= 0) {
      config.error(
          value,
          "Invalid 'interval' of generator 'timeseries': expected a positive amount with a unit,"
              + " e.g. 30s, 5m, 1h, 1d, got '"
              + value.value()
              + "'");
      return null;
    }
    long unit =
        switch (m.group(2)) {
          case "ms" -> 1_000L;
          case "s" -> 1_000_000L;
          case "m" -> 60_000_000L;
          case "h" -> TimeSeries.MICROS_PER_HOUR;
          case "d" -> TimeSeries.MICROS_PER_DAY;
          default -> 7 * TimeSeries.MICROS_PER_DAY;
        };
    return amount * unit;
  }

  private static TimeSeries.Shape shape(ConfigReader config) {
    JsonString value = config.string("pattern", false);
    if (value == null) {
      return config.has("pattern") ? null : TimeSeries.Shape.UNIFORM;
    }
    String name = value.value().trim().toLowerCase(Locale.ROOT);
    if (!SHAPES.contains(name)) {
      config.error(
          value,
          "Invalid 'pattern' of generator 'timeseries': '"
              + value.value()
              + "' is not one of "
              + SHAPES
              + DidYouMean.inlineSuggestion(name, SHAPES));
      return null;
    }
    return TimeSeries.Shape.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static long[] peaks(ConfigReader config, TimeSeries.Shape shape) {
    JsonValue value = config.get("peak_hours");
    if (value == null) {
      return DEFAULT_PEAKS;
    }
    if (shape != TimeSeries.Shape.DAILY_PEAK && shape != null) {
      config.error(
          value,
          "Invalid 'peak_hours' of generator 'timeseries': it only applies to pattern daily_peak");
      return null;
    }
    List<JsonValue> hours = value instanceof JsonArray array ? array.elements() : List.of(value);
    long[] peaks = new long[hours.size()];
    for (int i = 0; i < peaks.length; i++) {
      JsonValue hour = hours.get(i);
      Matcher clock = hour instanceof JsonString s ? CLOCK.matcher(s.value().trim()) : null;
      BigDecimal number = clock == null ? Literals.number(hour) : null;
      if (clock != null
          && clock.matches()
          && Integer.parseInt(clock.group(1)) < 24
          && Integer.parseInt(clock.group(2)) < 60) {
        peaks[i] =
            Integer.parseInt(clock.group(1)) * TimeSeries.MICROS_PER_HOUR
                + Integer.parseInt(clock.group(2)) * 60_000_000L;
      } else if (number != null
          && number.signum() >= 0
          && number.compareTo(BigDecimal.valueOf(24)) < 0) {
        peaks[i] = (long) (number.doubleValue() * TimeSeries.MICROS_PER_HOUR);
      } else {
        config.error(
            hour,
            "Invalid 'peak_hours' of generator 'timeseries': expected hours of the day (0 ≤ h < 24)"
                + " as numbers or \"HH:MM\", got "
                + Literals.show(hour));
        return null;
      }
    }
    if (peaks.length == 0) {
      config.error(value, "Invalid 'peak_hours' of generator 'timeseries': no hours given");
      return null;
    }
    return peaks;
  }
}
