package io.datagen.job.generate.compile;

import io.datagen.job.generate.NumberBounds;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueCapture;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.distribution.ContinuousSamplers;
import io.datagen.job.generate.distribution.NumberTarget;
import io.datagen.job.generate.distribution.SampledNumbers;
import io.datagen.job.generate.values.DecimalRange;
import io.datagen.job.generate.values.IntegerRange;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.sink.ValueSink;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The column keys beyond {@code generator}: {@code distribution} (alone, or shaping an {@code
 * integer_range}/{@code decimal_range}, also given inside its generator_config), the column-level
 * {@code pattern} template, and the narrowing of numeric sources by check constraints. {@link
 * TablePlan} asks here first; a null answer means "choose as usual".
 */
final class ColumnFeatures {
  static final String DISTRIBUTION = "distribution";
  private static final List<String> SHAPED_RANGES = List.of("integer_range", "decimal_range");

  private ColumnFeatures() {}

  /** The decision for one column: its source (null after a reported problem). */
  record Choice(ValueSource source) {}

  /** The column's source when one of these features decides it, else null. */
  static Choice choose(ColumnContext ctx, ColumnChecks checks, Problems problems) {
    ColumnSpec column = ctx.column();
    String generator =
        column.generator() == null ? null : column.generator().trim().toLowerCase(Locale.ROOT);
    JsonObject config = column.generatorConfig();
    boolean configDistribution = config != null && config.has(DISTRIBUTION);
    if (generator != null
        && SHAPED_RANGES.contains(generator)
        && (column.distribution() != null || configDistribution || !checks.bounds().unbounded())) {
      return new Choice(
          shapedRange(
              generator,
              config,
              ctx.column().path(),
              ctx,
              checks,
              column.distribution(),
              problems));
    }
    if (generator != null && column.distribution() != null) {
      problems.error(
          column.distribution(),
          "Column-level 'distribution' of "
              + ctx.describe()
              + " cannot shape generator '"
              + column.generator()
              + "': use it alone or with integer_range / decimal_range");
      return new Choice(null);
    }
    if (column.pattern() != null && generator == null) {
      if (column.distribution() != null) {
        problems.error(
            column.distribution(),
            "Cannot use both 'pattern' and 'distribution' on " + ctx.describe());
        return new Choice(null);
      }
      return new Choice(Templates.columnPattern(ctx, problems));
    }
    if (column.pattern() != null && !generator.equals(PatternGenerators.PATTERN)) {
      problems.warning(
          column.pattern(),
          "Column-level 'pattern' of "
              + ctx.describe()
              + " is ignored: the column"
              + " names generator '"
              + column.generator()
              + "'");
    }
    if (generator == null && column.distribution() != null) {
      return new Choice(
          Distributions.source(column.distribution(), ctx, checks.bounds(), problems));
    }
    if (generator == null && column.distribution() == null && checks.allowed() != null) {
      return new Choice(allowedValues(ctx, checks, problems));
    }
    if (generator == null
        && !checks.bounds().unbounded()
        && NumberTargets.fits(ctx.type())
        && !ctx.type().serial()
        && SequenceSources.fromDefault(ctx) == null) {
      return new Choice(narrowedDefault(ctx, checks, problems));
    }
    return null;
  }

  /** The context with a text type narrowed to {@code length(col) <= n} of the checks. */
  static ColumnContext narrowed(ColumnContext ctx, ColumnChecks checks) {
    if (checks.maxLength() < 0 || !ColumnTypes.isText(ctx.type().kind())) {
      return ctx;
    }
    int max = ColumnTypes.maxLength(ctx.type());
    if (max != ColumnTypes.UNBOUNDED && max <= checks.maxLength()) {
      return ctx;
    }
    PgType type =
        new PgType(
            ctx.type().kind() == TypeKind.CHAR ? TypeKind.CHAR : TypeKind.VARCHAR,
            null,
            Math.max(1, checks.maxLength()),
            null,
            null,
            0,
            false);
    return new ColumnContext(
        ctx.schema(),
        ctx.table(),
        ctx.column(),
        ctx.columnIndex(),
        type,
        ctx.enumLabels(),
        ctx.seed(),
        ctx.referenceTime(),
        ctx.inKey());
  }

