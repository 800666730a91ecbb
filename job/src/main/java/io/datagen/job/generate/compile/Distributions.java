package io.datagen.job.generate.compile;

import io.datagen.job.generate.NumberBounds;
import io.datagen.job.generate.Sampler;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.distribution.ContinuousSamplers;
import io.datagen.job.generate.distribution.NumberTarget;
import io.datagen.job.generate.distribution.PoissonSampler;
import io.datagen.job.generate.distribution.SampledNumbers;
import io.datagen.job.generate.distribution.ZipfSampler;
import io.datagen.job.generate.values.LabelValues;
import io.datagen.job.generate.values.Literal;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The {@code distribution} objects: {@code weighted} (values of any type), and the numeric {@code
 * uniform}, {@code normal}, {@code zipf}, {@code poisson}, {@code exponential}, {@code lognormal},
 * rendered in the column's type within the bounds of the distribution, of the generator it shapes
 * and of the column's check constraints. Every setting is validated with its JSON path before any
 * work.
 */
final class Distributions {
  static final List<String> TYPES =
      List.of("weighted", "uniform", "normal", "zipf", "poisson", "exponential", "lognormal");
  static final String TYPE = "type";
  static final String MIN = "min";
  static final String MAX = "max";

  /** Support of a column-level Zipf without {@code max}: ranks 1..1000 from {@code min}. */
  static final long DEFAULT_ZIPF_SIZE = 1000;

  private Distributions() {}

  /**
   * A column's values from its distribution, or null after reporting.
   *
   * @param outer bounds the values must also respect: a shaped generator's min/max, check
   *     constraints
   */
  static ValueSource source(
      JsonObject spec, ColumnContext ctx, NumberBounds outer, Problems problems) {
    return source(spec, ctx, outer, null, problems);
  }

  /**
   * As above; numerics with at most {@code maxScale} decimals when given (decimal_range's {@code
   * scale}).
   */
  static ValueSource source(
      JsonObject spec, ColumnContext ctx, NumberBounds outer, Integer maxScale, Problems problems) {
    Settings settings = new Settings(spec, "distribution of " + ctx.describe(), problems);
    String type = type(settings);
    if (type == null) {
      return null;
    }
    if (type.equals("weighted")) {
      return weighted(settings, ctx);
    }
    if (!NumberTargets.fits(ctx.type())) {
      settings.error(
          settings.get(TYPE),
          "Distribution '"
              + type
              + "' does not fit "
              + ctx.describe()
              + " of type "
              + ColumnTypes.describe(ctx.type())
              + ": it gives numbers (only 'weighted' gives values of any type)");
      return null;
    }
    Numeric numeric =
        numeric(
            settings,
            type,
            outer,
            bounds -> NumberTargets.of(ctx.type(), bounds, maxScale),
            ColumnTypes.describe(ctx.type()));
    return numeric == null ? null : new SampledNumbers(numeric.sampler, numeric.target);
  }

  /**
   * How a foreign key picks parent ranks in [0, parentRows): a numeric distribution over the rank
   * (Zipf: rank 0 is the most frequent), or null after reporting.
   */
  static Numeric parentRanks(JsonObject spec, String what, long parentRows, Problems problems) {
    Settings settings = new Settings(spec, "distribution of " + what, problems);
    String type = type(settings);
    if (type == null) {
      return null;
    }
    if (type.equals("weighted")) {
      settings.error(
          settings.get(TYPE),
          "Distribution 'weighted' does not apply to "
              + what
              + ": it picks parent rows, use uniform, zipf, normal, poisson, exponential or lognormal");
      return null;
    }
    NumberBounds rows = NumberBounds.closed(BigDecimal.ZERO, BigDecimal.valueOf(parentRows - 1));
    return numeric(
        settings,
        type,
        rows,
        bounds -> NumberTargets.of(PgType.of(TypeKind.BIGINT), bounds),
        "parent row numbers 0.." + (parentRows - 1));
  }

  /** A sampler and the target it renders into. */
  record Numeric(Sampler sampler, NumberTarget target) {}

  private static String type(Settings settings) {
    JsonString node = settings.string(TYPE, true);
    if (node == null) {
      return null;
    }
    String type = node.value().trim().toLowerCase(Locale.ROOT);
    if (!TYPES.contains(type)) {
      settings.error(
          node,
          "Unknown distribution '"
              + node.value()
              + "' in the "
              + settings.what()
              + "; known: "
              + TYPES
              + DidYouMean.inlineSuggestion(type, TYPES));
      return null;
    }
    return type;
  }

