package io.datagen.job.schema;

import io.datagen.job.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/** The checks of one foreign key against the table it references. */
final class ForeignKeyChecks {
  private final Schema schema;
  private final ParseDamage damage;
  private final BiConsumer<String, String> error;
  private final BiConsumer<String, String> warning;

  ForeignKeyChecks(
      Schema schema,
      ParseDamage damage,
      BiConsumer<String, String> error,
      BiConsumer<String, String> warning) {
    this.schema = schema;
    this.damage = damage;
    this.error = error;
    this.warning = warning;
  }

  void check(TableSpec child, ForeignKeySpec fk) {
    TableSpec parent = schema.table(fk.referencedTable()).orElse(null);
    if (parent == null) {
      if (!damage.isBroken(fk.referencedTable())) {
        List<String> names = schema.tables().stream().map(t -> t.name().toString()).toList();
        error.accept(
            JsonPath.member(fk.path(), ConstraintParser.REFERENCED_TABLE),
            "foreign key \""
                + fk.name()
                + "\" references table \""
                + fk.referencedTable()
                + "\", which does not exist"
                + DidYouMean.suffix(fk.referencedTable().toString(), names)
                + " Tables: "
                + String.join(", ", names));
      }
      return;
    }
    String referencedPath = JsonPath.member(fk.path(), ConstraintParser.REFERENCED_COLUMNS);
    List<String> parentColumns = parent.columns().stream().map(ColumnSpec::name).toList();
    boolean complete = true;
    for (String column : fk.referencedColumns()) {
      if (parent.column(column).isEmpty()) {
        error.accept(
            referencedPath,
            "foreign key \""
                + fk.name()
                + "\" references column \""
                + column
                + "\", which table \""
                + parent.name()
                + "\" does not have"
                + DidYouMean.suffix(column, parentColumns)
                + " Columns: "
                + String.join(", ", parentColumns));
        complete = false;
      }
    }
    if (!complete) {
      return;
    }
    if (!isUniqueKey(parent, fk.referencedColumns())) {
      error.accept(
          referencedPath,
          "foreign key \""
              + fk.name()
              + "\" references "
              + fk.referencedColumns()
              + " of table \""
              + parent.name()
              + "\", which are not its primary key "
              + parent.primaryKey()
              + " nor covered by a unique constraint; PostgreSQL requires one. Reference the primary key or add a"
              + " unique constraint on "
              + fk.referencedColumns()
              + " to \""
              + parent.name()
              + "\"");
    }
    if (fk.columns().stream().anyMatch(c -> child.column(c).isEmpty())) {
      return; // reported by the validator
    }
    for (int i = 0; i < fk.columns().size(); i++) {
      ColumnSpec column = child.column(fk.columns().get(i)).orElseThrow();
      ColumnSpec target = parent.column(fk.referencedColumns().get(i)).orElseThrow();
      compareTypes(fk, child, column, parent, target);
    }
    rowCounts(child, fk, parent);
  }

  private void rowCounts(TableSpec child, ForeignKeySpec fk, TableSpec parent) {
    boolean notNull =
        fk.columns().stream()
            .map(c -> child.column(c).orElseThrow())
            .noneMatch(ColumnSpec::nullable);
    if (notNull && fk.nullRatio() > 0) {
      error.accept(
          JsonPath.member(fk.path(), ConstraintParser.NULL_RATIO),
          "foreign key \""
              + fk.name()
              + "\" has null_ratio "
              + fk.nullRatio()
              + " but its columns "
              + fk.columns()
              + " are NOT NULL; remove"
              + " null_ratio or make the columns nullable");
    }
    boolean unknownRows =
        damage.isBroken(JsonPath.member(parent.path(), TableParser.ROW_COUNT))
            || damage.isBroken(JsonPath.member(child.path(), TableParser.ROW_COUNT));
    if (unknownRows || parent.rowCount() > 0 || child.rowCount() == 0) {
      return;
    }
    if (notNull) {
      error.accept(
          fk.path(),
          "table \""
              + child.name()
              + "\" ("
              + child.rowCount()
              + " rows) has a NOT NULL"
              + " foreign key "
              + fk.columns()
              + " to table \""
              + parent.name()
              + "\", which has row_count 0, so no"
              + " row could reference a parent; give \""
              + parent.name()
              + "\" rows or make "
              + fk.columns()
              + " nullable");
    } else {
      warning.accept(
          fk.path(),
          "table \""
              + parent.name()
              + "\" has row_count 0, so every value of foreign key "
              + fk.columns()
              + " of table \""
              + child.name()
              + "\" will be NULL");
    }
  }

  private static boolean isUniqueKey(TableSpec table, List<String> columns) {
    Set<String> wanted = Set.copyOf(columns);
    if (wanted.equals(Set.copyOf(table.primaryKey()))) {
      return true;
    }
    if (table.uniqueConstraints().stream().anyMatch(u -> Set.copyOf(u.columns()).equals(wanted))) {
      return true;
    }
    return table.indexes().stream()
        .anyMatch(i -> i.unique() && i.where() == null && Set.copyOf(i.columns()).equals(wanted));
  }