  /**
   * {@code col IN (…)} / {@code col = k} with an explicit generator: its values must all be
   * allowed. Checked exhaustively when the source enumerates at most {@value #VERIFIABLE} values;
   * else a warning.
   */
  static void verifyAllowed(
      ColumnContext ctx, ColumnChecks checks, ValueSource source, Problems problems) {
    if (checks.allowed() == null || source == null || source instanceof AllowedValues) {
      return;
    }
    List<ValueCapture> allowed = allowedCaptures(ctx, checks, new Problems());
    long size = source.domainSize();
    if (size <= 0 || size > VERIFIABLE || source.rowInjective()) {
      problems.warning(
          ctx.column().path(),
          io.datagen.job.json.SourceLocation.UNKNOWN,
          "The check constraint"
              + " listing the allowed values of "
              + ctx.describe()
              + " cannot be verified for its generator; rows that"
              + " violate it would make the restore fail");
      return;
    }
    ValueCapture value = new ValueCapture();
    for (long i = 0; i < size; i++) {
      source.emit(i, value);
      if (allowed.stream().noneMatch(value::sameAs)) {
        problems.error(
            ctx.column().path(),
            "Cannot generate "
                + ctx.describe()
                + ": its generator gives values"
                + " that its check constraint does not allow (allowed: "
                + checks.allowed().stream().map(Literals::show).toList()
                + ")");
        return;
      }
    }
  }

  static final long VERIFIABLE = 10_000;

  private static List<ValueCapture> allowedCaptures(
      ColumnContext ctx, ColumnChecks checks, Problems problems) {
    List<ValueCapture> captures = new java.util.ArrayList<>();
    for (JsonValue v : checks.allowed()) {
      var literal = Literals.compile(v, ctx.type(), ctx.enumLabels(), true, problems);
      if (literal != null) {
        ValueCapture capture = new ValueCapture();
        literal.emit(capture);
        captures.add(capture);
      }
    }
    return captures;
  }

  /** The values a check allows, as a uniform choice (what a column without generator gets). */
  private static final class AllowedValues extends ValueSource {
    private final ValueSource labels;

    AllowedValues(ValueSource labels) {
      this.labels = labels;
    }

    @Override
    public void random(RandomSource rng, long row, ValueSink out) {
      labels.random(rng, row, out);
    }

    @Override
    public long domainSize() {
      return labels.domainSize();
    }

    @Override
    public void emit(long index, ValueSink out) {
      labels.emit(index, out);
    }
  }

  private static ValueSource allowedValues(
      ColumnContext ctx, ColumnChecks checks, Problems problems) {
    List<io.datagen.job.generate.values.Literal> literals = new java.util.ArrayList<>();
    for (JsonValue v : checks.allowed()) {
      var literal = Literals.compile(v, ctx.type(), ctx.enumLabels(), false, new Problems());
      if (literal != null && NumberTargets.fits(ctx.type())) {
        // numbers must also respect the numeric bounds of the other checks
        ValueCapture capture = new ValueCapture();
        literal.emit(capture);
        BigDecimal n = BigDecimal.valueOf(capture.number());
        NumberBounds b = checks.bounds();
        if ((b.low() != null
                && (n.compareTo(b.low()) < 0 || b.lowStrict() && n.compareTo(b.low()) == 0))
            || (b.high() != null
                && (n.compareTo(b.high()) > 0 || b.highStrict() && n.compareTo(b.high()) == 0))) {
          continue;
        }
      }
      if (literal != null) {
        literals.add(literal);
      }
    }
    if (literals.isEmpty()) {
      problems.error(
          ctx.column().path(),
          "Cannot generate "
              + ctx.describe()
              + ": none of the values its check"
              + " constraints allow "
              + checks.allowed().stream().map(Literals::show).toList()
              + " fits type "
              + ColumnTypes.describe(ctx.type()));
      return null;
    }
    return new AllowedValues(new io.datagen.job.generate.values.LabelValues(literals));
  }

  /** integer_range / decimal_range whose values a distribution shapes or checks narrow. */
  /**
   * An {@code integer_range} / {@code decimal_range} shaped by a distribution and narrowed by
   * checks.
   */
  static boolean isShapedRange(String generator) {
    return SHAPED_RANGES.contains(generator);
  }

