package io.datagen.job.generate.compile;

import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.generate.NumberBounds;
import io.datagen.job.generate.RandomColumnGenerator;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.RuleColumnGenerator;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueCapture;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.ConstantValue;
import io.datagen.job.generate.values.DateRange;
import io.datagen.job.generate.values.Literal;
import io.datagen.job.generate.values.TimestampRange;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The column-level {@code rules}: {@code [{if: {column: value, …}, then: …, else?: …}]}. A
 * condition holds when the other column's value in the same row equals the given value (any of
 * them, for an array; {@code null} tests for NULL); all conditions of an {@code if} must hold. A
 * branch is {@code {value}}, {@code {min, max}}, {@code {generator, config}} or {@code
 * {distribution}}. Everything is checked here, with JSON paths, before any work.
 */
final class Rules {
  private static final List<String> BRANCH_KEYS =
      List.of("value", "min", "max", "generator", "config", "generator_config", "distribution");
  private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

  private Rules() {}

  /** A rule ready to run: the tested columns, their accepted values, and the branch sources. */
  record Compiled(
      int[] columns, List<List<Literal>> accepted, ValueSource then, ValueSource otherwise) {}

  /** The compiled rules of a column (null after reporting a problem) and the columns they read. */
  record ColumnRules(List<Compiled> rules, Set<Integer> reads, String path) {}

  static ColumnRules compile(ColumnContext ctx, ColumnChecks checks, Problems problems) {
    JsonArray array = ctx.column().rules();
    if (ctx.inKey()) {
      problems.error(
          array,
          "Cannot apply rules to "
              + ctx.describe()
              + ": it is part of a primary key or unique"
              + " constraint, whose values must be planned for uniqueness");
      return null;
    }
    int before = problems.size();
    List<Compiled> rules = new ArrayList<>();
    Set<Integer> reads = new LinkedHashSet<>();
    for (int r = 0; r < array.elements().size(); r++) {
      if (!(array.elements().get(r) instanceof JsonObject rule)) {
        continue; // reported by the schema parser
      }
      JsonValue condition = rule.members().get("if");
      JsonValue then = rule.members().get("then");
      JsonValue otherwise = rule.members().get("else");
      if (!(condition instanceof JsonObject test)
          || !(then instanceof JsonObject thenBranch)
          || (otherwise != null && !(otherwise instanceof JsonObject))) {
        continue; // reported by the schema parser
      }
      int[] columns = new int[test.members().size()];
      List<List<Literal>> accepted = new ArrayList<>();
      int c = 0;
      for (var entry : test.members().entrySet()) {
        columns[c++] = condition(ctx, entry.getKey(), entry.getValue(), accepted, problems);
      }
      if (test.members().isEmpty()) {
        problems.error(test, "Invalid rule of " + ctx.describe() + ": 'if' names no column");
      }
      ValueSource thenSource = branch(ctx, checks, (JsonObject) then, "then", problems);
      ValueSource elseSource =
          otherwise == null ? null : branch(ctx, checks, (JsonObject) otherwise, "else", problems);
      for (int column : columns) {
        if (column >= 0) {
          reads.add(column);
        }
      }
      rules.add(new Compiled(columns, accepted, thenSource, elseSource));
    }
    return problems.size() == before ? new ColumnRules(rules, reads, array.path()) : null;
  }

  /** The generator applying {@code rules} over the column's own generator {@code base}. */
  static ColumnGenerator generator(
      ColumnRules rules,
      ColumnGenerator base,
      IntFunction<ColumnGenerator> columns,
      long columnKey) {
    List<RuleColumnGenerator.Rule> compiled = new ArrayList<>();
    for (int r = 0; r < rules.rules().size(); r++) {
      Compiled rule = rules.rules().get(r);
      RuleColumnGenerator.Condition[] conditions =
          new RuleColumnGenerator.Condition[rule.columns().length];
      for (int c = 0; c < conditions.length; c++) {
        List<Literal> literals = rule.accepted().get(c);
        ValueCapture[] captures = new ValueCapture[literals.size()];
        for (int v = 0; v < captures.length; v++) {
          captures[v] = new ValueCapture();
          literals.get(v).emit(captures[v]);
        }
        conditions[c] =
            new RuleColumnGenerator.Condition(columns.apply(rule.columns()[c]), captures);
      }
      ColumnGenerator then =
          new RandomColumnGenerator(
              rule.then(), new RandomSource(Streams.derive(columnKey, "rule" + r + ".then")));
      ColumnGenerator otherwise =
          rule.otherwise() == null
              ? null
              : new RandomColumnGenerator(
                  rule.otherwise(),
                  new RandomSource(Streams.derive(columnKey, "rule" + r + ".else")));
      compiled.add(new RuleColumnGenerator.Rule(conditions, then, otherwise));
    }
    return new RuleColumnGenerator(base, compiled);
  }

