package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;

/**
 * The central promise, as a property: a schema that {@code validate} accepts without errors
 * produces an archive that {@code pg_restore --exit-on-error} restores into a real PostgreSQL, and
 * an INSERT script ({@code --format sql}) that {@code psql -v ON_ERROR_STOP=1} loads. Random
 * schemas mix types, nullability, keys, unique columns, defaults, enums with repeated values,
 * ranges, patterns, checks (bounds, lengths, orderings), foreign keys, indexes of every method, and
 * hostile names (quotes, spaces, capitals, keywords, 63-byte names, non-ASCII).
 *
 * <p>CI runs a fixed-seed sample; {@code mvn -B -P invariant verify -pl job -am} runs thousands
 * (docs/contributing.md). Every shrunk counterexample becomes a named test in {@code
 * ValidatedRestoresTest} or its neighbours.
 */
class SchemaRestoreInvariantTest {
  private static final Path DIR = newDirectory();

  @Property(tries = 30, seed = "20261207")
  void aSchemaThatValidatesRestores(@ForAll("schemas") String schema) throws Exception {
    check(schema);
  }

  @Property(tries = 3000)
  @Tag("invariant-long")
  void aSchemaThatValidatesRestoresManyTimes(@ForAll("schemas") String schema) throws Exception {
    check(schema);
  }

  private static void check(String json) throws Exception {
    Path schema = Files.writeString(Files.createTempFile(DIR, "schema", ".json"), json);
    DatagenCliTest.Run validate = DatagenCliTest.run("validate", schema.toString());
    assertThat(validate.exitCode())
        .as("validate exits 0 or 2: %s%s", validate.out(), validate.err())
        .isIn(0, 2);
    boolean valid = validate.exitCode() == 0;
    Statistics.collect(valid ? "valid" : "refused");
    Statistics.coverage(c -> c.check("valid").percentage(p -> p >= 20));
    if (!valid) {
      return;
    }
    Path archive = Path.of(schema.toString().replace(".json", ".dump"));
    DatagenCliTest.Run generate =
        DatagenCliTest.run(
            "generate", schema.toString(), "-o", archive.toString(), "--seed", "11", "-q");
    assertThat(generate.exitCode()).as("generate: %s\n%s", generate.err(), json).isZero();
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.Result restore = PgTools.pgRestoreIntoDb(archive, db.port(), db.name());
    assertThat(restore.exitCode()).as("pg_restore: %s\n%s", restore.stderr(), json).isZero();
    // The same data as an INSERT script, loaded with psql -v ON_ERROR_STOP=1.
    Path script = Path.of(schema.toString().replace(".json", ".sql"));
    DatagenCliTest.Run sql =
        DatagenCliTest.run(
            "generate",
            schema.toString(),
            "-o",
            script.toString(),
            "-f",
            "sql",
            "--seed",
            "11",
            "-q");
    assertThat(sql.exitCode()).as("generate -f sql: %s\n%s", sql.err(), json).isZero();
    PostgresServers.Database scriptDb = PostgresServers.createDatabase(15);
    PgTools.Result load = PgTools.psqlFile(script, scriptDb.port(), scriptDb.name());
    assertThat(load.exitCode()).as("psql: %s\n%s", load.stderr(), json).isZero();
    Files.deleteIfExists(script);
    Files.deleteIfExists(archive);
    Files.deleteIfExists(schema);
  }

  @Provide
  Arbitrary<String> schemas() {
    return Arbitraries.integers()
        .between(1, 3)
        .flatMap(
            count ->
                Combinators.combine(
                        table(0).list().ofSize(1),
                        table(1).list().ofSize(count - 1),
                        Arbitraries.of("", "\"citext\"", "\"btree_gin\", \"btree_gist\""))
                    .as(
                        (first, rest, extensions) -> {
                          List<Table> tables = new ArrayList<>(first);
                          tables.addAll(rest);
                          return render(tables, extensions);
                        }));
  }

  /** A table; tables after the first may reference the first one's key. */
  private record Table(
      String name, int rows, List<Column> columns, List<String> checks, List<Index> indexes) {}

  private record Column(
      String name,
      String type,
      boolean nullable,
      boolean primaryKey,
      boolean unique,
      String extra,
      boolean foreignKey) {}