  private void compareTypes(
      ForeignKeySpec fk, TableSpec child, ColumnSpec column, TableSpec parent, ColumnSpec target) {
    if (damage.isBroken(JsonPath.member(column.path(), ColumnParser.TYPE))
        || damage.isBroken(JsonPath.member(target.path(), ColumnParser.TYPE))) {
      return;
    }
    PgType childType = resolve(column.type());
    PgType parentType = resolve(target.type());
    String path = JsonPath.member(fk.path(), ConstraintParser.COLUMNS);
    if (!family(childType).equals(family(parentType))) {
      error.accept(
          path,
          "foreign key \""
              + fk.name()
              + "\": column "
              + child.name()
              + "."
              + column.name()
              + " ("
              + describe(column.type())
              + ") cannot reference "
              + parent.name()
              + "."
              + target.name()
              + " ("
              + describe(target.type())
              + "); give both columns the same kind of type");
      return;
    }
    if (childType.kind().isInteger() && width(childType.kind()) < width(parentType.kind())) {
      long largestKey = largestKey(parent, target, parentType);
      long childMax = childType.kind().maxInteger();
      if (largestKey > childMax) {
        error.accept(
            path,
            "foreign key \""
                + fk.name()
                + "\": "
                + child.name()
                + "."
                + column.name()
                + " ("
                + describe(column.type())
                + ", at most "
                + childMax
                + ") cannot hold the keys of "
                + parent.name()
                + "."
                + target.name()
                + " ("
                + describe(target.type())
                + (largestKey == parentType.kind().maxInteger()
                    ? ""
                    : ", up to " + largestKey + " for " + parent.rowCount() + " rows")
                + "); give both columns the same type");
      }
    }
    if (childType.length() != null
        && (parentType.length() == null || parentType.length() > childType.length())) {
      // The child copies the parent's values, so a longer one fails the restore ("value too long").
      error.accept(
          path,
          "foreign key \""
              + fk.name()
              + "\": "
              + child.name()
              + "."
              + column.name()
              + " ("
              + describe(column.type())
              + ") is shorter than "
              + parent.name()
              + "."
              + target.name()
              + " ("
              + describe(target.type())
              + "), whose longer values it cannot hold; give both columns the same type");
    }
  }

  /** A domain stands for its base type; an array keeps its dimensions. */
  PgType resolve(PgType type) {
    PgType current = type;
    for (int depth = 0; depth < 16 && current.kind() == TypeKind.DOMAIN; depth++) {
      CustomTypeSpec domain = schema.customType(current.customName()).orElse(null);
      if (domain == null || domain.baseType() == null) {
        return current;
      }
      PgType base = domain.baseType();
      current =
          new PgType(
              base.kind(),
              base.customName(),
              base.length(),
              base.precision(),
              base.scale(),
              base.arrayDimensions() + current.arrayDimensions(),
              false);
    }
    return current;
  }

  /** Types whose values can be compared as equal for a foreign key. */
  private static String family(PgType type) {
    String base =
        switch (type.kind()) {
          case SMALLINT, INTEGER, BIGINT -> "integer";
          case REAL, DOUBLE -> "float";
          case VARCHAR, CHAR, TEXT, CITEXT -> "text";
          case TIME, TIMETZ -> "time";
          case TIMESTAMP, TIMESTAMPTZ -> "timestamp";
          case INET, CIDR -> "inet";
          case ENUM, COMPOSITE, DOMAIN -> "type " + type.customName();
          default -> type.kind().name();
        };
    return base + "[]".repeat(type.arrayDimensions());
  }

  /**
   * The largest key the parent column can hold in this schema: for a serial, its row count (the
   * sequence starts at 1); for an integer_range, its max; else (any other generator) the type's
   * largest value.
   */
  private static long largestKey(TableSpec parent, ColumnSpec target, PgType type) {
    if (type.serial()) {
      return parent.rowCount();
    }
    if ("integer_range".equals(target.generator()) && target.generatorConfig() != null) {
      if (target.generatorConfig().get("max").orElse(null)
          instanceof io.datagen.job.json.JsonNumber max) {
        return max.value().longValue();
      }
    }
    return type.kind().maxInteger();
  }

  private static int width(TypeKind kind) {
    return switch (kind) {
      case SMALLINT -> 2;
      case INTEGER -> 4;
      default -> 8;
    };
  }

  /** A short human name of a type for messages ({@code varchar(20)}, {@code integer[]}). */
  static String describe(PgType type) {
    List<String> modifiers = new ArrayList<>();
    if (type.length() != null) {
      modifiers.add(type.length().toString());
    }
    if (type.precision() != null) {
      modifiers.add(type.precision().toString());
    }
    if (type.scale() != null && type.kind() == TypeKind.NUMERIC) {
      modifiers.add(type.scale().toString());
    }
    String name =
        type.customName() != null
            ? type.customName().toString()
            : type.serial()
                ? type.kind().name().toLowerCase(Locale.ROOT) + " (serial)"
                : type.kind().name().toLowerCase(Locale.ROOT);
    return name
        + (modifiers.isEmpty() ? "" : "(" + String.join(",", modifiers) + ")")
        + "[]".repeat(type.arrayDimensions());
  }
}
