package io.datagen.job.generate.compile;

import io.datagen.job.generate.CheckedColumnGenerator;
import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.Problems;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The row-level part of check constraints: which columns a column must stay above, and the wrapper.
 */
final class OrderedColumns {
  private OrderedColumns() {}

  /** Indexes of the columns {@code column} must not be below. */
  static List<Integer> reads(TablePlan plan, int column) {
    List<Integer> reads = new ArrayList<>();
    ColumnChecks checks = plan.checks[column];
    for (String name : checks.notBelow()) {
      reads.add(plan.table.columnIndex(name));
    }
    for (String name : checks.strictlyAbove()) {
      reads.add(plan.table.columnIndex(name));
    }
    return reads;
  }

  /** Forgets the orderings of a column (after a reported cycle). */
  static void drop(TablePlan plan, int column) {
    ColumnChecks c = plan.checks[column];
    plan.checks[column] =
        new ColumnChecks(c.bounds(), c.allowed(), c.maxLength(), c.notNull(), List.of(), List.of());
  }

  /**
   * Drops (with a warning) orderings the generator cannot enforce: the dependent column fills a
   * foreign key or a unique key, whose values must not change.
   */
  static void checkEnforceable(TablePlan plan, Problems problems) {
    for (int i = 0; i < plan.checks.length; i++) {
      ColumnChecks c = plan.checks[i];
      if (c.notBelow().isEmpty() && c.strictlyAbove().isEmpty()) {
        continue;
      }
      ColumnSpec column = plan.table.columns().get(i);
      if (plan.foreignKeyOfColumn[i] >= 0
          || plan.columnKeyPlan[i] != null
          || plan.sources[i] == null) {
        if (plan.sources[i] != null || plan.foreignKeyOfColumn[i] >= 0) {
          problems.warning(
              column.path(),
              io.datagen.job.json.SourceLocation.UNKNOWN,
              "The check constraints that"
                  + " order column '"
                  + column.name()
                  + "' of table "
                  + plan.table.name()
                  + " after "
                  + reads(plan, i).stream().map(j -> plan.table.columns().get(j).name()).toList()
                  + " are not enforced: its values"
                  + " come from a foreign key or a unique key; rows that violate them would make the restore fail");
        }
        drop(plan, i);
      }
    }
  }

  /** The checked generator of a column, or {@code values} when its checks ask for nothing. */
  static ColumnGenerator wrap(
      TablePlan plan, int column, ColumnGenerator values, IntFunction<ColumnGenerator> columns) {
    ColumnChecks checks = plan.checks[column];
    if (plan.columnKeyPlan[column] != null
        && checks.notBelow().isEmpty()
        && checks.strictlyAbove().isEmpty()
        && checks.maxLength() < 0) {
      return values; // a key's narrowed values already satisfy its bounds; clamping could only
      // merge values
    }
    if (checks.bounds().unbounded()
        && checks.maxLength() < 0
        && checks.notBelow().isEmpty()
        && checks.strictlyAbove().isEmpty()) {
      return values;
    }
    List<CheckedColumnGenerator.Lower> lowers = new ArrayList<>();
    for (String name : checks.notBelow()) {
      lowers.add(
          new CheckedColumnGenerator.Lower(columns.apply(plan.table.columnIndex(name)), false));
    }
    for (String name : checks.strictlyAbove()) {
      lowers.add(
          new CheckedColumnGenerator.Lower(columns.apply(plan.table.columnIndex(name)), true));
    }
    // Raised values never leave the column's type, whatever its generator's own maximum.
    io.datagen.job.schema.TypeKind kind = plan.table.columns().get(column).type().kind();
    double typeCeiling = kind.isInteger() ? kind.maxInteger() : Double.POSITIVE_INFINITY;
    return new CheckedColumnGenerator(
        values,
        lowers,
        checks.bounds(),
        checks.maxLength(),
        Math.min(ceiling(plan, column), typeCeiling));
  }

  /**
   * The largest value the column's own source gives, when it is known from its settings: the {@code
   * max} of a range generator or a distribution, the {@code end} of a date range, the reference
   * time for default dates and timestamps; +∞ otherwise.
   */
  static double ceiling(TablePlan plan, int column) {
    ColumnSpec spec = plan.table.columns().get(column);
    io.datagen.job.json.JsonObject settings =
        spec.generator() != null ? spec.generatorConfig() : spec.distribution();
    io.datagen.job.schema.TypeKind kind = spec.type().kind();
    boolean time =
        kind == io.datagen.job.schema.TypeKind.DATE
            || kind == io.datagen.job.schema.TypeKind.TIMESTAMP
            || kind == io.datagen.job.schema.TypeKind.TIMESTAMPTZ;
    if (settings == null) {
      if (spec.generator() == null && time) {
        java.time.Instant reference = plan.referenceTime;
        return kind == io.datagen.job.schema.TypeKind.DATE
            ? Math.floorDiv(reference.getEpochSecond(), 86_400L)
            : java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, reference);
      }
      return Double.POSITIVE_INFINITY;
    }
    io.datagen.job.json.JsonValue max = settings.members().get(time ? "end" : "max");
    if (max == null) {
      return Double.POSITIVE_INFINITY;
    }
    if (!time) {
      java.math.BigDecimal number = Literals.number(max);
      return number == null ? Double.POSITIVE_INFINITY : number.doubleValue();
    }
    try {
      java.time.LocalDateTime end =
          Literals.parseDateTime(
              ((io.datagen.job.json.JsonString) max).value(),
              kind == io.datagen.job.schema.TypeKind.TIMESTAMPTZ);
      return kind == io.datagen.job.schema.TypeKind.DATE
          ? end.toLocalDate().toEpochDay()
          : java.time.temporal.ChronoUnit.MICROS.between(
              java.time.LocalDateTime.of(1970, 1, 1, 0, 0), end);
    } catch (RuntimeException e) {
      return Double.POSITIVE_INFINITY;
    }
  }
}