  private static Numeric numeric(
      Settings s,
      String type,
      NumberBounds outer,
      Function<NumberBounds, NumberTarget> targetOf,
      String targetName) {
    boolean ok =
        switch (type) {
          case "uniform" -> s.allowOnly(TYPE, MIN, MAX);
          case "normal" -> s.allowOnly(TYPE, "mean", "std_dev", MIN, MAX);
          case "zipf" -> s.allowOnly(TYPE, "alpha", MIN, MAX);
          case "poisson" -> s.allowOnly(TYPE, "mean", "lambda", MIN, MAX);
          case "exponential" -> s.allowOnly(TYPE, "rate", "lambda", "mean", MIN, MAX);
          default -> s.allowOnly(TYPE, "mu", "sigma", "mean", "std_dev", MIN, MAX);
        };
    BigDecimal min = s.number(false, MIN);
    BigDecimal max = s.number(false, MAX);
    if ((s.has(MIN) && min == null) || (s.has(MAX) && max == null)) {
      return null;
    }
    if (min != null && max != null && min.compareTo(max) > 0) {
      s.error(
          s.get(MIN),
          "Invalid " + s.what() + ": min " + min.toPlainString() + " > max " + max.toPlainString());
      return null;
    }
    if (type.equals("zipf")) {
      if (min == null) {
        min = outer.low() != null ? outer.low() : BigDecimal.ONE;
      }
      if (max == null) {
        max =
            outer.high() != null
                ? outer.high()
                : min.add(BigDecimal.valueOf(DEFAULT_ZIPF_SIZE - 1));
      }
      if (min.stripTrailingZeros().scale() > 0 || max.stripTrailingZeros().scale() > 0) {
        s.error(
            s.get(MIN) != null ? s.get(MIN) : s.get(MAX),
            "Invalid " + s.what() + ": a Zipf distribution takes whole min and max (ranks)");
        return null;
      }
    }
    if (type.equals("uniform")
        && (min == null && outer.low() == null || max == null && outer.high() == null)) {
      s.missing(min == null && outer.low() == null ? MIN : MAX);
      return null;
    }
    if (type.equals("lognormal") && min != null && min.signum() < 0) {
      s.error(
          s.get(MIN),
          "Invalid "
              + s.what()
              + ": a lognormal distribution has no negative values, min "
              + min.toPlainString());
      return null;
    }
    NumberBounds bounds = new NumberBounds(min, false, max, false).intersect(outer);
    NumberTarget target = targetOf.apply(bounds);
    if (target == null) {
      s.error(
          s.get(TYPE),
          "Invalid " + s.what() + ": no value of " + targetName + " lies in " + bounds.describe());
      return null;
    }
    if (!ok) {
      return null;
    }
    Sampler sampler = sampler(s, type, target);
    return sampler == null ? null : new Numeric(sampler, target);
  }

