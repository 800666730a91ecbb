package io.datagen.job.generate.compile;

import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonBoolean;
import io.datagen.job.json.JsonNull;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.DatabaseSpec;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.IndexSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.ReferentialAction;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SequenceSpec;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.schema.UniqueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds schema records directly (no parser) for generator tests. */
final class TestSchemas {
  static final Instant REFERENCE = Instant.parse("2024-06-15T12:00:00Z");
  private static final AtomicInteger LINES = new AtomicInteger(1);

  private TestSchemas() {}

  // ---- types

  static PgType type(TypeKind kind) {
    return PgType.of(kind);
  }

  static PgType varchar(int n) {
    return new PgType(TypeKind.VARCHAR, null, n, null, null, 0, false);
  }

  static PgType chars(int n) {
    return new PgType(TypeKind.CHAR, null, n, null, null, 0, false);
  }

  static PgType numeric(Integer p, Integer s) {
    return new PgType(TypeKind.NUMERIC, null, null, p, s, 0, false);
  }

  static PgType serial(TypeKind kind) {
    return new PgType(kind, null, null, null, null, 0, true);
  }

  static PgType timestamp(TypeKind kind, Integer precision) {
    return new PgType(kind, null, null, precision, null, 0, false);
  }

  static PgType custom(TypeKind kind, String name) {
    return new PgType(kind, QualifiedName.parse(name), null, null, null, 0, false);
  }

  static PgType array(TypeKind kind) {
    return new PgType(kind, null, null, null, null, 1, false);
  }

  // ---- columns

  static final class Col {
    final String name;
    PgType type;
    boolean nullable = true;
    double nullRatio;
    boolean unique;
    boolean primaryKey;
    String generator;
    JsonObject config;
    String defaultExpression;
    JsonObject distribution;
    JsonValue pattern;
    JsonArray rules;

    Col(String name, PgType type) {
      this.name = name;
      this.type = type;
    }

    Col notNull() {
      nullable = false;
      return this;
    }

    Col nulls(double ratio) {
      nullRatio = ratio;
      return this;
    }

    Col unique() {
      unique = true;
      return this;
    }

    Col pk() {
      primaryKey = true;
      nullable = false;
      return this;
    }

    Col gen(String name, Object... keyValues) {
      generator = name;
      config =
          keyValues.length == 0
              ? null
              : config("$.tables.t.columns." + this.name + ".generator_config", keyValues);
      return this;
    }

    Col defaultExpr(String expression) {
      defaultExpression = expression;
      return this;
    }

    Col distribution(Object... keyValues) {
      distribution = config("$.tables.t.columns." + name + ".distribution", keyValues);
      return this;
    }

    /** Column-level pattern: a template string, or key/value pairs of the object form. */
    Col pattern(Object... templateOrKeyValues) {
      String path = "$.tables.t.columns." + name + ".pattern";
      pattern =
          templateOrKeyValues.length == 1
              ? json(path, templateOrKeyValues[0])
              : config(path, templateOrKeyValues);
      return this;
    }

    /**
     * Rules as maps/lists, e.g. {@code Map.of("if", Map.of("tier", "gold"), "then", Map.of("value",
     * 1))}.
     */
    Col rules(Object... rules) {
      this.rules = (JsonArray) json("$.tables.t.columns." + name + ".rules", List.of(rules));
      return this;
    }

    ColumnSpec spec(String tablePath) {
      return new ColumnSpec(
          name,
          type,
          nullable,
          nullRatio,
          defaultExpression,
          unique,
          primaryKey,
          null,
          generator,
          config,
          distribution,
          pattern,
          rules,
          tablePath + ".columns." + name);
    }
  }

  static Col col(String name, PgType type) {
    return new Col(name, type);
  }

  static Col col(String name, TypeKind kind) {
    return new Col(name, PgType.of(kind));
  }

  // ---- tables

  static final class Table {
    final QualifiedName name;
    final List<Col> columns = new ArrayList<>();
    long rows;
    final List<String> primaryKey = new ArrayList<>();
    final List<ForeignKeySpec> foreignKeys = new ArrayList<>();
    final List<UniqueSpec> uniques = new ArrayList<>();
    final List<IndexSpec> indexes = new ArrayList<>();
    final List<io.datagen.job.schema.CheckSpec> checks = new ArrayList<>();

    Table(String name, long rows) {
      this.name = QualifiedName.parse(name);
      this.rows = rows;
    }

    String path() {
      return "$.tables." + name;
    }

    Table col(Col column) {
      columns.add(column);
      return this;
    }

    Table pk(String... columnNames) {
      primaryKey.addAll(List.of(columnNames));
      return this;
    }

    Table fk(String parent, List<String> cols, List<String> referenced, double nullRatio) {
      String fkName = name.name() + "_" + String.join("_", cols) + "_fkey";
      foreignKeys.add(
          new ForeignKeySpec(
              fkName,
              cols,
              QualifiedName.parse(parent),
              referenced,
              ReferentialAction.NO_ACTION,
              ReferentialAction.NO_ACTION,
              null,
              nullRatio,
              path() + ".foreign_keys[" + foreignKeys.size() + "]"));
      return this;
    }

    Table fk(String column, String parent, String referenced) {
      return fk(parent, List.of(column), List.of(referenced), 0);
    }