  /**
   * @param configObject the generator's config (a column's generator_config, or a rule branch's
   *     config)
   * @param path JSON path of the config's owner, for messages
   * @param columnDistribution a column-level distribution that also shapes it, or null
   */
  static ValueSource shapedRange(
      String generator,
      JsonObject configObject,
      String path,
      ColumnContext ctx,
      ColumnChecks checks,
      JsonObject columnDistribution,
      Problems problems) {
    ConfigReader config = new ConfigReader(generator, configObject, path, problems);
    boolean decimal = generator.equals("decimal_range");
    if (decimal) {
      config.allowOnly("min", "max", "scale", DISTRIBUTION);
    } else {
      config.allowOnly("min", "max", DISTRIBUTION);
    }
    BigDecimal min = config.number("min", true);
    BigDecimal max = config.number("max", true);
    Long scale = decimal ? config.wholeNumber("scale", null, 0, 18) : Long.valueOf(0);
    JsonValue inner = config.get(DISTRIBUTION);
    if (inner != null && !(inner instanceof JsonObject)) {
      config.error(
          inner,
          "Invalid 'distribution' of generator '"
              + generator
              + "': expected an object such as"
              + " {\"type\": \"normal\", \"mean\": 50, \"std_dev\": 10}");
      return null;
    }
    if (inner != null && columnDistribution != null) {
      config.error(
          inner,
          "Cannot use both a column-level 'distribution' and one in the generator_config of "
              + ctx.describe());
      return null;
    }
    if (min == null || max == null || (decimal && config.has("scale") && scale == null)) {
      return null;
    }
    if (min.compareTo(max) > 0) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator '"
              + generator
              + "': min "
              + min.toPlainString()
              + " > max "
              + max.toPlainString());
      return null;
    }
    if (!NumberTargets.fits(ctx.type())) {
      ExplicitGenerators.misfit(
          generator, ctx, problems, decimal ? "decimal numbers" : "whole numbers");
      return null;
    }
    if (!decimal
        && (min.stripTrailingZeros().scale() > 0 || max.stripTrailingZeros().scale() > 0)) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator 'integer_range': min and max must be"
              + " whole numbers, got ["
              + min.toPlainString()
              + ", "
              + max.toPlainString()
              + "]");
      return null;
    }
    Integer maxScale =
        decimal ? Integer.valueOf(scale == null ? 2 : scale.intValue()) : Integer.valueOf(0);
    if (decimal
        && scale == null
        && ctx.type().kind() == TypeKind.NUMERIC
        && ctx.type().precision() != null) {
      maxScale = null; // the column's own scale, as decimal_range does
    }
    NumberBounds bounds = NumberBounds.closed(min, max).intersect(checks.bounds());
    JsonObject shape = inner != null ? (JsonObject) inner : columnDistribution;
    if (shape != null) {
      return Distributions.source(shape, ctx, bounds, maxScale, problems);
    }
    NumberTarget target = NumberTargets.of(ctx.type(), bounds, maxScale);
    if (target == null) {
      config.error(
          config.get("min"),
          "Invalid generator_config of generator '"
              + generator
              + "': no value of "
              + ctx.describe()
              + " lies in ["
              + min.toPlainString()
              + ", "
              + max.toPlainString()
              + "] and satisfies its check constraints "
              + checks.bounds().describe());
      return null;
    }
    return uniform(target);
  }

  /**
   * A number column without generator whose checks bound it: the type's default window, moved
   * inside the bounds.
   */
  private static ValueSource narrowedDefault(
      ColumnContext ctx, ColumnChecks checks, Problems problems) {
    TypeKind kind = ctx.type().kind();
    BigDecimal low = kind.isInteger() ? BigDecimal.ONE : BigDecimal.ZERO;
    long span =
        switch (kind) {
          case SMALLINT -> 1_000;
          case INTEGER -> 1_000_000;
          case BIGINT -> 1_000_000_000;
          case NUMERIC -> TypeDefaults.NUMERIC_INTEGER_LIMIT;
          default -> 1_000;
        };
    if (ctx.inKey() && kind.isInteger()) {
      span = Math.max(span, Math.min(ctx.rowCount(), Long.MAX_VALUE / 10) * 10);
    }
    NumberBounds limits = checks.bounds();
    NumberBounds window = NumberBounds.closed(low, low.add(BigDecimal.valueOf(span)));
    if (NumberTargets.of(ctx.type(), window.intersect(limits)) == null) {
      // No overlap: the same width, starting at the checks' lower end (or ending at their upper
      // end).
      window =
          limits.low() != null
              ? NumberBounds.closed(limits.low(), limits.low().add(BigDecimal.valueOf(span)))
              : NumberBounds.closed(
                  limits.high().subtract(BigDecimal.valueOf(span)), limits.high());
    }
    NumberTarget target = NumberTargets.of(ctx.type(), window.intersect(limits));
    if (target == null) {
      problems.error(
          ctx.column().path(),
          "Cannot generate "
              + ctx.describe()
              + ": no value of type "
              + ColumnTypes.describe(ctx.type())
              + " satisfies its check constraints "
              + limits.describe());
      return null;
    }
    return uniform(target);
  }

  /** Uniform values of a target; enumerable (usable in unique keys) for integers and numerics. */
  static ValueSource uniform(NumberTarget target) {
    if (target.floating()) {
      return new SampledNumbers(ContinuousSamplers.uniform(target.low(), target.high()), target);
    }
    if (target.numeric()) {
      return new DecimalRange(target.lowUnscaled(), target.highUnscaled(), target.scale());
    }
    return new IntegerRange(target.lowUnscaled(), target.highUnscaled());
  }
}