  /**
   * The sampler, truncated to the target's range widened by half a unit so rounding lands inside.
   */
  private static Sampler sampler(Settings s, String type, NumberTarget target) {
    double half = target.resolution() / 2;
    double low = target.low() - half;
    double high = target.high() + half;
    switch (type) {
      case "uniform":
        return ContinuousSamplers.uniform(low, Math.nextDown(high));
      case "normal":
        {
          BigDecimal mean = s.number(true, "mean");
          BigDecimal stdDev = s.positive(true, false, "std_dev");
          return mean == null || stdDev == null
              ? null
              : ContinuousSamplers.normal(mean.doubleValue(), stdDev.doubleValue(), low, high);
        }
      case "zipf":
        {
          BigDecimal alpha = s.positive(true, false, "alpha");
          if (alpha == null) {
            return null;
          }
          long first = (long) Math.ceil(target.low());
          long last = (long) Math.floor(target.high());
          ZipfSampler zipf = new ZipfSampler(last - first + 1, alpha.doubleValue());
          return (rng, row) -> first + zipf.rank(rng, row) - 1;
        }
      case "poisson":
        {
          BigDecimal mean = s.positive(true, false, "mean", "lambda");
          if (mean == null) {
            return null;
          }
          if (mean.doubleValue() > PoissonSampler.MAX_MEAN) {
            s.error(
                s.alias("mean", "lambda"),
                "Invalid "
                    + s.what()
                    + ": a Poisson mean above "
                    + (long) PoissonSampler.MAX_MEAN
                    + " is not supported; use a normal distribution");
            return null;
          }
          return new PoissonSampler(mean.doubleValue());
        }
      case "exponential":
        {
          JsonValue meanNode = s.get("mean");
          BigDecimal rate =
              meanNode != null && !s.has("rate") && !s.has("lambda")
                  ? null
                  : s.positive(true, false, "rate", "lambda");
          BigDecimal mean =
              meanNode != null && rate == null ? s.positive(true, false, "mean") : null;
          if (rate == null && mean == null) {
            return null;
          }
          double r = rate != null ? rate.doubleValue() : 1.0 / mean.doubleValue();
          double from = Math.max(low, s.has(MIN) ? target.low() : Math.max(0, low));
          return ContinuousSamplers.exponential(r, from, Math.max(from, high));
        }
      default:
        {
          BigDecimal mu = s.number(false, "mu", "mean");
          BigDecimal sigma = s.positive(false, false, "sigma", "std_dev");
          if ((mu == null && (s.has("mu") || s.has("mean")))
              || (sigma == null && (s.has("sigma") || s.has("std_dev")))) {
            return null;
          }
          return ContinuousSamplers.lognormal(
              mu == null ? 0 : mu.doubleValue(),
              sigma == null ? 1 : sigma.doubleValue(),
              Math.max(0, low),
              Math.max(0, high));
        }
    }
  }

  /**
   * {@code weights: {v: w}}, {@code values: {v: w}} or {@code values: [...]} with {@code weights:
   * [...]}.
   */
  private static ValueSource weighted(Settings s, ColumnContext ctx) {
    s.allowOnly(TYPE, "weights", "values");
    JsonValue values = s.get("values");
    JsonValue weights = s.get("weights");
    List<JsonValue> choices = new ArrayList<>();
    List<JsonValue> weightNodes = new ArrayList<>();
    if (weights instanceof JsonObject map && values == null
        || values instanceof JsonObject && weights == null) {
      JsonObject map = (JsonObject) (weights != null ? weights : values);
      for (var entry : map.members().entrySet()) {
        JsonValue weight = entry.getValue();
        choices.add(new JsonString(weight.path(), weight.location(), entry.getKey()));
        weightNodes.add(weight);
      }
    } else if (values instanceof JsonArray list
        && weights instanceof JsonArray weightList
        && list.elements().size() == weightList.elements().size()) {
      choices.addAll(list.elements());
      weightNodes.addAll(weightList.elements());
    } else {
      s.error(
          weights != null ? weights : values,
          "Invalid "
              + s.what()
              + ": a weighted distribution takes"
              + " weights: {value: weight}, or values: [...] with as many weights: [...]");
      return null;
    }
    return weightedValues(
        s.problems(), s.what(), weights != null ? weights : values, choices, weightNodes, ctx);
  }

  /**
   * Shared by the weighted shapes: weights ≥ 0 with a positive sum, values converted to the column
   * type.
   */
  static ValueSource weightedValues(
      Problems problems,
      String what,
      JsonValue at,
      List<JsonValue> choices,
      List<JsonValue> weightNodes,
      ColumnContext ctx) {
    if (choices.isEmpty()) {
      problems.error(at, "Invalid " + what + ": no values to choose from");
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
            "Invalid weight in the "
                + what
                + ": expected a number ≥ 0, got "
                + Literals.show(weightNodes.get(i)));
        ok = false;
      } else {
        w[i] = number.doubleValue();
        total += w[i];
      }
    }
    if (ok && !(total > 0)) {
      problems.error(at, "Invalid " + what + ": the weights sum to 0");
      ok = false;
    }
    List<Literal> literals = new ArrayList<>();
    int before = problems.size();
    for (JsonValue choice : choices) {
      literals.add(
          Literals.compile(
              choice, ctx.type(), ctx.enumLabels(), ctx.column().nullable(), problems));
    }
    return ok && problems.size() == before
        ? new LabelValues(literals, w, ctx.rowCount(), Streams.derive(ctx.columnKey(), "strata"))
        : null;
  }
}
