package io.datagen.job.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives every unnamed constraint and index the name PostgreSQL would give it: {@code <table>_pkey},
 * {@code <table>_<cols>_key}, {@code <table>_<col>_check} or {@code <table>_check}, {@code
 * <table>_<cols>_fkey}, {@code <table>_<cols>_idx}, cut to 63 bytes and numbered when the name is
 * already used in the schema (index-like names must be free among relations, constraint names among
 * constraints, as in {@code ChooseRelationName} and {@code ChooseConstraintName}).
 */
final class ConstraintNamer {
  static final String PRIMARY_KEY_LABEL = "pkey";
  static final String UNIQUE_LABEL = "key";
  static final String CHECK_LABEL = "check";
  static final String FOREIGN_KEY_LABEL = "fkey";
  static final String INDEX_LABEL = "idx";

  /** Names taken in one PostgreSQL schema. */
  private static final class Namespace {
    final Set<String> relations = new HashSet<>();
    final Set<String> constraints = new HashSet<>();
  }

  private final Map<String, Namespace> namespaces = new HashMap<>();

  private ConstraintNamer() {}

  /** The tables with every {@link ConstraintParser#UNNAMED} name replaced. */
  static List<TableSpec> assignNames(
      List<TableSpec> tables, List<SequenceSpec> sequences, List<CustomTypeSpec> customTypes) {
    ConstraintNamer namer = new ConstraintNamer();
    namer.reserveExisting(tables, sequences, customTypes);
    List<TableSpec> named = new ArrayList<>();
    for (TableSpec table : tables) {
      named.add(namer.name(table));
    }
    return named;
  }

  /** The default name of a table's primary key constraint. */
  static String primaryKeyName(QualifiedName table) {
    return PostgresNames.makeObjectName(table.name(), null, PRIMARY_KEY_LABEL);
  }

  private Namespace namespace(String schema) {
    return namespaces.computeIfAbsent(schema, s -> new Namespace());
  }

  private void reserveExisting(
      List<TableSpec> tables, List<SequenceSpec> sequences, List<CustomTypeSpec> types) {
    tables.forEach(t -> namespace(t.name().schema()).relations.add(t.name().name()));
    sequences.forEach(s -> namespace(s.name().schema()).relations.add(s.name().name()));
    types.stream()
        .filter(t -> t.kind() == TypeKind.COMPOSITE) // a composite type is also a relation
        .forEach(t -> namespace(t.name().schema()).relations.add(t.name().name()));
    for (TableSpec table : tables) {
      Namespace ns = namespace(table.name().schema());
      if (!table.primaryKey().isEmpty()) {
        ns.relations.add(primaryKeyName(table.name()));
        ns.constraints.add(primaryKeyName(table.name()));
      }
      for (ColumnSpec column : table.columns()) {
        if (column.type().serial()) {
          String sequence =
              PostgresNames.chooseName(
                  table.name().name(), column.name(), "seq", ns.relations::contains);
          ns.relations.add(sequence);
        }
      }
      table.uniqueConstraints().stream()
          .map(UniqueSpec::name)
          .filter(n -> !n.isEmpty())
          .forEach(
              n -> {
                ns.relations.add(n);
                ns.constraints.add(n);
              });
      table.checkConstraints().stream()
          .map(CheckSpec::name)
          .filter(n -> !n.isEmpty())
          .forEach(ns.constraints::add);
      table.foreignKeys().stream()
          .map(ForeignKeySpec::name)
          .filter(n -> !n.isEmpty())
          .forEach(ns.constraints::add);
      table.indexes().stream()
          .map(IndexSpec::name)
          .filter(n -> !n.isEmpty())
          .forEach(ns.relations::add);
    }
  }

  private TableSpec name(TableSpec table) {
    Namespace ns = namespace(table.name().schema());
    String tableName = table.name().name();
    List<UniqueSpec> uniques = new ArrayList<>();
    for (UniqueSpec unique : table.uniqueConstraints()) {
      String name = unique.name();
      if (name.isEmpty()) {
        name =
            PostgresNames.chooseName(
                tableName,
                PostgresNames.columnsAddition(unique.columns()),
                UNIQUE_LABEL,
                n -> ns.relations.contains(n) || ns.constraints.contains(n));
        ns.relations.add(name);
        ns.constraints.add(name);
      }
      uniques.add(new UniqueSpec(name, unique.columns(), unique.path()));
    }
    List<CheckSpec> checks = new ArrayList<>();
    for (CheckSpec check : table.checkConstraints()) {
      String name = check.name();
      if (name.isEmpty()) {
        name =
            PostgresNames.chooseName(
                tableName,
                soleColumn(check.expression(), table),
                CHECK_LABEL,
                ns.constraints::contains);
        ns.constraints.add(name);
      }
      checks.add(new CheckSpec(name, check.expression(), check.path()));
    }
    List<ForeignKeySpec> foreignKeys = new ArrayList<>();
    for (ForeignKeySpec fk : table.foreignKeys()) {
      String name = fk.name();
      if (name.isEmpty()) {
        name =
            PostgresNames.chooseName(
                tableName,
                PostgresNames.columnsAddition(fk.columns()),
                FOREIGN_KEY_LABEL,
                ns.constraints::contains);
        ns.constraints.add(name);
      }
      foreignKeys.add(
          new ForeignKeySpec(
              name,
              fk.columns(),
              fk.referencedTable(),
              fk.referencedColumns(),
              fk.onDelete(),
              fk.onUpdate(),
              fk.distribution(),
              fk.nullRatio(),
              fk.path()));
    }
    List<IndexSpec> indexes = new ArrayList<>();
    for (IndexSpec index : table.indexes()) {
      String name = index.name();
      if (name.isEmpty()) {
        name =
            PostgresNames.chooseName(
                tableName,
                PostgresNames.columnsAddition(index.columns()),
                INDEX_LABEL,
                ns.relations::contains);
        ns.relations.add(name);
      }
      indexes.add(
          new IndexSpec(
              name, index.columns(), index.method(), index.unique(), index.where(), index.path()));
    }
    return new TableSpec(
        table.name(),
        table.columns(),
        table.rowCount(),
        table.primaryKey(),
        foreignKeys,
        uniques,
        checks,
        indexes,
        table.comment(),
        table.path());
  }

  /**
   * The column a CHECK expression mentions if it mentions exactly one of the table's columns
   * (PostgreSQL then names the constraint after it), else null.
   */
  static String soleColumn(String expression, TableSpec table) {
    Set<String> mentioned = new LinkedHashSet<>();
    for (String identifier : SqlColumnReferences.columnReferences(expression)) {
      for (ColumnSpec column : table.columns()) {
        if (column.name().equals(identifier)) {
          mentioned.add(column.name());
        }
      }
    }
    return mentioned.size() == 1 ? mentioned.iterator().next() : null;
  }
}