  private record Index(List<Integer> columns, String method, boolean unique, boolean partial) {}

  private static Arbitrary<Table> table(int position) {
    Arbitrary<List<Column>> columns = column(position).list().ofMinSize(1).ofMaxSize(5);
    return Combinators.combine(
            name(),
            Arbitraries.integers().between(0, 40),
            columns,
            Arbitraries.integers().between(0, 2),
            index().list().ofMaxSize(2))
        .as(
            (name, rows, cols, checkCount, indexes) ->
                new Table(
                    (position == 0 ? "a_" : "b" + position + "_") + name,
                    rows,
                    dedupe(cols),
                    checks(dedupe(cols), checkCount),
                    indexes));
  }

  private static List<Column> dedupe(List<Column> columns) {
    List<Column> result = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      Column c = columns.get(i);
      result.add(
          new Column(
              c.name() + "_" + i,
              c.type(),
              c.nullable() && !(i == 0 && c.primaryKey()),
              i == 0 && c.primaryKey(),
              c.unique(),
              c.extra(),
              c.foreignKey()));
    }
    return result;
  }

  /** Bounds, lengths and orderings on the table's own columns. */
  private static List<String> checks(List<Column> columns, int count) {
    List<String> checks = new ArrayList<>();
    for (int i = 0; i < columns.size() && checks.size() < count; i++) {
      Column c = columns.get(i);
      String ident = quote(c.name());
      if (c.type().equals("smallint") || c.type().equals("integer")) {
        checks.add(ident + " > " + (i * 7 - 3));
        if (i > 0 && columns.get(i - 1).type().equals(c.type())) {
          checks.add(quote(columns.get(i - 1).name()) + " < " + ident);
        }
      } else if (c.type().startsWith("varchar") || c.type().equals("text")) {
        checks.add("length(" + ident + ") <= " + (3 + i));
      }
    }
    return checks;
  }

  private static Arbitrary<Column> column(int position) {
    Arbitrary<String> type =
        Arbitraries.of(
            "smallint",
            "integer",
            "bigint",
            "numeric(6,2)",
            "real",
            "double precision",
            "varchar(8)",
            "char(3)",
            "text",
            "boolean",
            "date",
            "timestamp",
            "timestamptz",
            "time",
            "interval",
            "uuid",
            "jsonb",
            "json",
            "bytea",
            "inet",
            "text[]",
            "integer[]",
            "serial",
            "citext");
    return Combinators.combine(
            name(),
            type,
            Arbitraries.of(true, false),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 9),
            Arbitraries.integers().between(0, 5))
        .as(
            (name, t, nullable, key, uniqueRoll, extraRoll) -> {
              boolean foreignKey = position > 0 && extraRoll == 0;
              String chosen = foreignKey ? "bigint" : t;
              return new Column(
                  name,
                  chosen,
                  nullable,
                  key,
                  uniqueRoll == 0,
                  foreignKey ? "" : extra(chosen, extraRoll),
                  foreignKey);
            });
  }

  /** A generator or default fitting the type, sometimes with repeated or awkward values. */
  private static String extra(String type, int roll) {
    return switch (type) {
      case "smallint", "integer", "bigint" ->
          switch (roll) {
            case 1 ->
                "\"generator\": \"integer_range\", \"generator_config\": {\"min\": -5, \"max\": 20}";
            case 2 ->
                "\"generator\": \"enum\", \"generator_config\": {\"values\": [1, \"1\", 2, \"02\", 3]}";
            case 3 -> "\"default\": \"42\"";
            default -> "";
          };
      case "varchar(8)", "text", "char(3)", "citext" ->
          switch (roll) {
            case 1 ->
                "\"generator\": \"pattern\", \"generator_config\": {\"pattern\": \"[A-Za-z]{2,6}\"}";
            case 2 ->
                "\"generator\": \"enum\", \"generator_config\": {\"values\": [\"a\", \"A\", \"a \", \"it's\", \"b\"]}";
            case 3 -> "\"default\": \"'x''y'\"";
            default -> "";
          };
      case "boolean" ->
          roll == 1
              ? "\"generator\": \"enum\", \"generator_config\": {\"values\": [\"yes\", \"true\", false]}"
              : "";
      case "numeric(6,2)" ->
          roll == 1
              ? "\"generator\": \"decimal_range\", \"generator_config\": {\"min\": 0, \"max\": 9999.99}"
              : "";
      default -> "";
    };
  }

  private static Arbitrary<Index> index() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 4).list().ofMinSize(1).ofMaxSize(2),
            Arbitraries.of("btree", "hash", "gin", "gist", "brin", "spgist"),
            Arbitraries.of(true, false),
            Arbitraries.of(true, false))
        .as(Index::new);
  }

  /** Names a reviewer would hate: quotes, spaces, capitals, keywords, non-ASCII, 40+ bytes. */
  private static Arbitrary<String> name() {
    return Arbitraries.of(
        "id",
        "Name",
        "order",
        "has space",
        "quote\"d",
        "semi;colon",
        "b) VALUES (1);--",
        "ünïcödé",
        "select",
        "x".repeat(40),
        "dollar$",
        "back\\slash");
  }

  private static String render(List<Table> tables, String extensions) {
    StringBuilder out =
        new StringBuilder(
            "{\"version\": \"1.0\", \"database\": {\"name\": \"inv\"}, \"extensions\": ["
                + extensions
                + "], \"tables\": {");
    Table parent = tables.get(0);
    Column parentKey = parent.columns().get(0).primaryKey() ? parent.columns().get(0) : null;
    for (int t = 0; t < tables.size(); t++) {
      Table table = tables.get(t);
      out.append(t == 0 ? "" : ", ").append(json(table.name())).append(": {\"row_count\": ");
      out.append(table.rows()).append(", \"columns\": {");
      List<String> foreignKeys = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        Column column = table.columns().get(c);
        String type = column.type();
        if (column.foreignKey() && parentKey != null) {
          type = parentKey.type().equals("serial") ? "integer" : parentKey.type();
          foreignKeys.add(
              "{\"columns\": ["
                  + json(column.name())
                  + "], \"referenced_table\": "
                  + json(parent.name())
                  + "}");
        }
        out.append(c == 0 ? "" : ", ").append(json(column.name())).append(": {\"type\": ");
        out.append(json(type)).append(", \"nullable\": ").append(column.nullable());
        if (column.primaryKey()) {
          out.append(", \"primary_key\": true");
        } else if (column.unique()) {
          out.append(", \"unique\": true");
        }
        if (!column.extra().isEmpty() && !(column.foreignKey() && parentKey != null)) {
          out.append(", ").append(column.extra());
        }
        out.append('}');
      }
      out.append('}');
      if (!foreignKeys.isEmpty()) {
        out.append(", \"foreign_keys\": [").append(String.join(", ", foreignKeys)).append(']');
      }
      if (!table.checks().isEmpty()) {
        out.append(", \"check_constraints\": [");
        for (int i = 0; i < table.checks().size(); i++) {
          out.append(i == 0 ? "" : ", ").append("{\"expression\": ");
          out.append(json(table.checks().get(i))).append('}');
        }
        out.append(']');
      }
      List<String> indexes = new ArrayList<>();
      for (Index index : table.indexes()) {
        List<String> names = new ArrayList<>();
        for (int column : index.columns()) {
          if (column < table.columns().size()) {
            String name = json(table.columns().get(column).name());
            if (!names.contains(name)) {
              names.add(name);
            }
          }
        }
        if (!names.isEmpty()) {
          indexes.add(
              "{\"columns\": ["
                  + String.join(", ", names)
                  + "], \"type\": "
                  + json(index.method())
                  + ", \"unique\": "
                  + index.unique()
                  + (index.partial()
                      ? ", \"where\": "
                          + json(quote(table.columns().get(0).name()) + " IS NOT NULL")
                      : "")
                  + "}");
        }
      }
      if (!indexes.isEmpty()) {
        out.append(", \"indexes\": [").append(String.join(", ", indexes)).append(']');
      }
      out.append('}');
    }
    return out.append("}}").toString();
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  private static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static Path newDirectory() {
    try {
      return Files.createTempDirectory("invariant-" + Locale.ROOT.getLanguage());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
