package io.datagen.job.plan;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What part of the schema a run writes: which tables, and whether their definitions (pre- and
 * post-data) and/or their data. Tables left out stay in the schema, because the foreign keys of
 * kept tables still compute their values from the parents' generators.
 *
 * @param tables the tables to write, in schema order
 * @param withSchema write definitions (false for {@code --data-only})
 * @param withData write data (false for {@code --schema-only})
 * @param warnings what the user should know (e.g. foreign keys dropped by {@code --tables-only})
 */
public record Selection(
    Set<QualifiedName> tables, boolean withSchema, boolean withData, List<String> warnings)
    implements Serializable {

  public Selection {
    tables = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(tables));
    warnings = List.copyOf(warnings);
    if (!withSchema && !withData) {
      throw new DatagenException(
          ErrorCategory.USAGE, "--schema-only and --data-only exclude each other");
    }
  }

  public static Selection all(Schema schema) {
    return of(schema, List.of(), false, true, true);
  }

  /**
   * @param requested table names as given ({@code users}, {@code sales.orders}); empty = all
   * @param tablesOnly skip the parents that requested tables reference instead of adding them
   */
  public static Selection of(
      Schema schema,
      List<String> requested,
      boolean tablesOnly,
      boolean withSchema,
      boolean withData) {
    List<QualifiedName> known = schema.tables().stream().map(TableSpec::name).toList();
    if (requested.isEmpty()) {
      return new Selection(new LinkedHashSet<>(known), withSchema, withData, List.of());
    }
    Set<QualifiedName> wanted = new LinkedHashSet<>();
    for (String name : requested) {
      String trimmed = name.trim();
      if (trimmed.isEmpty() || trimmed.startsWith(".") || trimmed.endsWith(".")) {
        throw new DatagenException(
            ErrorCategory.USAGE,
            "Invalid --tables '"
                + name
                + "': name a table as TABLE or SCHEMA.TABLE, e.g. --tables "
                + known.get(0));
      }
      QualifiedName table = QualifiedName.parse(trimmed);
      if (!known.contains(table)) {
        throw new DatagenException(
            ErrorCategory.USAGE,
            "Cannot select table '"
                + name
                + "': the schema has no such table"
                + DidYouMean.inlineSuggestion(
                    name, known.stream().map(QualifiedName::toString).toList())
                + " (tables: "
                + String.join(", ", known.stream().map(QualifiedName::toString).toList())
                + ")");
      }
      wanted.add(table);
    }
    List<String> warnings = new ArrayList<>();
    if (tablesOnly) {
      for (QualifiedName table : wanted) {
        for (ForeignKeySpec fk : schema.table(table).orElseThrow().foreignKeys()) {
          if (!wanted.contains(fk.referencedTable())) {
            warnings.add(
                "--tables-only: foreign key "
                    + fk.name()
                    + " of "
                    + table
                    + " is left out, because "
                    + fk.referencedTable()
                    + " is not selected");
          }
        }
      }
    } else {
      Deque<QualifiedName> pending = new ArrayDeque<>(wanted);
      while (!pending.isEmpty()) {
        for (ForeignKeySpec fk : schema.table(pending.pop()).orElseThrow().foreignKeys()) {
          if (wanted.add(fk.referencedTable())) {
            pending.push(fk.referencedTable());
          }
        }
      }
    }
    Set<QualifiedName> ordered = new LinkedHashSet<>();
    known.stream().filter(wanted::contains).forEach(ordered::add);
    return new Selection(ordered, withSchema, withData, warnings);
  }

  public boolean includes(QualifiedName table) {
    return tables.contains(Objects.requireNonNull(table));
  }

  /** A foreign key is written when its table and its parent are both written. */
  public boolean includes(TableSpec table, ForeignKeySpec fk) {
    return includes(table.name()) && includes(fk.referencedTable());
  }
}
