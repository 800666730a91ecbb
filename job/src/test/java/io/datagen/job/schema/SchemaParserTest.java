package io.datagen.job.schema;

import static io.datagen.job.schema.SchemaFixtures.error;
import static io.datagen.job.schema.SchemaFixtures.errors;
import static io.datagen.job.schema.SchemaFixtures.load;
import static io.datagen.job.schema.SchemaFixtures.table;
import static io.datagen.job.schema.SchemaFixtures.withTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaParserTest {

  @Test
  void readsColumnsWrittenAsAnObject() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "users": {
          "columns": {
            "id": {"type": "serial", "primary_key": true},
            "email": {"type": "varchar(255)", "nullable": false, "unique": true, "comment": "login"},
            "nickname": {"type": "text", "null_ratio": 0.25, "default": "'anon'"}
          },
          "row_count": 100,
          "comment": "people"
        }"""));
    TableSpec users = table(loaded, "users");
    assertThat(users.name()).isEqualTo(new QualifiedName("public", "users"));
    assertThat(users.columns())
        .extracting(ColumnSpec::name)
        .containsExactly("id", "email", "nickname");
    assertThat(users.rowCount()).isEqualTo(100);
    assertThat(users.comment()).isEqualTo("people");
    assertThat(users.primaryKey()).containsExactly("id");
    assertThat(users.primaryKeyName()).isEqualTo("users_pkey");
    ColumnSpec id = users.column("id").orElseThrow();
    assertThat(id.nullable()).isFalse();
    assertThat(id.primaryKey()).isTrue();
    assertThat(id.type().serial()).isTrue();
    ColumnSpec email = users.column("email").orElseThrow();
    assertThat(email.nullable()).isFalse();
    assertThat(email.unique()).isTrue();
    assertThat(email.comment()).isEqualTo("login");
    assertThat(email.path()).isEqualTo("$.tables.users.columns.email");
    ColumnSpec nickname = users.column("nickname").orElseThrow();
    assertThat(nickname.nullable()).isTrue();
    assertThat(nickname.nullRatio()).isEqualTo(0.25);
    assertThat(nickname.defaultExpression()).isEqualTo("'anon'");
    assertThat(users.uniqueConstraints())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.name()).isEqualTo("users_email_key");
              assertThat(u.columns()).containsExactly("email");
            });
    assertThat(loaded.schema().database()).isEqualTo(new DatabaseSpec("test", "UTF8", null));
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void readsColumnsWrittenAsAnArray() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "tenants": {
          "columns": [
            {"name": "id", "type": "serial", "nullable": false},
            {"name": "slug", "type": "varchar(100)", "nullable": false},
            {"name": "plan", "type": "varchar(20)", "generator": "weighted_enum",
             "generator_config": {"values": ["free", "pro"], "weights": [80, 20]}}
          ],
          "primary_key": ["id"],
          "unique_constraints": [{"columns": ["slug"]}],
          "row_count": 200
        }"""));
    TableSpec tenants = table(loaded, "tenants");
    assertThat(tenants.columns())
        .extracting(ColumnSpec::name)
        .containsExactly("id", "slug", "plan");
    assertThat(tenants.column("id").orElseThrow().primaryKey()).isTrue();
    assertThat(tenants.column("plan").orElseThrow().path())
        .isEqualTo("$.tables.tenants.columns[2]");
    assertThat(tenants.column("plan").orElseThrow().generator()).isEqualTo("weighted_enum");
    JsonObject config = tenants.column("plan").orElseThrow().generatorConfig();
    assertThat(config.path()).isEqualTo("$.tables.tenants.columns[2].generator_config");
    assertThat(config.get("weights").orElseThrow()).isInstanceOf(JsonArray.class);
    assertThat(tenants.uniqueConstraints())
        .extracting(UniqueSpec::name)
        .containsExactly("tenants_slug_key");
  }

  @Test
  void compositePrimaryKeyFromColumnFlagsInColumnOrder() {
    TableSpec t =
        table(
            load(
                withTables(
                    """
        "post_tags": {
          "columns": {
            "tag_id": {"type": "integer", "primary_key": true},
            "note": {"type": "text"},
            "post_id": {"type": "integer", "primary_key": true}
          },
          "row_count": 10
        }""")),
            "post_tags");
    assertThat(t.primaryKey()).containsExactly("tag_id", "post_id");
    assertThat(t.column("post_id").orElseThrow().nullable()).isFalse();
    assertThat(t.column("note").orElseThrow().primaryKey()).isFalse();
  }

  @Test
  void compositePrimaryKeyFromTheTableLevelList() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "post_tags": {
          "columns": {
            "tag_id": {"type": "integer"},
            "post_id": {"type": "integer", "primary_key": true, "nullable": true}
          },
          "primary_key": ["post_id", "tag_id"],
          "row_count": 10
        }"""));
    TableSpec t = table(loaded, "post_tags");
    assertThat(t.primaryKey()).containsExactly("post_id", "tag_id");
    assertThat(t.columns())
        .allSatisfy(
            c -> {
              assertThat(c.nullable()).isFalse();
              assertThat(c.primaryKey()).isTrue();
            });
    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("$.tables.post_tags.columns.post_id.nullable");
              assertThat(w.message()).contains("always NOT NULL");
            });
  }

  @Test
  void tableLevelAndColumnLevelPrimaryKeysMustAgree() {
    SchemaProblem problem =
        error(
            withTables(
                """
        "t": {"columns": {"a": {"type": "integer"}, "b": {"type": "integer", "primary_key": true}},
              "primary_key": ["a"], "row_count": 1}"""));
    assertThat(problem.path()).isEqualTo("$.tables.t.primary_key");
    assertThat(problem.message()).contains("disagree");
    assertThat(
            error(
                    withTables(
                        """
        "t": {"columns": {"a": {"type": "integer"}}, "primary_key": ["a", "a"], "row_count": 1}"""))
                .message())
        .contains("lists a column twice");
  }

  @Test
  void readsForeignKeysCompositeAndSelfReferencing() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "categories": {
          "columns": {"id": {"type": "serial", "primary_key": true}, "parent_id": {"type": "integer"}},
          "foreign_keys": [{"columns": ["parent_id"], "referenced_table": "categories",
                            "referenced_columns": ["id"], "on_delete": "set null"}],
          "row_count": 20
        },
        "orders": {
          "columns": {"region": {"type": "text"}, "number": {"type": "bigint"}},
          "primary_key": ["region", "number"],
          "row_count": 50
        },
        "order_lines": {
          "columns": {"region": {"type": "text", "nullable": false}, "order_number": {"type": "bigint", "nullable": false},
                      "line": {"type": "integer", "nullable": false}},
          "foreign_keys": [{"columns": ["region", "order_number"], "referenced_table": "orders",
                            "referenced_columns": ["region", "number"], "on_delete": "CASCADE",
                            "on_update": "NO_ACTION", "distribution": {"type": "zipf", "alpha": 1.0},
                            "name": "lines_to_orders"}],
          "row_count": 500
        }"""));
    ForeignKeySpec self = table(loaded, "categories").foreignKeys().get(0);
    assertThat(self.name()).isEqualTo("categories_parent_id_fkey");
    assertThat(self.referencedTable()).isEqualTo(new QualifiedName("public", "categories"));
    assertThat(self.onDelete()).isEqualTo(ReferentialAction.SET_NULL);
    assertThat(self.onUpdate()).isEqualTo(ReferentialAction.NO_ACTION);
    assertThat(self.distribution()).isNull();
    ForeignKeySpec composite = table(loaded, "order_lines").foreignKeys().get(0);
    assertThat(composite.name()).isEqualTo("lines_to_orders");
    assertThat(composite.columns()).containsExactly("region", "order_number");
    assertThat(composite.referencedColumns()).containsExactly("region", "number");
    assertThat(composite.onDelete()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(composite.distribution().path())
        .isEqualTo("$.tables.order_lines.foreign_keys[0].distribution");
    assertThat(composite.path()).isEqualTo("$.tables.order_lines.foreign_keys[0]");
  }

  @Test
  void referencedColumnsDefaultToTheReferencedPrimaryKey() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "users": {"columns": {"id": {"type": "bigserial", "primary_key": true}}, "row_count": 5},
        "posts": {"columns": {"id": {"type": "serial", "primary_key": true}, "user_id": {"type": "bigint"}},
                  "foreign_keys": [{"columns": ["user_id"], "referenced_table": "users", "null_ratio": 0.5}],
                  "row_count": 5}"""));
    ForeignKeySpec fk = table(loaded, "posts").foreignKeys().get(0);
    assertThat(fk.referencedColumns()).containsExactly("id");
    assertThat(fk.nullRatio()).isEqualTo(0.5);
    assertThat(
            error(
                withTables(
                    """
        "users": {"columns": {"id": {"type": "integer"}}, "row_count": 5},
        "posts": {"columns": {"user_id": {"type": "integer"}},
                  "foreign_keys": [{"columns": ["user_id"], "referenced_table": "users"}], "row_count": 5}""")))
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("$.tables.posts.foreign_keys[0].referenced_columns");
              assertThat(p.message())
                  .contains("no primary key")
                  .contains("add \"referenced_columns\"");
            });
  }

  @Test
  void foreignKeyListsMustBeArraysOfMatchingLength() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "users": {"columns": {"id": {"type": "integer", "primary_key": true}}, "row_count": 5},
        "posts": {"columns": {"user_id": {"type": "integer"}},
                  "foreign_keys": [
                    {"columns": "user_id", "referenced_table": "users", "referenced_columns": ["id"]},
                    {"columns": ["user_id"], "referenced_table": "users", "referenced_columns": ["id", "x"]},
                    {"columns": [], "referenced_table": "users"},
                    {"columns": ["user_id"], "referenced_table": "users", "on_delete": "CASCADES"},
                    {"columns": ["user_id"], "referenced_table": "a.b.c"},
                    "user_id"
                  ],
                  "row_count": 5}"""));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .satisfiesExactly(
            m ->
                assertThat(m)
                    .contains("expected \"columns\" to be an array of strings, e.g. [\"user_id\"]"),
            m -> assertThat(m).contains("1 column(s) [user_id] but 2 referenced column(s)"),
            m -> assertThat(m).contains("\"columns\" must not be empty"),
            m ->
                assertThat(m)
                    .contains(
                        "unknown action \"CASCADES\" for on_delete. Did you mean \"CASCADE\"?"),
            m -> assertThat(m).contains("invalid name \"a.b.c\""),
            m -> assertThat(m).contains("expected a foreign key to be a JSON object"));
  }

  @Test
  void readsUniqueCheckAndIndexObjects() {
    TableSpec t =
        table(
            load(
                withTables(
                    """
        "products": {
          "columns": {"id": {"type": "serial", "primary_key": true}, "sku": {"type": "text"},
                      "vendor": {"type": "text"}, "price": {"type": "numeric(10,2)"}, "tags": {"type": "text[]"}},
          "unique_constraints": [{"columns": ["vendor", "sku"]}, {"columns": ["sku"], "name": "sku_once"}],
          "check_constraints": [{"expression": " price >= 0 "}, {"expression": "length(sku) < length(vendor)"},
                                {"expression": "price > 0", "name": "positive"}, {"expression": "1 = 1"}],
          "indexes": [{"columns": ["vendor"]}, {"columns": ["tags"], "type": "GIN"},
                      {"columns": ["sku"], "unique": true, "where": "price > 0", "name": "cheap_sku"},
                      {"columns": ["vendor"]}],
          "row_count": 10
        }""")),
            "products");
    assertThat(t.uniqueConstraints())
        .extracting(UniqueSpec::name)
        .containsExactly("products_vendor_sku_key", "sku_once");
    assertThat(t.checkConstraints())
        .extracting(CheckSpec::name)
        .containsExactly("products_price_check", "products_check", "positive", "products_check1");
    assertThat(t.checkConstraints().get(0).expression()).isEqualTo("price >= 0");
    assertThat(t.indexes())
        .extracting(IndexSpec::name)
        .containsExactly(
            "products_vendor_idx", "products_tags_idx", "cheap_sku", "products_vendor_idx1");
    assertThat(t.indexes())
        .extracting(IndexSpec::method)
        .containsExactly("btree", "gin", "btree", "btree");
    assertThat(t.indexes().get(2).unique()).isTrue();
    assertThat(t.indexes().get(2).where()).isEqualTo("price > 0");
  }

  @Test
  void generatedNamesAreTruncatedAndDeduplicatedAcrossTheSchema() {
    String longTable = "t".repeat(60);
    String longColumn = "c".repeat(60);
    LoadedSchema loaded =
        load(
            withTables(
                """
        "%s": {
          "columns": {"%s": {"type": "integer", "unique": true}, "other": {"type": "integer"}},
          "unique_constraints": [{"columns": ["%s"]}],
          "check_constraints": [{"expression": "%s > 0"}],
          "row_count": 1
        }"""
                    .formatted(longTable, longColumn, longColumn, longColumn)));
    TableSpec t = loaded.schema().tables().get(0);
    String expected = "t".repeat(29) + "_" + "c".repeat(29) + "_key";
    assertThat(t.uniqueConstraints())
        .extracting(UniqueSpec::name)
        .containsExactly(expected, "t".repeat(29) + "_" + "c".repeat(28) + "_key1");
    assertThat(t.checkConstraints().get(0).name())
        .isEqualTo("t".repeat(28) + "_" + "c".repeat(28) + "_check");
    assertThat(t.uniqueConstraints())
        .allSatisfy(u -> assertThat(u.name().length()).isLessThanOrEqualTo(63));
  }

  @Test
  void generatedNamesAvoidExplicitNamesAndOtherTables() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "a": {"columns": {"x": {"type": "integer"}},
              "indexes": [{"columns": ["x"]}], "row_count": 1},
        "b": {"columns": {"x": {"type": "integer"}},
              "indexes": [{"columns": ["x"], "name": "a_x_idx1"}], "row_count": 1},
        "a_x_idx": {"columns": {"y": {"type": "integer"}}, "row_count": 1},
        "sales.a": {"columns": {"x": {"type": "integer"}}, "indexes": [{"columns": ["x"]}], "row_count": 1}"""));
    assertThat(table(loaded, "a").indexes().get(0).name()).isEqualTo("a_x_idx2");
    assertThat(table(loaded, "sales.a").indexes().get(0).name()).isEqualTo("a_x_idx");
    assertThat(table(loaded, "sales.a").name().schema()).isEqualTo("sales");
  }

  @Test
  void acceptsCommentInEveryObjectAndKeepsGeneratorSettingsAsJson() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "events": {
          "comment": "t",
          "columns": [
            {"name": "code", "type": "varchar(20)", "comment": "c",
             "pattern": {"template": "EV-{sequence:6}", "variables": {"x": "y"}, "comment": "p"}},
            {"name": "simple", "type": "varchar(20)", "pattern": "S-{row}"},
            {"name": "tier", "type": "text",
             "distribution": {"type": "weighted", "weights": {"free": 60, "pro": 40}, "comment": "d"}},
            {"name": "limit", "type": "numeric(10,2)",
             "rules": [{"if": {"tier": "free"}, "then": {"min": 1.5, "max": 9.99}, "comment": "r"},
                       {"if": {"tier": "pro"}, "then": {"value": 100, "comment": "v"}, "else": {"value": 1}}]},
            {"name": "product", "type": "text", "generator": "product_name"}
          ],
          "check_constraints": [{"expression": "true", "comment": "x"}],
          "row_count": 3
        }"""));
    TableSpec t = table(loaded, "events");
    assertThat(t.column("code").orElseThrow().pattern()).isInstanceOf(JsonObject.class);
    assertThat(((JsonString) t.column("simple").orElseThrow().pattern()).value())
        .isEqualTo("S-{row}");
    assertThat(t.column("tier").orElseThrow().distribution().get("comment")).isPresent();
    JsonArray rules = t.column("limit").orElseThrow().rules();
    assertThat(rules.elements()).hasSize(2);
    assertThat(rules.path()).isEqualTo("$.tables.events.columns[3].rules");
    assertThat(t.column("product").orElseThrow().generatorConfig()).isNull();
  }

  @Test
  void checksTheShapeOfGeneratorSettings() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "t": {"columns": {
            "a": {"type": "text", "generator_config": ["x"]},
            "b": {"type": "text", "distribution": "zipf"},
            "c": {"type": "text", "pattern": 5},
            "d": {"type": "text", "pattern": {"templat": "x"}},
            "e": {"type": "text", "rules": {"if": {}}},
            "f": {"type": "text", "rules": [{"then": {"value": 1}, "iff": 2}, 3, {"if": 1, "then": 2}]},
            "g": {"type": "text", "generator": 7, "default": [1]}
          }, "row_count": 1}"""));
    assertThat(errors)
        .extracting(SchemaProblem::path)
        .containsExactly(
            "$.tables.t.columns.a.generator_config",
            "$.tables.t.columns.b.distribution",
            "$.tables.t.columns.c.pattern",
            "$.tables.t.columns.d.pattern.template",
            "$.tables.t.columns.d.pattern.templat",
            "$.tables.t.columns.e.rules",
            "$.tables.t.columns.f.rules[0].if",
            "$.tables.t.columns.f.rules[0].iff",
            "$.tables.t.columns.f.rules[1]",
            "$.tables.t.columns.f.rules[2].if",
            "$.tables.t.columns.f.rules[2].then",
            "$.tables.t.columns.g.generator",
            "$.tables.t.columns.g.default");
    assertThat(errors.get(0).message()).contains("expected \"generator_config\" to be an object");
    assertThat(errors.get(4).message()).contains("Did you mean \"template\"?");
    assertThat(errors.get(7).message())
        .contains("unknown key \"iff\" in rule. Did you mean \"if\"?");
  }

  @Test
  void unknownKeysGetADidYouMean() {
    List<SchemaProblem> errors =
        errors(
            """
        {"version": "1.0", "databse": {}, "database": {"name": "x", "encodng": "UTF8"},
         "tables": {"t": {"colums": {}, "columns": {"a": {"type": "text", "nulable": false, "primary_ky": true}},
                          "rowcount": 5, "row_count": 1,
                          "foreign_keys": [{"column": ["a"], "columns": ["a"], "referenced_table": "t",
                                            "referenced_columns": ["a"]}],
                          "indexes": [{"columns": ["a"], "method": "gin"}]}}}""");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .anySatisfy(
            m ->
                assertThat(m)
                    .startsWith(
                        "unknown key \"databse\" in the schema. Did you mean \"database\"?"));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .anySatisfy(
            m -> assertThat(m).contains("\"encodng\" in database. Did you mean \"encoding\"?"))
        .anySatisfy(
            m -> assertThat(m).contains("\"colums\" in table \"t\". Did you mean \"columns\"?"))
        .anySatisfy(
            m -> assertThat(m).contains("\"nulable\" in column \"a\". Did you mean \"nullable\"?"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("\"primary_ky\" in column \"a\". Did you mean \"primary_key\"?"))
        .anySatisfy(
            m -> assertThat(m).contains("\"rowcount\" in table \"t\". Did you mean \"row_count\"?"))
        .anySatisfy(
            m -> assertThat(m).contains("\"column\" in foreign key. Did you mean \"columns\"?"))
        .anySatisfy(
            m ->
                assertThat(m)
                    .contains("\"method\" in index")
                    .contains("Allowed keys: columns, comment"));
    assertThat(errors).anySatisfy(p -> assertThat(p.message()).contains("not its primary key"));
    assertThat(errors).hasSize(9);
  }

  @Test
  void rowCountMustBeAWholeNumberOfZeroOrMore() {
    SchemaProblem negative =
        error(
            withTables(
                """
        "t": {"columns": {"a": {"type": "text"}},
              "row_count": -5}"""));
    assertThat(negative.path()).isEqualTo("$.tables.t.row_count");
    assertThat(negative.location()).isEqualTo(new SourceLocation(2, 20));
    assertThat(negative.message())
        .isEqualTo("row_count must be 0 or more, got -5; use 0 for an empty table");
    assertThat(negative.describe())
        .isEqualTo(
            "Invalid schema at $.tables.t.row_count (line 2, column 20): "
                + "row_count must be 0 or more, got -5; use 0 for an empty table");
    assertThat(
            error(
                    withTables(
                        "\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 1.5}"))
                .message())
        .contains("whole number");
    assertThat(
            error(
                    withTables(
                        "\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": \"10\"}"))
                .message())
        .contains("expected \"row_count\" to be a whole number, got the string \"10\"");
    assertThat(
            error(
                    withTables(
                        "\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 1e30}"))
                .message())
        .contains("between");
    assertThat(
            table(
                    load(
                        withTables(
                            "\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 2e3}")),
                    "t")
                .rowCount())
        .isEqualTo(2000);
  }

  @Test
  void missingRowCountIsAWarningAndMeansEmpty() {
    LoadedSchema loaded = load(withTables("\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}}"));
    assertThat(table(loaded, "t").rowCount()).isZero();
    assertThat(loaded.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.severity()).isEqualTo(SchemaProblem.Severity.WARNING);
              assertThat(w.path()).isEqualTo("$.tables.t.row_count");
              assertThat(w.describe())
                  .startsWith(
                      "Warning at $.tables.t.row_count (line 1, column 66): no \"row_count\"");
            });
  }

  @Test
  void reportsManyErrorsAtOnceInFileOrderWithLocations() {
    String json =
        """
        {
          "version": "1.0",
          "database": {"name": "shop"},
          "tables": {
            "users": {
              "columns": {
                "id": {"type": "intger", "primary_key": true},
                "email": {"type": "varchar(0)"},
                "born": {"type": "datetime"}
              },
              "row_count": -1
            },
            "posts": {
              "columns": [
                {"name": "id", "type": "serial", "null_ratio": 2},
                {"type": "text"}
              ],
              "foreign_keys": [{"columns": ["author"], "referenced_table": "userz", "referenced_columns": ["id"]}],
              "row_count": 10
            }
          }
        }""";
    List<SchemaProblem> errors = errors(json);
    assertThat(errors)
        .extracting(SchemaProblem::path)
        .containsExactly(
            "$.tables.users.columns.id.type",
            "$.tables.users.columns.email.type",
            "$.tables.users.columns.born.type",
            "$.tables.users.row_count",
            "$.tables.posts.columns[0].null_ratio",
            "$.tables.posts.columns[1].name",
            "$.tables.posts.foreign_keys[0].columns",
            "$.tables.posts.foreign_keys[0].referenced_table");
    assertThat(errors)
        .extracting(SchemaProblem::location)
        .containsExactly(
            new SourceLocation(7, 24),
            new SourceLocation(8, 27),
            new SourceLocation(9, 26),
            new SourceLocation(11, 20),
            new SourceLocation(15, 56),
            new SourceLocation(16, 9),
            new SourceLocation(18, 36),
            new SourceLocation(18, 68));
    assertThat(errors.get(0).message()).contains("Did you mean \"integer\"?");
    assertThat(errors.get(2).message()).contains("use timestamp");
    assertThat(errors.get(4).message()).contains("between 0 and 1");
    assertThat(errors.get(6).message())
        .contains("column \"author\", which table \"posts\" does not have");
    assertThat(errors.get(7).message())
        .contains("\"userz\", which does not exist. Did you mean \"users\"?");
    assertThatThrownBy(() -> new SchemaLoader().load(json, "shop.json"))
        .hasMessageStartingWith(
            "Schema shop.json has 8 errors:\n  - Invalid schema at $.tables.users.columns.id.type"
                + " (line 7, column 24): unknown type \"intger\"");
  }

  @Test
  void malformedJsonIsOneProblemWithLineAndColumn() {
    SchemaProblem problem = error("{\n  \"version\": \"1.0\"\n  \"database\": {}\n}");
    assertThat(problem.location()).isEqualTo(new SourceLocation(3, 3));
    assertThat(problem.path()).isEqualTo("$");
    assertThat(problem.message())
        .startsWith("invalid JSON: Unexpected character")
        .contains("fix the JSON syntax");
    assertThat(error("{\"a\": 1, \"a\": 2}").message()).contains("duplicate key \"a\"");
  }

  @Test
  void checksTheTopLevel() {
    assertThat(error("[]").message()).contains("expected the schema to be a JSON object");
    assertThat(errors("{}"))
        .extracting(SchemaProblem::message)
        .containsExactly(
            "the schema is missing \"version\"; add it, e.g. \"version\": \"1.0\"",
            "the schema is missing \"database\"; add it, e.g. \"database\": {\"name\": \"shop\"}",
            "the schema is missing \"tables\"; add it, e.g. \"tables\": {\"users\": {\"columns\": {...},"
                + " \"row_count\": 1000}}");
    SchemaProblem version =
        error(
            "{\"version\": \"2.0\", \"database\": {\"name\": \"x\"}, \"tables\": {\"t\": "
                + "{\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 1}}}");
    assertThat(version.message())
        .isEqualTo(
            "unsupported version \"2.0\"; this datagen reads version 1.0 (write"
                + " \"version\": \"1.0\")");
    assertThat(
            error(
                    "{\"version\": 1.0, \"database\": {\"name\": \"x\"}, \"tables\": {\"t\": "
                        + "{\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 1}}}")
                .message())
        .isEqualTo("expected \"version\" to be a string, got the number 1.0");
    assertThat(
            error("{\"version\": \"1.0\", \"database\": {\"name\": \"x\"}, \"tables\": {}}")
                .message())
        .contains("no tables");
    assertThat(
            error(
                    "{\"version\": \"1.0\", \"database\": 5, \"tables\": {\"t\": {\"columns\": {\"a\": {\"type\":"
                        + " \"text\"}}}}}")
                .message())
        .contains("expected \"database\" to be a JSON object");
  }

  @Test
  void readsTheDatabaseObject() {
    LoadedSchema loaded =
        load(
            "{\"version\": \"1.0\", \"database\": {\"name\": \"My_DB\", \"encoding\": \"utf-8\","
                + " \"locale\": \"de_DE.utf8\", \"comment\": \"x\"}, \"tables\": {\"t\": {\"columns\": {\"a\": {\"type\":"
                + " \"text\"}}, \"row_count\": 1}}}");
    assertThat(loaded.schema().database())
        .isEqualTo(new DatabaseSpec("My_DB", "UTF8", "de_DE.utf8"));
    assertThat(loaded.schema().version()).isEqualTo("1.0");
    List<SchemaProblem> errors =
        errors(
            "{\"version\": \"1.0\", \"database\": {\"name\": \"my-db\", \"encoding\":"
                + " \"LATIN\"}, \"tables\": {\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 1}}}");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactly(
            "invalid database name \"my-db\"; use up to 63 letters, digits and underscores, starting with a letter or"
                + " underscore, e.g. \"my_db\"",
            "unknown encoding \"LATIN\". Did you mean \"LATIN1\"? Use a PostgreSQL server encoding such as UTF8");
    assertThat(
            error(
                    "{\"version\": \"1.0\", \"database\": {\"name\": \"9\"}, \"tables\": {\"t\": {\"columns\": {\"a\":"
                        + " {\"type\": \"text\"}}, \"row_count\": 1}}}")
                .message())
        .contains("e.g. \"db_9\"");
  }

  @Test
  void readsSequencesWithPostgresDefaults() {
    LoadedSchema loaded =
        load(
            """
        {"version": "1.0", "database": {"name": "x"},
         "sequences": {
           "order_seq": {"start": 1000, "increment": 5, "cache": 10, "cycle": true, "comment": "x"},
           "down": {"increment": -1, "max_value": null},
           "sales.plain": {}
         },
         "tables": {"t": {"columns": {"a": {"type": "bigint", "default": "nextval('order_seq'::regclass)"},
                                      "b": {"type": "bigint", "generator": "sequence",
                                            "generator_config": {"sequence": "sales.plain"}}},
                          "row_count": 1}}}""");
    assertThat(loaded.schema().sequences())
        .containsExactly(
            new SequenceSpec(
                new QualifiedName("public", "order_seq"),
                1000,
                5,
                1,
                Long.MAX_VALUE,
                10,
                true,
                "$.sequences.order_seq"),
            new SequenceSpec(
                new QualifiedName("public", "down"),
                -1,
                -1,
                Long.MIN_VALUE,
                -1,
                1,
                false,
                "$.sequences.down"),
            new SequenceSpec(
                new QualifiedName("sales", "plain"),
                1,
                1,
                1,
                Long.MAX_VALUE,
                1,
                false,
                "$.sequences[\"sales.plain\"]"));
    List<SchemaProblem> errors =
        errors(
            """
        {"version": "1.0", "database": {"name": "x"},
         "sequences": {"a": {"increment": 0}, "b": {"min_value": 5, "max_value": 5}, "c": {"start": 0},
                       "d": {"cache": 0}, "e": {"start": "1"}, "f": [], "g..h": {}},
         "tables": {"t": {"columns": {"a": {"type": "bigint"}}, "row_count": 1}}}""");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactly(
            "increment must not be zero; use 1 (or -1 to count down)",
            "min_value (5) must be less than max_value (5)",
            "start (0) must be between min_value (1) and max_value (9223372036854775807)",
            "cache must be at least 1, got 0",
            "expected \"start\" to be a whole number, got the string \"1\"",
            "expected sequence \"f\" to be a JSON object {...}, got an array",
            "invalid name \"g..h\"; write \"name\" or \"schema.name\"");
  }

  @Test
  void readsCustomTypes() {
    LoadedSchema loaded =
        load(
            """
        {"version": "1.0", "database": {"name": "x"}, "extensions": ["citext", "uuid-ossp"],
         "custom_types": {
           "mood": {"kind": "enum", "definition": {"values": ["sad", "ok", "happy"]}, "comment": "x"},
           "address": {"kind": "Composite", "definition": {"fields": [{"name": "street", "type": "text"},
                                                                      {"name": "feeling", "type": "mood"}]}},
           "email": {"kind": "domain", "definition": {"base_type": "citext", "constraint": "VALUE ~ '@'"}},
           "sales.code": {"kind": "domain", "definition": {"base_type": "varchar(8)"}}
         },
         "tables": {"t": {"columns": {"m": {"type": "mood"}, "a": {"type": "address[]"},
                                      "e": {"type": "email"}, "c": {"type": "sales.code"}},
                          "row_count": 1}}}""");
    Schema schema = loaded.schema();
    assertThat(schema.extensions()).containsExactly("citext", "uuid-ossp");
    CustomTypeSpec mood = schema.customType(new QualifiedName("public", "mood")).orElseThrow();
    assertThat(mood.kind()).isEqualTo(TypeKind.ENUM);
    assertThat(mood.enumValues()).containsExactly("sad", "ok", "happy");
    CustomTypeSpec address =
        schema.customType(new QualifiedName("public", "address")).orElseThrow();
    assertThat(address.fields())
        .extracting(CustomTypeSpec.Field::name)
        .containsExactly("street", "feeling");
    assertThat(address.fields().get(1).type().kind()).isEqualTo(TypeKind.ENUM);
    CustomTypeSpec email = schema.customType(new QualifiedName("public", "email")).orElseThrow();
    assertThat(email.baseType().kind()).isEqualTo(TypeKind.CITEXT);
    assertThat(email.domainConstraint()).isEqualTo("VALUE ~ '@'");
    TableSpec t = table(loaded, "t");
    assertThat(t.column("a").orElseThrow().type().kind()).isEqualTo(TypeKind.COMPOSITE);
    assertThat(t.column("c").orElseThrow().type().customName())
        .isEqualTo(new QualifiedName("sales", "code"));
  }

  @Test
  void reportsInvalidCustomTypes() {
    List<SchemaProblem> errors =
        errors(
            """
        {"version": "1.0", "database": {"name": "x"}, "extensions": ["a", "a", 3],
         "custom_types": {
           "a": {"kind": "enun", "definition": {"values": ["x"]}},
           "b": {"kind": "enum", "definition": {"values": [1]}},
           "c": {"kind": "enum", "definition": {}},
           "d": {"kind": "composite", "definition": {"fields": []}},
           "e": {"kind": "composite", "definition": {"fields": [{"name": "x", "type": "nope"}, 5]}},
           "f": {"kind": "domain", "definition": {"base_type": "serial"}},
           "g": {"kind": "domain", "definition": {"base_type": "g"}},
           "h": {"kind": "domain"},
           "i": {"kind": "composite", "definition": {}},
           "j": {"definition": {"base_type": "text"}}
         },
         "tables": {"t": {"columns": {"x": {"type": "b"}}, "row_count": 1}}}""");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactly(
            "expected an extension name such as \"uuid-ossp\", got the number 3",
            "unknown kind \"enun\". Did you mean \"enum\"? Use enum, composite or domain",
            "expected an enum label (a string), got the number 1",
            "enum definition is missing \"values\"; add it, e.g. \"values\": [\"pending\", \"shipped\"]",
            "a composite type needs at least one field",
            "unknown type \"nope\". Use a PostgreSQL type (see docs/schema-format.md) or a type declared under"
                + " custom_types",
            "expected a composite field to be a JSON object {...}, got the number 5",
            "a domain cannot be based on a serial type; use the underlying integer type",
            "a domain cannot be based on itself",
            "custom type \"h\" is missing \"definition\"; add it, e.g. \"definition\": {\"values\": [\"pending\","
                + " \"shipped\"]}",
            "composite definition is missing \"fields\"; add it, e.g. \"fields\": [{\"name\": \"street\", \"type\":"
                + " \"text\"}]",
            "custom type \"j\" is missing \"kind\"; add it, e.g. \"kind\": \"enum\"");
    assertThat(problemsOf(errors)).doesNotContain("custom type \"b\" is not defined");
  }

  @Test
  void tableNamesMayBeSchemaQualifiedButNotTwice() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "users": {"columns": {"a": {"type": "text"}}, "row_count": 1},
        "public.users": {"columns": {"a": {"type": "text"}}, "row_count": 1},
        ".x": {"columns": {"a": {"type": "text"}}, "row_count": 1},
        "y": 5,
        "z": {"columns": 5, "row_count": 1},
        "w": {"columns": [], "row_count": 1},
        "v": {"columns": [{"name": "a", "type": "text"}, {"name": "a", "type": "int"}, {"name": ""}], "row_count": 1}"""));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactly(
            "\"public.users\" names the same object as another entry of tables (\"public.users\"); keep only one",
            "invalid name \".x\"; write \"name\" or \"schema.name\"",
            "expected table \"y\" to be a JSON object {...}, got the number 5",
            "expected \"columns\" to be an object (name → column) or an array of columns with a \"name\", got the"
                + " number 5",
            "the table has no columns; add at least one",
            "duplicate column \"a\" (first at $.tables.v.columns[0]); rename or remove one",
            "a column name must not be empty");
  }

  @Test
  void parseAloneSkipsSemanticChecks() {
    LoadedSchema parsed =
        SchemaParser.parse(
            withTables(
                """
        "t": {"columns": {"a": {"type": "text"}}, "primary_key": ["nope"], "row_count": 1}"""),
            "x.json");
    assertThat(parsed.schema().tables()).hasSize(1);
    assertThatThrownBy(() -> SchemaParser.parse("{}", "x.json"))
        .isInstanceOf(SchemaException.class);
  }

  private static List<String> problemsOf(List<SchemaProblem> problems) {
    return problems.stream().map(SchemaProblem::message).toList();
  }
}