    Table fkWith(ForeignKeySpec spec) {
      foreignKeys.add(spec);
      return this;
    }

    Table unique(String... columnNames) {
      String constraint = name.name() + "_" + String.join("_", columnNames) + "_key";
      uniques.add(
          new UniqueSpec(
              constraint,
              List.of(columnNames),
              path() + ".unique_constraints[" + uniques.size() + "]"));
      return this;
    }

    Table check(String expression) {
      checks.add(
          new io.datagen.job.schema.CheckSpec(
              name.name() + "_check" + (checks.isEmpty() ? "" : checks.size()),
              expression,
              path() + ".check_constraints[" + checks.size() + "]"));
      return this;
    }

    Table uniqueIndex(String... columnNames) {
      indexes.add(
          new IndexSpec(
              name.name() + "_" + String.join("_", columnNames) + "_idx",
              List.of(columnNames),
              "btree",
              true,
              null,
              path() + ".indexes[" + indexes.size() + "]"));
      return this;
    }

    TableSpec spec() {
      List<ColumnSpec> specs = new ArrayList<>();
      List<String> pk = new ArrayList<>(primaryKey);
      for (Col c : columns) {
        if (c.primaryKey && !pk.contains(c.name)) {
          pk.add(c.name);
        }
        if (pk.contains(c.name)) {
          c.nullable = false;
        }
      }
      for (Col c : columns) {
        specs.add(c.spec(path()));
      }
      return new TableSpec(
          name, specs, rows, pk, foreignKeys, uniques, checks, indexes, null, path());
    }
  }

  static Table table(String name, long rows) {
    return new Table(name, rows);
  }

  static Schema schema(Table... tables) {
    return schema(List.of(), List.of(), tables);
  }

  static Schema schema(List<SequenceSpec> sequences, List<CustomTypeSpec> types, Table... tables) {
    List<TableSpec> specs = new ArrayList<>();
    for (Table t : tables) {
      specs.add(t.spec());
    }
    return new Schema(
        "1.0", new DatabaseSpec("db", "UTF8", null), specs, sequences, types, List.of());
  }

  static CustomTypeSpec enumType(String name, String... labels) {
    return new CustomTypeSpec(
        QualifiedName.parse(name),
        TypeKind.ENUM,
        List.of(labels),
        List.of(),
        null,
        null,
        "$.custom_types." + name);
  }

  static SequenceSpec sequence(
      String name, long start, long increment, long min, long max, boolean cycle) {
    return new SequenceSpec(
        QualifiedName.parse(name), start, increment, min, max, 1, cycle, "$.sequences." + name);
  }

  // ---- located JSON

  /** An object from key/value pairs; values may be String, Number, Boolean, null, List or Map. */
  static JsonObject config(String path, Object... keyValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put((String) keyValues[i], keyValues[i + 1]);
    }
    return (JsonObject) json(path, map);
  }

  static JsonValue json(String path, Object value) {
    SourceLocation at = new SourceLocation(LINES.getAndIncrement(), 5);
    if (value == null) {
      return new JsonNull(path, at);
    }
    if (value instanceof String s) {
      return new JsonString(path, at, s);
    }
    if (value instanceof Boolean b) {
      return new JsonBoolean(path, at, b);
    }
    if (value instanceof Number n) {
      return new JsonNumber(path, at, new BigDecimal(n.toString()));
    }
    if (value instanceof List<?> list) {
      List<JsonValue> elements = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        elements.add(json(path + "[" + i + "]", list.get(i)));
      }
      return new JsonArray(path, at, elements);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, JsonValue> members = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        members.put((String) e.getKey(), json(path + "." + e.getKey(), e.getValue()));
      }
      return new JsonObject(path, at, members);
    }
    throw new IllegalArgumentException("Cannot convert " + value);
  }

  // ---- generation

  static TableRowGenerator generator(Schema schema, String table, long seed) {
    return TableGenerators.create(schema, QualifiedName.parse(table), seed, REFERENCE);
  }

  /** All rows of a table, rendered. */
  static List<List<String>> rows(Schema schema, String table, long seed) {
    TableRowGenerator generator = generator(schema, table, seed);
    long count = schema.table(QualifiedName.parse(table)).orElseThrow().rowCount();
    TextRowSink sink = new TextRowSink();
    for (long r = 0; r < count; r++) {
      generator.generateRow(r, sink);
    }
    return sink.rows;
  }

  /** One column of all rows, rendered. */
  static List<String> column(Schema schema, String table, String column, long seed) {
    TableRowGenerator generator = generator(schema, table, seed);
    int index = generator.columnNames().indexOf(column);
    long count = schema.table(QualifiedName.parse(table)).orElseThrow().rowCount();
    ColumnGenerator g = generator.column(index);
    TextRowSink sink = new TextRowSink();
    List<String> values = new ArrayList<>();
    for (long r = 0; r < count; r++) {
      sink.beginRow();
      g.generate(r, sink);
      sink.endRow();
      values.add(sink.rows.get(sink.rows.size() - 1).get(0));
    }
    return values;
  }

  static Set<String> distinctNonNull(List<String> values) {
    Set<String> set = new HashSet<>();
    for (String v : values) {
      if (v != null) {
        set.add(v);
      }
    }
    return set;
  }
}