  /** Resolves one {@code column: value} test; returns the column index (−1 after reporting). */
  private static int condition(
      ColumnContext ctx,
      String name,
      JsonValue value,
      List<List<Literal>> accepted,
      Problems problems) {
    TableSpec table = ctx.table();
    int index = table.columnIndex(name);
    List<Literal> literals = new ArrayList<>();
    accepted.add(literals);
    if (index < 0) {
      problems.error(
          value,
          "Invalid rule of "
              + ctx.describe()
              + ": column '"
              + name
              + "' does not exist"
              + DidYouMean.inlineSuggestion(
                  name, table.columns().stream().map(ColumnSpec::name).toList()));
      return -1;
    }
    if (index == ctx.columnIndex()) {
      problems.error(
          value,
          "Invalid rule of " + ctx.describe() + ": a condition cannot test the column itself");
      return -1;
    }
    ColumnSpec other = table.columns().get(index);
    PgType type = other.type();
    List<String> labels = List.of();
    if (type.kind() == TypeKind.DOMAIN || type.kind() == TypeKind.ENUM) {
      CustomTypeSpec custom = ctx.schema().customType(type.customName()).orElse(null);
      if (custom == null) {
        return -1; // reported with the column's type
      }
      if (type.kind() == TypeKind.DOMAIN && custom.baseType() != null) {
        type = custom.baseType();
      } else {
        labels = custom.enumValues();
      }
    }
    List<JsonValue> values = value instanceof JsonArray array ? array.elements() : List.of(value);
    for (JsonValue v : values) {
      Literal literal = Literals.compile(v, type, labels, true, problems);
      if (literal != null) {
        literals.add(literal);
      }
    }
    if (values.isEmpty()) {
      problems.error(
          value,
          "Invalid rule of " + ctx.describe() + ": no values to compare '" + name + "' with");
    }
    return index;
  }

  private static ValueSource branch(
      ColumnContext ctx, ColumnChecks checks, JsonObject branch, String which, Problems problems) {
    Settings s = new Settings(branch, "'" + which + "' of a rule of " + ctx.describe(), problems);
    if (!s.allowOnly(BRANCH_KEYS.toArray(new String[0]))) {
      return null;
    }
    boolean range = s.has("min") || s.has("max");
    boolean generator = s.has("generator");
    int forms =
        (s.has("value") ? 1 : 0)
            + (range ? 1 : 0)
            + (generator ? 1 : 0)
            + (s.has("distribution") ? 1 : 0);
    if (forms != 1) {
      s.error(
          branch,
          "Invalid "
              + s.what()
              + ": give exactly one of {value}, {min, max}, {generator, config} or"
              + " {distribution}");
      return null;
    }
    if (s.has("value")) {
      Literal literal =
          Literals.compile(
              s.get("value"), ctx.type(), ctx.enumLabels(), ctx.column().nullable(), problems);
      return literal == null ? null : new ConstantValue(literal);
    }
    if (range) {
      return range(ctx, checks, s);
    }
    if (s.has("distribution")) {
      JsonValue distribution = s.get("distribution");
      if (!(distribution instanceof JsonObject object)) {
        s.error(distribution, "Invalid " + s.what() + ": 'distribution' must be an object");
        return null;
      }
      return Distributions.source(object, ctx, checks.bounds(), problems);
    }
    return generator(ctx, checks, s);
  }

