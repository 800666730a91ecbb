package io.datagen.job.generate.compile;

import io.datagen.job.generate.KeyPlan;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.IndexSpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.UniqueSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the uniqueness of a table's keys (primary key, unique columns, unique constraints, unique
 * indexes) in that order. A key is already unique when it contains a key planned before or a column
 * unique by row (a sequence); otherwise its still-unclaimed components — whole foreign keys
 * (domain: the parent's row count) and columns with enumerable values — are claimed and driven by
 * one {@link KeyPlan}. Too few combinations for the row count is an error naming the numbers.
 */
final class Keys {
  private final Schema schema;
  private final TablePlan plan;
  private final TableSpec table;
  private final long seed;
  private final Problems problems;
  private final boolean[] columnClaimed;
  private final boolean[] foreignKeyClaimed;
  private final List<Set<String>> unique = new ArrayList<>();

  Keys(Schema schema, TablePlan plan, long seed, Problems problems) {
    this.schema = schema;
    this.plan = plan;
    this.table = plan.table;
    this.seed = seed;
    this.problems = problems;
    this.columnClaimed = new boolean[table.columns().size()];
    this.foreignKeyClaimed = new boolean[table.foreignKeys().size()];
  }

  /** Every key of the table as column lists, deduplicated by column set, in planning order. */
  static List<List<String>> of(TableSpec table) {
    return new ArrayList<>(named(table).values());
  }

  /** Keys by stream name (which also says where the key is declared). */
  private static Map<String, List<String>> named(TableSpec table) {
    Map<String, List<String>> keys = new LinkedHashMap<>();
    Set<Set<String>> seen = new HashSet<>();
    if (!table.primaryKey().isEmpty() && seen.add(new HashSet<>(table.primaryKey()))) {
      keys.put("primary_key", table.primaryKey());
    }
    for (ColumnSpec column : table.columns()) {
      if (column.unique() && seen.add(Set.of(column.name()))) {
        keys.put("unique:" + column.name(), List.of(column.name()));
      }
    }
    for (UniqueSpec constraint : table.uniqueConstraints()) {
      if (seen.add(new HashSet<>(constraint.columns()))) {
        keys.put("constraint:" + constraint.name(), constraint.columns());
      }
    }
    for (IndexSpec index : table.indexes()) {
      if (index.unique() && seen.add(new HashSet<>(index.columns()))) {
        keys.put("index:" + index.name(), index.columns());
      }
    }
    return keys;
  }

  void plan() {
    for (Map.Entry<String, List<String>> key : named(table).entrySet()) {
      planKey(key.getKey(), key.getValue());
    }
  }

  private void planKey(String name, List<String> columns) {
    Set<String> set = new HashSet<>(columns);
    int[] indexes = new int[columns.size()];
    for (int i = 0; i < indexes.length; i++) {
      indexes[i] = table.columnIndex(columns.get(i));
      if (indexes[i] < 0) {
        return; // unknown column: the schema validator reports it
      }
    }
    if (table.rowCount() <= 1 || unique.stream().anyMatch(set::containsAll)) {
      unique.add(set);
      return;
    }
    for (int index : indexes) {
      int f = plan.foreignKeyOfColumn[index];
      if (f >= 0
          && plan.foreignKeyValid[f]
          && schema.table(foreignKeys(f).referencedTable()).orElseThrow().rowCount() == 0) {
        unique.add(set); // always NULL (a foreign key into an empty table), and NULLs never collide
        return;
      }
      if (plan.foreignKeyOfColumn[index] < 0 && plan.sources[index] == null) {
        return; // the column has a problem reported already
      }
      if (plan.foreignKeyOfColumn[index] < 0 && plan.sources[index].rowInjective()) {
        unique.add(set);
        return;
      }
    }
    List<long[]> components =
        new ArrayList<>(); // {kind 0 = column / 1 = foreign key, index, radix}
    List<String> described = new ArrayList<>();
    List<ForeignKeySpec> foreignKeys = table.foreignKeys();
    for (int f = 0; f < foreignKeys.size(); f++) {
      ForeignKeySpec fk = foreignKeys.get(f);
      if (!foreignKeyClaimed[f] && plan.foreignKeyValid[f] && set.containsAll(fk.columns())) {
        long parentRows = schema.table(fk.referencedTable()).orElseThrow().rowCount();
        components.add(new long[] {1, f, parentRows});
        described.add(fk.columns() + " → " + fk.referencedTable() + ": " + parentRows + " rows");
      }
    }
    for (int index : indexes) {
      ValueSource source = plan.sources[index];
      if (plan.foreignKeyOfColumn[index] < 0 && !columnClaimed[index] && source.domainSize() > 0) {
        ColumnSpec column = table.columns().get(index);
        String[] duplicate = DistinctValues.firstDuplicate(source, column.type());
        if (duplicate != null) {
          problems.error(
              column.path(),
              "Cannot make column '"
                  + column.name()
                  + "' of table "
                  + table.name()
                  + " unique: its values '"
                  + duplicate[0]
                  + "' and '"
                  + duplicate[1]
                  + "' are one "
                  + ColumnTypes.describe(column.type())
                  + " value"
                  + DistinctValues.reason(column.type().kind())
                  + ", which a unique index refuses twice; make the values distinct");
          return;
        }
        components.add(new long[] {0, index, source.domainSize()});
        described.add(table.columns().get(index).name() + ": " + source.domainSize() + " values");
      }
    }
    long[] radixes = components.stream().mapToLong(c -> c[2]).toArray();
    long space = components.isEmpty() ? 0 : KeyPlan.space(radixes);
    if (space < table.rowCount()) {
      reportTooSmall(name, columns, space, described);
      return;
    }
    KeyPlan keyPlan = new KeyPlan(radixes, Streams.key(seed, table.name(), "key", name));
    for (int c = 0; c < components.size(); c++) {
      int index = (int) components.get(c)[1];
      if (components.get(c)[0] == 1) {
        foreignKeyClaimed[index] = true;
        plan.foreignKeyPlan[index] = keyPlan;
        plan.foreignKeyComponent[index] = c;
      } else {
        columnClaimed[index] = true;
        plan.columnKeyPlan[index] = keyPlan;
        plan.columnKeyComponent[index] = c;
      }
    }
    unique.add(set);
  }

  private ForeignKeySpec foreignKeys(int f) {
    return table.foreignKeys().get(f);
  }

  private void reportTooSmall(
      String name, List<String> columns, long space, List<String> described) {
    String path =
        name.equals("primary_key")
            ? table.path() + ".primary_key"
            : name.startsWith("unique:")
                ? table.column(columns.get(0)).orElseThrow().path() + ".unique"
                : name.startsWith("constraint:")
                    ? table.uniqueConstraints().stream()
                        .filter(u -> u.name().equals(name.substring("constraint:".length())))
                        .findFirst()
                        .orElseThrow()
                        .path()
                    : table.indexes().stream()
                        .filter(i -> i.name().equals(name.substring("index:".length())))
                        .findFirst()
                        .orElseThrow()
                        .path();
    String what = columns.size() == 1 ? "column '" + columns.get(0) + "'" : "columns " + columns;
    String detail =
        described.isEmpty()
            ? "none of its columns can be made unique here"
            : String.join(" × ", described);
    problems.error(
        path,
        "Cannot make "
            + what
            + " of table "
            + table.name()
            + " unique: only "
            + space
            + " distinct "
            + (columns.size() == 1 ? "values" : "combinations")
            + " for "
            + table.rowCount()
            + " rows ("
            + detail
            + "); widen the range, add parent rows or lower row_count");
  }
}
