package io.datagen.job.generate.compile;

import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Columns whose value depends on other columns of the same row — through {@code rules} and through
 * check constraints such as {@code col_a <= col_b}. A dependency is resolved by recomputing the
 * other column at the same row from its own pure generator, so the only thing to watch is cycles,
 * which are errors.
 */
final class RowDependencies {
  private RowDependencies() {}

  /** The columns {@code column} reads in the same row. */
  static List<Integer> reads(TablePlan plan, int column) {
    List<Integer> reads = new ArrayList<>();
    if (plan.rules[column] != null) {
      reads.addAll(plan.rules[column].reads());
    }
    reads.addAll(OrderedColumns.reads(plan, column));
    return reads;
  }

  /** Wraps a column's generator with its rules and row-level checks. */
  static ColumnGenerator wrap(
      TablePlan plan,
      int column,
      ColumnGenerator values,
      IntFunction<ColumnGenerator> columns,
      long columnKey) {
    ColumnGenerator wrapped = values;
    if (plan.rules[column] != null) {
      wrapped = Rules.generator(plan.rules[column], wrapped, columns, columnKey);
    }
    return OrderedColumns.wrap(plan, column, wrapped, columns);
  }

  static void ignoredOnForeignKey(
      TableSpec table, ColumnSpec column, ColumnChecks checks, Problems problems) {
    if (checks.allowed() != null || !checks.bounds().unbounded() || checks.maxLength() >= 0) {
      problems.warning(
          column.path(),
          io.datagen.job.json.SourceLocation.UNKNOWN,
          "The check constraints on"
              + " column '"
              + column.name()
              + "' of table "
              + table.name()
              + " are not enforced: its values come from"
              + " the referenced table; rows that violate them would make the restore fail");
    }
    if (column.rules() != null) {
      problems.warning(
          column.rules(),
          "The rules of column '"
              + column.name()
              + "' of table "
              + table.name()
              + " are ignored: the values of a foreign-key column come from the referenced table");
    }
  }

  /**
   * Reports every cycle of same-row dependencies and drops the dependencies of the columns on it.
   */
  static void breakCycles(TablePlan plan, Problems problems) {
    int n = plan.table.columns().size();
    int[] state = new int[n]; // 0 = new, 1 = on the current path, 2 = done
    for (int start = 0; start < n; start++) {
      if (state[start] == 0) {
        visit(plan, start, state, new ArrayList<>(), problems);
      }
    }
  }

  private static void visit(
      TablePlan plan, int column, int[] state, List<Integer> path, Problems problems) {
    state[column] = 1;
    path.add(column);
    for (int next : reads(plan, column)) {
      if (state[next] == 1) {
        List<Integer> cycle = path.subList(path.indexOf(next), path.size());
        List<String> names = new ArrayList<>();
        for (int c : cycle) {
          names.add(plan.table.columns().get(c).name());
        }
        names.add(plan.table.columns().get(next).name());
        ColumnSpec first = plan.table.columns().get(next);
        String at = first.rules() != null ? first.rules().path() : first.path();
        problems.error(
            at,
            first.rules() != null
                ? first.rules().location()
                : io.datagen.job.json.SourceLocation.UNKNOWN,
            "Cannot order the columns of table "
                + plan.table.name()
                + ": their rules and check constraints form a cycle "
                + String.join(" → ", names));
        for (int c : List.copyOf(cycle)) {
          plan.rules[c] = null;
          OrderedColumns.drop(plan, c);
        }
        state[column] = 2;
        path.remove(path.size() - 1);
        return;
      } else if (state[next] == 0) {
        visit(plan, next, state, path, problems);
      }
    }
    state[column] = 2;
    path.remove(path.size() - 1);
  }
}
