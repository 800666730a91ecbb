package io.datagen.job.generate.compile;

import io.datagen.job.generate.SequenceColumn;
import io.datagen.job.generate.SequenceValues;
import io.datagen.job.json.JsonString;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.SequenceSpec;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * Sequence-backed columns: serial types, {@code generator: "sequence"} ({@code start}/{@code
 * increment} or {@code sequence: name}), and a {@code default} of {@code nextval('name')}. Values
 * are row-derived and gap-free; planning checks they fit the column and the sequence's bounds.
 */
final class SequenceSources {
  private SequenceSources() {}

  /** The implicit sequence of a serial column, named as PostgreSQL names it. */
  static QualifiedName serialSequenceName(ColumnContext ctx) {
    return new QualifiedName(
        ctx.table().name().schema(),
        io.datagen.job.schema.PostgresNames.serialSequenceName(
            ctx.table().name().name(), ctx.column().name()));
  }

  /** A serial column without a generator: 1, 2, 3, ... from its own sequence. */
  static SequenceColumn serial(ColumnContext ctx, Problems problems) {
    TypeKind kind = ctx.type().kind();
    return checked(
        ctx, serialSequenceName(ctx), 1, 1, 1, ColumnTypes.maxInteger(kind), false, null, problems);
  }

  /** {@code generator: "sequence"}. */
  static SequenceColumn fromConfig(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("start", "increment", "sequence");
    if (!ctx.type().kind().isInteger() && ctx.type().kind() != TypeKind.NUMERIC) {
      ExplicitGenerators.misfit(
          "sequence", ctx, problems, "whole numbers (an integer or numeric column)");
      return null;
    }
    if (config.has("sequence")) {
      JsonString name = config.string("sequence", true);
      if (name == null) {
        return null;
      }
      if (config.has("start") || config.has("increment")) {
        config.error(
            config.get(config.has("start") ? "start" : "increment"),
            "Invalid generator_config of generator"
                + " 'sequence': give either 'sequence' or 'start'/'increment', not both (the named sequence defines them)");
        return null;
      }
      SequenceSpec spec =
          ctx.schema().resolveSequence(name.value(), ctx.table().name().schema()).orElse(null);
      if (spec == null) {
        config.error(
            name,
            "Cannot find sequence '"
                + name.value()
                + "' in the top-level sequences"
                + DidYouMean.inlineSuggestion(
                    name.value(),
                    ctx.schema().sequences().stream().map(s -> s.name().toString()).toList()));
        return null;
      }
      return fromSpec(ctx, spec, problems);
    }
    Long start = config.wholeNumber("start", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    Long increment = config.wholeNumber("increment", 1L, Long.MIN_VALUE, Long.MAX_VALUE);
    if (start == null || increment == null) {
      return null;
    }
    if (increment == 0) {
      config.error(
          config.get("increment"), "Invalid 'increment' of generator 'sequence': must not be 0");
      return null;
    }
    QualifiedName backing = ctx.type().serial() ? serialSequenceName(ctx) : null;
    long min = increment > 0 ? start : Long.MIN_VALUE;
    long max = increment > 0 ? Long.MAX_VALUE : start;
    return checked(ctx, backing, start, increment, min, max, false, config, problems);
  }

  /** A top-level sequence, by {@code sequence: name} or {@code default: nextval('name')}. */
  static SequenceColumn fromSpec(ColumnContext ctx, SequenceSpec spec, Problems problems) {
    return checked(
        ctx,
        spec.name(),
        spec.start(),
        spec.increment(),
        spec.minValue(),
        spec.maxValue(),
        spec.cycle(),
        null,
        problems);
  }

  /** The sequence named by a {@code default} of {@code nextval('name'[::regclass])}, or null. */
  static SequenceSpec fromDefault(ColumnContext ctx) {
    String expression = ctx.column().defaultExpression();
    if (expression == null) {
      return null;
    }
    String e = expression.trim();
    if (!e.toLowerCase(Locale.ROOT).startsWith("nextval(") || !e.endsWith(")")) {
      return null;
    }
    String argument = e.substring("nextval(".length(), e.length() - 1).trim();
    int cast = argument.indexOf("::");
    if (cast >= 0) {
      argument = argument.substring(0, cast).trim();
    }
    if (argument.length() < 2
        || argument.charAt(0) != '\''
        || argument.charAt(argument.length() - 1) != '\'') {
      return null;
    }
    String name = argument.substring(1, argument.length() - 1).replace("\"", "");
    return ctx.schema().resolveSequence(name, ctx.table().name().schema()).orElse(null);
  }

  private static SequenceColumn checked(
      ColumnContext ctx,
      QualifiedName sequence,
      long start,
      long increment,
      long min,
      long max,
      boolean cycle,
      ConfigReader config,
      Problems problems) {
    if (start < min || start > max) {
      problems.error(
          ctx.generatorPath(),
          "Invalid sequence "
              + (sequence == null ? "" : sequence + " ")
              + "for "
              + ctx.describe()
              + ": start "
              + start
              + " outside ["
              + min
              + ", "
              + max
              + "]");
      return null;
    }
    SequenceValues values = new SequenceValues(start, increment, min, max, cycle, ctx.rowCount());
    long rows = ctx.rowCount();
    String what = sequence == null ? "the sequence of " + ctx.describe() : "sequence " + sequence;
    if (!cycle && rows > values.valuesBeforeWrap()) {
      problems.error(
          ctx.generatorPath(),
          "Cannot number "
              + rows
              + " rows of "
              + ctx.describe()
              + ": "
              + what
              + " gives only "
              + values.valuesBeforeWrap()
              + " values before reaching its "
              + (increment > 0 ? "maximum " + max : "minimum " + min)
              + " (and does not CYCLE)");
      return null;
    }
    if (rows > 0) {
      long low =
          rows > values.valuesBeforeWrap()
              ? min
              : Math.min(values.valueAt(0), values.valueAt(rows - 1));
      long high =
          rows > values.valuesBeforeWrap()
              ? max
              : Math.max(values.valueAt(0), values.valueAt(rows - 1));
      PgType type = ctx.type();
      for (long bound : new long[] {low, high}) {
        if (!ColumnTypes.integerFits(type, BigDecimal.valueOf(bound))) {
          problems.error(
              ctx.generatorPath(),
              "Cannot store value "
                  + bound
                  + " of "
                  + what
                  + " in "
                  + ctx.describe()
                  + " of type "
                  + ColumnTypes.describe(type)
                  + " ("
                  + rows
                  + " rows)");
          return null;
        }
      }
    }
    return new SequenceColumn(ctx.columnIndex(), ctx.column().name(), sequence, values);
  }
}
