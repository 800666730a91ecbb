package io.datagen.job.generate.compile;

import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.BooleanValues;
import io.datagen.job.generate.values.ConstantValue;
import io.datagen.job.generate.values.DateRange;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.generate.values.IntegerRange;
import io.datagen.job.generate.values.LabelValues;
import io.datagen.job.generate.values.Literal;
import io.datagen.job.generate.values.TimestampRange;
import io.datagen.job.generate.values.UuidV4;
import io.datagen.job.generate.values.UuidV7;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The generators a column can name with {@code generator} in this version, each checked against its
 * config and the column's type. ({@code sequence} lives in {@link SequenceSources}.)
 */
final class ExplicitGenerators {
  static final List<String> SUPPORTED =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  "sequence",
                  "uuid",
                  "enum",
                  "weighted_enum",
                  "integer_range",
                  "decimal_range",
                  "boolean",
                  "constant",
                  "date_range",
                  "timestamp_range",
                  "json",
                  "pattern",
                  "template",
                  "timeseries"),
              FakeGenerators.NAMES.stream())
          .toList();
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private ExplicitGenerators() {}

  /** The source for a supported, non-sequence generator, or null after reporting problems. */
  static ValueSource source(
      String name, ColumnContext ctx, ConfigReader config, Problems problems) {
    return switch (name) {
      case "uuid" -> uuid(ctx, config, problems);
      case "enum" -> enumeration(ctx, config, problems);
      case "weighted_enum" -> weightedEnum(ctx, config, problems);
      case "integer_range" -> integerRange(ctx, config, problems);
      case "decimal_range" -> decimalRange(ctx, config, problems);
      case "boolean" -> bool(ctx, config, problems);
      case "constant" -> constant(ctx, config);
      case "date_range" -> dateRange(ctx, config, problems);
      case "timestamp_range" -> timestampRange(ctx, config, problems);
      case "email",
          "phone",
          "first_name",
          "last_name",
          "full_name",
          "username",
          "company",
          "address",
          "city",
          "state",
          "country",
          "country_code",
          "postal_code",
          "url",
          "ip",
          "mac",
          "credit_card",
          "iban",
          "job_title",
          "product_name",
          "color",
          "currency_code",
          "latitude",
          "longitude",
          "lorem_ipsum",
          "faker" ->
          FakeGenerators.source(name, ctx, config, problems);
      case "json" -> JsonGenerator.source(ctx, config, problems);
      case "pattern" -> PatternGenerators.regex(ctx, config, problems);
      case "template" -> Templates.generator(ctx, config, problems);
      case "timeseries" -> TimeSeriesGenerators.source(ctx, config, problems);
      default -> throw new IllegalArgumentException("Cannot build generator " + name);
    };
  }

  /** Reports that generator {@code name} cannot write a column of this type. */
  static void misfit(String name, ColumnContext ctx, Problems problems, String accepts) {
    problems.error(
        ctx.generatorPath(),
        "Generator '"
            + name
            + "' does not fit "
            + ctx.describe()
            + " of type "
            + ColumnTypes.describe(ctx.type())
            + ": it writes "
            + accepts);
  }

  private static ValueSource uuid(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("version");
    Long version = config.wholeNumber("version", 4L, 4, 7);
    if (version != null && version != 4 && version != 7) {
      config.error(
          config.get("version"),
          "Invalid 'version' of generator 'uuid': expected 4 or 7, got " + version);
      return null;
    }
    TypeKind kind = ctx.type().kind();
    int max = ColumnTypes.maxLength(ctx.type());
    if (kind != TypeKind.UUID
        && !(ColumnTypes.isText(kind) && (max == ColumnTypes.UNBOUNDED || max >= 36))) {
      misfit("uuid", ctx, problems, "UUIDs (a uuid column, or text of at least 36 characters)");
      return null;
    }
    if (version == null) {
      return null;
    }
    if (version == 7) {
      long oneYearAgo = ctx.referenceTime().toEpochMilli() - 365L * 86_400_000L;
      return new UuidV7(oneYearAgo);
    }
    return new UuidV4(ctx.columnKey());
  }

  private static ValueSource enumeration(
      ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("values");
    JsonValue values = config.require("values");
    JsonArray array = values == null ? null : config.array(values, "values");
    if (array == null) {
      return null;
    }
    List<Literal> literals = literals(array.elements(), ctx, problems);
    return literals == null ? null : new LabelValues(literals);
  }

  /**
   * Three shapes: {@code values: {v: w}}; {@code values: [...]} with {@code weights: [...]}; {@code
   * weights: {v: w}}. Weights are relative (percentages and probabilities both work).
   */
  private static ValueSource weightedEnum(
      ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("values", "weights");
    JsonValue values = config.get("values");
    JsonValue weights = config.get("weights");
    List<JsonValue> choices = new ArrayList<>();
    List<JsonValue> weightNodes = new ArrayList<>();
    if (values instanceof JsonObject map && weights == null) {
      split(map, choices, weightNodes);
    } else if (values == null && weights instanceof JsonObject map) {
      split(map, choices, weightNodes);
    } else if (values instanceof JsonArray list && weights instanceof JsonArray weightList) {
      if (list.elements().size() != weightList.elements().size()) {
        config.error(
            weightList,
            "Invalid 'weights' of generator 'weighted_enum': "
                + weightList.elements().size()
                + " weights for "
                + list.elements().size()
                + " values");
        return null;
      }
      choices.addAll(list.elements());
      weightNodes.addAll(weightList.elements());
    } else {
      config.error(
          values != null ? values : weights,
          "Invalid generator_config of generator 'weighted_enum': expected"
              + " values: {value: weight}, or values: [...] with weights: [...], or weights: {value: weight}");
      return null;
    }
    if (choices.isEmpty()) {
      config.error(
          values != null ? values : weights,
          "Invalid generator_config of generator 'weighted_enum': no values");
      return null;
    }
    double[] w = new double[weightNodes.size()];
    double total = 0;
    boolean ok = true;
    for (int i = 0; i < w.length; i++) {
      BigDecimal number = Literals.number(weightNodes.get(i));
      if (number == null || number.signum() < 0) {
        problems.error(
            weightNodes.get(i),
            "Invalid weight of generator 'weighted_enum': expected a number ≥ 0, got "
                + Literals.show(weightNodes.get(i)));
        ok = false;
      } else {
        w[i] = number.doubleValue();
        total += w[i];
      }
    }
    if (ok && !(total > 0)) {
      config.error(
          weights != null ? weights : values,
          "Invalid weights of generator 'weighted_enum': they sum to 0");
      ok = false;
    }
    List<Literal> literals = literals(choices, ctx, problems);
    return ok && literals != null
        ? new LabelValues(literals, w, ctx.rowCount(), Streams.derive(ctx.columnKey(), "strata"))
        : null;
  }

  private static void split(JsonObject map, List<JsonValue> choices, List<JsonValue> weights) {
    for (Map.Entry<String, JsonValue> entry : map.members().entrySet()) {
      JsonValue weight = entry.getValue();
      choices.add(new JsonString(weight.path(), weight.location(), entry.getKey()));
      weights.add(weight);
    }
  }

  private static List<Literal> literals(
      List<JsonValue> values, ColumnContext ctx, Problems problems) {
    List<Literal> literals = new ArrayList<>(values.size());
    int before = problems.size();
    for (JsonValue value : values) {
      literals.add(
          Literals.compile(value, ctx.type(), ctx.enumLabels(), ctx.column().nullable(), problems));
    }
    return problems.size() == before ? literals : null;
  }

  private static ValueSource constant(ColumnContext ctx, ConfigReader config) {
    config.allowOnly("value");
    JsonValue value = config.require("value");
    if (value == null) {
      return null;
    }
    Literal literal =
        Literals.compile(
            value, ctx.type(), ctx.enumLabels(), ctx.column().nullable(), problemsOf(config));
    return literal == null ? null : new ConstantValue(literal);
  }

  private static Problems problemsOf(ConfigReader config) {
    return config.problems();
  }

  private static ValueSource integerRange(
      ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("min", "max");
    BigDecimal min = config.number("min", true);
    BigDecimal max = config.number("max", true);
    if (min == null || max == null) {
      return null;
    }
    boolean ok = wholeInLong(config, "min", min) & wholeInLong(config, "max", max);
    if (!ok) {
      return null;
    }
    if (min.compareTo(max) > 0) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator 'integer_range': min "
              + min.toPlainString()
              + " > max "
              + max.toPlainString());
      return null;
    }
    TypeKind kind = ctx.type().kind();
    if (!ColumnTypes.isNumber(kind)) {
      misfit("integer_range", ctx, problems, "whole numbers");
      return null;
    }
    if (!ColumnTypes.isFloat(kind)) {
      for (String key : List.of("min", "max")) {
        BigDecimal bound = key.equals("min") ? min : max;
        if (!ColumnTypes.integerFits(ctx.type(), bound)) {
          config.error(
              config.get(key),
              "Invalid '"
                  + key
                  + "' of generator 'integer_range': "
                  + bound.toPlainString()
                  + " does not fit "
                  + ctx.describe()
                  + " of type "
                  + ColumnTypes.describe(ctx.type()));
          ok = false;
        }
      }
    }
    return ok ? new IntegerRange(min.longValueExact(), max.longValueExact()) : null;
  }

  private static boolean wholeInLong(ConfigReader config, String key, BigDecimal value) {
    try {
      if (value.stripTrailingZeros().scale() <= 0) {
        value.longValueExact();
        return true;
      }
    } catch (ArithmeticException e) {
      // reported below
    }
    config.error(
        config.get(key),
        "Invalid '"
            + key
            + "' of generator '"
            + config.generator()
            + "': expected a whole number within 64 bits, got "
            + value.toPlainString());
    return false;
  }

  private static ValueSource decimalRange(
      ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("min", "max", "scale");
    BigDecimal min = config.number("min", true);
    BigDecimal max = config.number("max", true);
    Long configScale = config.wholeNumber("scale", null, 0, 18);
    if (min == null || max == null || (config.has("scale") && configScale == null)) {
      return null;
    }
    if (min.compareTo(max) > 0) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator 'decimal_range': min "
              + min.toPlainString()
              + " > max "
              + max.toPlainString());
      return null;
    }
    PgType type = ctx.type();
    if (type.kind() != TypeKind.NUMERIC && !ColumnTypes.isFloat(type.kind())) {
      misfit("decimal_range", ctx, problems, "decimal numbers (numeric, real or double precision)");
      return null;
    }
    int scale = configScale != null ? configScale.intValue() : 2;
    if (type.kind() == TypeKind.NUMERIC && (type.scale() != null || type.precision() != null)) {
      int columnScale = type.scale() != null ? type.scale() : 0;
      scale = configScale != null ? Math.min(configScale.intValue(), columnScale) : columnScale;
    }
    long low;
    long high;
    try {
      low = min.setScale(scale, RoundingMode.CEILING).unscaledValue().longValueExact();
      high = max.setScale(scale, RoundingMode.FLOOR).unscaledValue().longValueExact();
    } catch (ArithmeticException e) {
      config.error(
          config.get("max"),
          "Invalid generator_config of generator 'decimal_range': ["
              + min.toPlainString()
              + ", "
              + max.toPlainString()
              + "] at scale "
              + scale
              + " needs more than 18 digits");
      return null;
    }
    if (low > high) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator 'decimal_range': no value with "
              + scale
              + " decimals lies in ["
              + min.toPlainString()
              + ", "
              + max.toPlainString()
              + "]");
      return null;
    }
    boolean ok = true;
    for (String key : List.of("min", "max")) {
      BigDecimal bound = BigDecimal.valueOf(key.equals("min") ? low : high, scale);
      if (!ColumnTypes.decimalFits(type, bound)) {
        config.error(
            config.get(key),
            "Invalid '"
                + key
                + "' of generator 'decimal_range': "
                + bound.toPlainString()
                + " does not fit "
                + ctx.describe()
                + " of type "
                + ColumnTypes.describe(type));
        ok = false;
      }
    }
    return ok ? new DecimalRange(low, high, scale) : null;
  }

  private static ValueSource bool(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("true_ratio");
    Double ratio = config.ratio("true_ratio", 0.5);
    if (ctx.type().kind() != TypeKind.BOOLEAN) {
      misfit("boolean", ctx, problems, "booleans");
      return null;
    }
    return ratio == null ? null : new BooleanValues(ratio);
  }

  private static ValueSource dateRange(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("start", "end");
    LocalDateTime start = dateTime(config, "start", ctx);
    LocalDateTime end = dateTime(config, "end", ctx);
    TypeKind kind = ctx.type().kind();
    if (kind != TypeKind.DATE && kind != TypeKind.TIMESTAMP && kind != TypeKind.TIMESTAMPTZ) {
      misfit("date_range", ctx, problems, "dates (date or timestamp columns)");
      return null;
    }
    if (start == null || end == null || !ordered(config, start, end)) {
      return null;
    }
    return new DateRange(
        (int) start.toLocalDate().toEpochDay(), (int) end.toLocalDate().toEpochDay());
  }

  private static ValueSource timestampRange(
      ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("start", "end");
    LocalDateTime start = dateTime(config, "start", ctx);
    LocalDateTime end = dateTime(config, "end", ctx);
    TypeKind kind = ctx.type().kind();
    if (kind != TypeKind.TIMESTAMP && kind != TypeKind.TIMESTAMPTZ) {
      misfit("timestamp_range", ctx, problems, "timestamps (timestamp or timestamptz columns)");
      return null;
    }
    if (start == null || end == null || !ordered(config, start, end)) {
      return null;
    }
    // Whole seconds unless the column states a precision: explicit ranges read best that way.
    long step = ctx.type().precision() == null ? 1_000_000 : TypeDefaults.step(ctx.type());
    long from = Math.floorDiv(ChronoUnit.MICROS.between(EPOCH, start) + step - 1, step) * step;
    long to = Math.floorDiv(ChronoUnit.MICROS.between(EPOCH, end), step) * step;
    if (from > to) {
      from = to = ChronoUnit.MICROS.between(EPOCH, start);
      step = 1;
    }
    return new TimestampRange(from, to, step, kind == TypeKind.TIMESTAMPTZ);
  }

  private static boolean ordered(ConfigReader config, LocalDateTime start, LocalDateTime end) {
    if (start.isAfter(end)) {
      config.error(
          config.get("start"),
          "Invalid generator_config of generator '"
              + config.generator()
              + "': start "
              + start
              + " is after end "
              + end);
      return false;
    }
    return true;
  }

  /**
   * A date or date-time string (RFC 3339 or {@code YYYY-MM-DD[ HH:MM:SS]}), or null after
   * reporting.
   */
  private static LocalDateTime dateTime(ConfigReader config, String key, ColumnContext ctx) {
    JsonString value = config.string(key, true);
    if (value == null) {
      return null;
    }
    try {
      LocalDateTime parsed =
          Literals.parseDateTime(value.value(), ctx.type().kind() == TypeKind.TIMESTAMPTZ);
      if (parsed.getYear() < 1 || parsed.getYear() > 9999) {
        throw new DateTimeParseException("year out of range", value.value(), 0);
      }
      return parsed;
    } catch (DateTimeParseException e) {
      config.error(
          value,
          "Invalid '"
              + key
              + "' of generator '"
              + config.generator()
              + "': expected a date like "
              + LocalDate.of(2024, 1, 31)
              + " or a timestamp like 2024-01-31T12:00:00Z, got '"
              + value.value()
              + "'");
      return null;
    }
  }
}
