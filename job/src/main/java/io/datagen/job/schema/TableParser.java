package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonPath;
import io.datagen.job.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/** Reads one table object: its columns (object or array shape), keys, constraints and indexes. */
final class TableParser {
  static final String COLUMNS = "columns";
  static final String ROW_COUNT = "row_count";
  static final String PRIMARY_KEY = "primary_key";
  static final String FOREIGN_KEYS = "foreign_keys";
  static final String UNIQUE_CONSTRAINTS = "unique_constraints";
  static final String CHECK_CONSTRAINTS = "check_constraints";
  static final String INDEXES = "indexes";

  private static final Set<String> KEYS =
      Set.of(
          COLUMNS,
          ROW_COUNT,
          PRIMARY_KEY,
          FOREIGN_KEYS,
          UNIQUE_CONSTRAINTS,
          CHECK_CONSTRAINTS,
          INDEXES);

  /**
   * A table whose foreign keys still wait for the other tables (their default referenced columns).
   */
  record ParsedTable(TableSpec spec, List<ConstraintParser.ForeignKeyDraft> foreignKeys) {}

  private final ColumnParser columnParser;
  private final ConstraintParser constraintParser;
  private final Problems problems;
  private final ParseDamage damage;

  TableParser(PgTypeParser types, Problems problems, ParseDamage damage) {
    this.columnParser = new ColumnParser(types, problems, damage);
    this.constraintParser = new ConstraintParser(problems);
    this.problems = problems;
    this.damage = damage;
  }

  ParsedTable fromJson(QualifiedName name, JsonValue node) {
    String thing = "table \"" + name + "\"";
    JsonObject object = JsonFields.asObject(node, thing, problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, thing, KEYS, problems);
    List<ColumnParser.ParsedColumn> columns = columns(fields);
    long rowCount = rowCount(fields);
    List<String> primaryKey = primaryKey(fields, columns);
    List<ColumnSpec> resolved = new ArrayList<>();
    List<UniqueSpec> uniques = new ArrayList<>();
    for (ColumnParser.ParsedColumn column : columns) {
      ColumnSpec spec = resolveNullability(column, primaryKey.contains(column.spec().name()));
      resolved.add(spec);
      if (spec.unique()) {
        uniques.add(new UniqueSpec(ConstraintParser.UNNAMED, List.of(spec.name()), spec.path()));
      }
    }
    uniques.addAll(list(fields, UNIQUE_CONSTRAINTS, constraintParser::unique));
    List<CheckSpec> checks = list(fields, CHECK_CONSTRAINTS, constraintParser::check);
    List<IndexSpec> indexes = list(fields, INDEXES, constraintParser::index);
    List<ConstraintParser.ForeignKeyDraft> foreignKeys =
        list(fields, FOREIGN_KEYS, constraintParser::foreignKey);
    TableSpec spec =
        new TableSpec(
            name,
            resolved,
            rowCount,
            primaryKey,
            List.of(),
            uniques,
            checks,
            indexes,
            fields.optionalString(JsonFields.COMMENT),
            object.path());
    return new ParsedTable(spec, foreignKeys);
  }