  private static ValueSource generator(ColumnContext ctx, ColumnChecks checks, Settings s) {
    JsonString name = s.string("generator", true);
    JsonValue config = s.alias("config", "generator_config");
    if (name == null) {
      return null;
    }
    if (config != null && !(config instanceof JsonObject)) {
      s.error(config, "Invalid " + s.what() + ": 'config' must be an object");
      return null;
    }
    String generator = name.value().trim().toLowerCase(Locale.ROOT);
    if (generator.equals("sequence") || !ExplicitGenerators.SUPPORTED.contains(generator)) {
      s.error(
          name,
          "Invalid "
              + s.what()
              + ": generator '"
              + name.value()
              + "' cannot be used in a rule"
              + DidYouMean.inlineSuggestion(generator, ExplicitGenerators.SUPPORTED));
      return null;
    }
    if (ColumnFeatures.isShapedRange(generator)) {
      // As on a column: a range's config may hold a distribution, and the column's checks narrow
      // it.
      return ColumnFeatures.shapedRange(
          generator, (JsonObject) config, s.object().path(), ctx, checks, null, s.problems());
    }
    ConfigReader reader =
        new ConfigReader(generator, (JsonObject) config, s.object().path(), s.problems());
    return ExplicitGenerators.source(generator, ctx, reader, s.problems());
  }

  /** {@code {min, max}} in the column's type: numbers (within its checks), dates or timestamps. */
  private static ValueSource range(ColumnContext ctx, ColumnChecks checks, Settings s) {
    TypeKind kind = ctx.type().kind();
    if (NumberTargets.fits(ctx.type())) {
      BigDecimal min = s.number(true, "min");
      BigDecimal max = s.number(true, "max");
      if (min == null || max == null) {
        return null;
      }
      if (min.compareTo(max) > 0) {
        s.error(
            s.get("min"),
            "Invalid "
                + s.what()
                + ": min "
                + min.toPlainString()
                + " > max "
                + max.toPlainString());
        return null;
      }
      NumberBounds bounds = NumberBounds.closed(min, max).intersect(checks.bounds());
      var target = NumberTargets.of(ctx.type(), bounds);
      if (target == null) {
        s.error(
            s.get("min"),
            "Invalid "
                + s.what()
                + ": no value of type "
                + ColumnTypes.describe(ctx.type())
                + " lies in "
                + bounds.describe());
        return null;
      }
      return ColumnFeatures.uniform(target);
    }
    if (kind == TypeKind.DATE || kind == TypeKind.TIMESTAMP || kind == TypeKind.TIMESTAMPTZ) {
      LocalDateTime min = time(s, "min", kind == TypeKind.TIMESTAMPTZ);
      LocalDateTime max = time(s, "max", kind == TypeKind.TIMESTAMPTZ);
      if (min == null || max == null) {
        return null;
      }
      if (min.isAfter(max)) {
        s.error(s.get("min"), "Invalid " + s.what() + ": min " + min + " is after max " + max);
        return null;
      }
      if (kind == TypeKind.DATE) {
        return new DateRange(
            (int) min.toLocalDate().toEpochDay(), (int) max.toLocalDate().toEpochDay());
      }
      long from = ChronoUnit.MICROS.between(EPOCH, min);
      long to = ChronoUnit.MICROS.between(EPOCH, max);
      long step = to - from >= 1_000_000 ? 1_000_000 : 1;
      return new TimestampRange(
          from, from + (to - from) / step * step, step, kind == TypeKind.TIMESTAMPTZ);
    }
    s.error(
        s.object(),
        "Invalid "
            + s.what()
            + ": {min, max} needs a number, date or timestamp column, not "
            + ColumnTypes.describe(ctx.type()));
    return null;
  }

  private static LocalDateTime time(Settings s, String key, boolean utc) {
    JsonString value = s.string(key, true);
    if (value == null) {
      return null;
    }
    try {
      return Literals.parseDateTime(value.value(), utc);
    } catch (DateTimeParseException e) {
      s.error(
          value,
          "Invalid '"
              + key
              + "' in the "
              + s.what()
              + ": expected a date or timestamp, got '"
              + value.value()
              + "'");
      return null;
    }
  }
}