  private List<ColumnParser.ParsedColumn> columns(JsonFields fields) {
    JsonValue node = fields.get(COLUMNS).orElse(null);
    List<ColumnParser.ParsedColumn> columns = new ArrayList<>();
    if (node == null) {
      fields.missing(COLUMNS, "{\"id\": {\"type\": \"serial\", \"primary_key\": true}}");
      return columns;
    }
    Map<String, ColumnParser.ParsedColumn> byName = new HashMap<>();
    if (node instanceof JsonObject object) {
      object.members().forEach((name, value) -> columns.add(columnParser.fromJson(name, value)));
    } else if (node instanceof JsonArray array) {
      for (JsonValue element : array.elements()) {
        ColumnParser.ParsedColumn column = columnParser.fromJsonWithName(element);
        if (column != null && byName.putIfAbsent(column.spec().name(), column) != null) {
          problems.error(
              element,
              "duplicate column \""
                  + column.spec().name()
                  + "\" (first at "
                  + byName.get(column.spec().name()).spec().path()
                  + "); rename or remove one");
          continue;
        }
        columns.add(column);
      }
    } else {
      problems.error(
          node,
          "expected \"columns\" to be an object (name → column) or an array of columns with a"
              + " \"name\", got "
              + JsonFields.article(node));
      return columns;
    }
    columns.removeIf(Objects::isNull);
    if (node instanceof JsonObject o
        ? o.members().isEmpty()
        : ((JsonArray) node).elements().isEmpty()) {
      problems.error(node, "the table has no columns; add at least one");
    }
    return columns;
  }

  private long rowCount(JsonFields fields) {
    String path = JsonPath.member(fields.object().path(), ROW_COUNT);
    if (fields.get(ROW_COUNT).isEmpty()) {
      problems.warning(
          path,
          fields.object().location(),
          "no \"row_count\"; the table will be empty unless --rows"
              + " is given. Add e.g. \"row_count\": 1000");
      return 0;
    }
    Long rows = fields.optionalLong(ROW_COUNT);
    if (rows == null || rows < 0) {
      if (rows != null) {
        problems.error(
            fields.get(ROW_COUNT).orElseThrow(),
            "row_count must be 0 or more, got " + rows + "; use 0 for an empty table");
      }
      damage.markBroken(path);
      return 0;
    }
    return rows;
  }

  /** The table-level list, or the columns flagged {@code primary_key: true} in column order. */
  private List<String> primaryKey(JsonFields fields, List<ColumnParser.ParsedColumn> columns) {
    List<String> flagged =
        columns.stream().filter(c -> c.spec().primaryKey()).map(c -> c.spec().name()).toList();
    List<String> listed = fields.stringList(PRIMARY_KEY, false, "[\"id\"]");
    if (listed == null) {
      return flagged;
    }
    Set<String> distinct = new LinkedHashSet<>(listed);
    if (distinct.size() != listed.size()) {
      problems.error(
          fields.get(PRIMARY_KEY).orElseThrow(), "the primary key lists a column twice: " + listed);
    }
    if (!distinct.containsAll(flagged)) {
      problems.error(
          fields.get(PRIMARY_KEY).orElseThrow(),
          "the table-level primary_key "
              + listed
              + " and the columns marked \"primary_key\": true "
              + flagged
              + " disagree; a table has one primary key,"
              + " so list all of its columns in one place");
    }
    return List.copyOf(distinct);
  }

  private ColumnSpec resolveNullability(ColumnParser.ParsedColumn parsed, boolean inPrimaryKey) {
    ColumnSpec c = parsed.spec();
    if (!inPrimaryKey) {
      return c;
    }
    if (parsed.nullableNode() != null && c.nullable()) {
      problems.warning(
          parsed.nullableNode(),
          "column \""
              + c.name()
              + "\" is in the primary key, which is always"
              + " NOT NULL; \"nullable\": true is ignored");
    }
    return new ColumnSpec(
        c.name(),
        c.type(),
        false,
        c.nullRatio(),
        c.defaultExpression(),
        c.unique(),
        true,
        c.comment(),
        c.generator(),
        c.generatorConfig(),
        c.distribution(),
        c.pattern(),
        c.rules(),
        c.path());
  }

  private <T> List<T> list(JsonFields fields, String key, Function<JsonValue, T> reader) {
    JsonArray array = fields.optionalArray(key);
    if (array == null) {
      return new ArrayList<>();
    }
    List<T> items = new ArrayList<>();
    for (JsonValue element : array.elements()) {
      T item = reader.apply(element);
      if (item != null) {
        items.add(item);
      }
    }
    return items;
  }
}
