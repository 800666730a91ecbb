package io.datagen.job.schema;

import static io.datagen.job.schema.SchemaFixtures.error;
import static io.datagen.job.schema.SchemaFixtures.errors;
import static io.datagen.job.schema.SchemaFixtures.load;
import static io.datagen.job.schema.SchemaFixtures.withTables;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.json.SourceLocation;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {
  private static final String USERS =
      "\"users\": {\"columns\": {\"id\": {\"type\": \"integer\", \"primary_key\": true},"
          + " \"email\": {\"type\": \"text\", \"unique\": true}, \"name\": {\"type\": \"text\"}}, \"row_count\": 10}";

  private static String posts(String foreignKey) {
    return USERS
        + ", \"posts\": {\"columns\": {\"id\": {\"type\": \"serial\", \"primary_key\": true},"
        + " \"user_id\": {\"type\": \"integer\", \"nullable\": false}, \"note\": {\"type\": \"text\"}},"
        + " \"foreign_keys\": ["
        + foreignKey
        + "], \"row_count\": 100}";
  }

  @Test
  void foreignKeyToAMissingTableSuggestsTheClosestName() {
    SchemaProblem problem =
        error(
            withTables(
                posts(
                    "{\"columns\": [\"user_id\"], \"referenced_table\": \"user\", \"referenced_columns\": [\"id\"]}")));
    assertThat(problem.path()).isEqualTo("$.tables.posts.foreign_keys[0].referenced_table");
    assertThat(problem.location().known()).isTrue();
    assertThat(problem.message())
        .isEqualTo(
            "foreign key \"posts_user_id_fkey\" references table \"user\", which does"
                + " not exist. Did you mean \"users\"? Tables: users, posts");
  }

  @Test
  void foreignKeyToAMissingColumnSuggestsTheClosestName() {
    SchemaProblem problem =
        error(
            withTables(
                posts(
                    "{\"columns\": [\"user_id\"], \"referenced_table\": \"users\", \"referenced_columns\": [\"idd\"]}")));
    assertThat(problem.path()).isEqualTo("$.tables.posts.foreign_keys[0].referenced_columns");
    assertThat(problem.message())
        .contains(
            "references column \"idd\", which table \"users\" does not have. Did you"
                + " mean \"id\"? Columns: id, email, name");
  }

  @Test
  void foreignKeyMustReferenceAPrimaryKeyOrUniqueColumns() {
    assertThat(
            error(
                    withTables(
                        posts(
                            "{\"columns\": [\"note\"], \"referenced_table\": \"users\", \"referenced_columns\": [\"name\"]}")))
                .message())
        .contains(
            "not its primary key [id] nor covered by a unique constraint; PostgreSQL requires one");
    assertThat(
            load(withTables(
                    posts(
                        "{\"columns\": [\"note\"], \"referenced_table\": \"users\", \"referenced_columns\": [\"email\"]}")))
                .warnings())
        .as("a foreign key to a unique column")
        .isEmpty();
    String uniqueIndex =
        USERS.replace(
            "\"row_count\": 10}",
            "\"indexes\": [{\"columns\": [\"name\"], \"unique\": true}], \"row_count\": 10}");
    assertThat(
            load(withTables(
                    uniqueIndex
                        + ", \"posts\": {\"columns\": {\"n\": {\"type\": \"text\"}}, \"foreign_keys\": "
                        + "[{\"columns\": [\"n\"], \"referenced_table\": \"users\", \"referenced_columns\": [\"name\"]}],"
                        + " \"row_count\": 1}"))
                .warnings())
        .as("a foreign key to a column with a unique index")
        .isEmpty();
  }

  @Test
  void foreignKeyTypesMustBeCompatible() {
    SchemaProblem problem =
        error(
            withTables(
                posts(
                    "{\"columns\": [\"note\"], \"referenced_table\": \"users\", \"referenced_columns\": [\"id\"]}")));
    assertThat(problem.path()).isEqualTo("$.tables.posts.foreign_keys[0].columns");
    assertThat(problem.message())
        .isEqualTo(
            "foreign key \"posts_note_fkey\": column posts.note (text) cannot"
                + " reference users.id (integer); give both columns the same kind of type");
    String narrower =
        """
        "p": {"columns": {"id": {"type": "bigserial", "primary_key": true}, "code": {"type": "varchar(20)",
              "unique": true}}, "row_count": ROWS},
        "c": {"columns": {"p_id": {"type": "smallint"}},
              "foreign_keys": [{"columns": ["p_id"], "referenced_table": "p"}],
              "row_count": 5}""";
    assertThat(load(withTables(narrower.replace("ROWS", "5"))).warnings())
        .as("keys up to 5 fit a smallint")
        .isEmpty();
    assertThat(error(withTables(narrower.replace("ROWS", "100000"))).message())
        .isEqualTo(
            "foreign key \"c_p_id_fkey\": c.p_id (smallint, at most 32767) cannot hold the keys of"
                + " p.id (bigint (serial), up to 100000 for 100000 rows); give both columns the same"
                + " type");
    assertThat(
            error(
                    withTables(
                        """
        "p": {"columns": {"code": {"type": "varchar(20)", "primary_key": true}}, "row_count": 5},
        "c": {"columns": {"p_code": {"type": "varchar(10)"}},
              "foreign_keys": [{"columns": ["p_code"], "referenced_table": "p"}], "row_count": 5}"""))
                .message())
        .isEqualTo(
            "foreign key \"c_p_code_fkey\": c.p_code (varchar(10)) is shorter than p.code"
                + " (varchar(20)), whose longer values it cannot hold; give both columns the same"
                + " type");
  }

  @Test
  void domainsCompareAsTheirBaseTypeAndEnumsByName() {
    LoadedSchema loaded =
        load(
            """
        {"version": "1.0", "database": {"name": "x"},
         "custom_types": {"code": {"kind": "domain", "definition": {"base_type": "varchar(10)"}},
                          "kind": {"kind": "enum", "definition": {"values": ["a", "b"]}}},
         "tables": {
           "p": {"columns": {"c": {"type": "code", "primary_key": true}, "k": {"type": "kind", "unique": true}},
                 "row_count": 2},
           "q": {"columns": {"c": {"type": "text"}, "k": {"type": "kind"}},
                 "foreign_keys": [{"columns": ["c"], "referenced_table": "p"},
                                  {"columns": ["k"], "referenced_table": "p", "referenced_columns": ["k"]}],
                 "row_count": 4}}}""");
    assertThat(loaded.warnings()).isEmpty();
  }

  @Test
  void notNullForeignKeyIntoAnEmptyTableIsAnError() {
    String json =
        withTables(
            posts("{\"columns\": [\"user_id\"], \"referenced_table\": \"users\"}")
                .replace("\"row_count\": 10}", "\"row_count\": 0}"));
    SchemaProblem problem = error(json);
    assertThat(problem.path()).isEqualTo("$.tables.posts.foreign_keys[0]");
    assertThat(problem.message())
        .isEqualTo(
            "table \"posts\" (100 rows) has a NOT NULL foreign key [user_id] to table"
                + " \"users\", which has row_count 0, so no row could reference a parent; give \"users\" rows or make"
                + " [user_id] nullable");
    LoadedSchema nullable = load(json.replace("\"nullable\": false", "\"nullable\": true"));
    assertThat(nullable.warnings())
        .extracting(SchemaProblem::message)
        .containsExactly(
            "table \"users\" has row_count 0, so every value of foreign key [user_id] of table \"posts\""
                + " will be NULL");
  }

  @Test
  void nullRatioNeedsANullableColumn() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                posts(
                        "{\"columns\": [\"user_id\"], \"referenced_table\": \"users\", \"null_ratio\": 0.2}")
                    .replace(
                        "\"note\": {\"type\": \"text\"}",
                        "\"note\": {\"type\": \"text\", \"nullable\": false,"
                            + " \"null_ratio\": 0.1}")));
    assertThat(errors)
        .extracting(SchemaProblem::path)
        .containsExactly(
            "$.tables.posts.columns.note.null_ratio", "$.tables.posts.foreign_keys[0].null_ratio");
    assertThat(errors.get(0).message())
        .isEqualTo(
            "column \"note\" is NOT NULL but has null_ratio 0.1; remove"
                + " null_ratio or make the column nullable");
    assertThat(errors.get(1).message())
        .contains("has null_ratio 0.2 but its columns [user_id] are NOT NULL");
    assertThat(
            error(
                    withTables(
                        "\"t\": {\"columns\": {\"id\": {\"type\": \"int\", \"primary_key\": true,"
                            + " \"null_ratio\": 0.5}}, \"row_count\": 1}"))
                .message())
        .contains("(it is in the primary key)");
  }

  @Test
  void keyColumnsMustExist() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "t": {"columns": {"email": {"type": "text"}, "name": {"type": "text"}},
              "primary_key": ["emial"],
              "unique_constraints": [{"columns": ["nme", "name", "name"]}],
              "indexes": [{"columns": ["x"]}],
              "foreign_keys": [{"columns": ["mail"], "referenced_table": "t", "referenced_columns": ["email"]}],
              "row_count": 1}"""));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "the primary key names column \"emial\", which table \"t\" does not have. Did you mean \"email\"? Columns:"
                + " email, name",
            "the unique constraint names column \"nme\", which table \"t\" does not have. Did you mean \"name\"?"
                + " Columns: email, name",
            "the unique constraint lists a column twice: [nme, name, name]",
            "the index names column \"x\", which table \"t\" does not have. Columns: email, name",
            "the foreign key names column \"mail\", which table \"t\" does not have. Did you mean \"email\"? Columns:"
                + " email, name",
            "foreign key \"t_mail_fkey\" references [email] of table \"t\", which are not its primary key [emial] nor"
                + " covered by a unique constraint; PostgreSQL requires one. Reference the primary key or add a unique"
                + " constraint on [email] to \"t\"");
  }

  @Test
  void identifiersLongerThan63BytesAreErrors() {
    String longName = "n".repeat(64);
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "%s": {"columns": {"%s": {"type": "text"}},
               "check_constraints": [{"expression": "true", "name": "%s"}],
               "indexes": [{"columns": ["%s"], "name": "%s"}], "row_count": 1}"""
                    .formatted(
                        longName, "é".repeat(32), longName, "é".repeat(32), "i".repeat(70))));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "the table name \""
                + longName
                + "\" is 64 bytes long; PostgreSQL would truncate it to \""
                + "n".repeat(63)
                + "\" (63 bytes at most), so shorten it",
            "the column name \""
                + "é".repeat(32)
                + "\" is 64 bytes long; PostgreSQL would truncate it to \""
                + "é".repeat(31)
                + "\" (63 bytes at most), so shorten it",
            "the constraint name \""
                + longName
                + "\" is 64 bytes long; PostgreSQL would truncate it to \""
                + "n".repeat(63)
                + "\" (63 bytes at most), so shorten it",
            "the index name \""
                + "i".repeat(70)
                + "\" is 70 bytes long; PostgreSQL would truncate it to \""
                + "i".repeat(63)
                + "\" (63 bytes at most), so shorten it");
  }

  @Test
  void namesOfRelationsAndConstraintsMustNotClash() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "users": {"columns": {"id": {"type": "integer", "primary_key": true}, "a": {"type": "int"}},
                  "unique_constraints": [{"columns": ["a"], "name": "dup"}],
                  "check_constraints": [{"expression": "a > 0", "name": "dup"}],
                  "indexes": [{"columns": ["a"], "name": "users_pkey"}],
                  "row_count": 1},
        "users_pkey": {"columns": {"x": {"type": "int"}}, "row_count": 1}"""));
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "the name \"users_pkey\" of the primary key of table \"users\" is already used by table \"users_pkey\";"
                + " PostgreSQL needs distinct names for tables, sequences and indexes in one schema, so rename one",
            "the name \"users_pkey\" of index \"users_pkey\" is already used by table \"users_pkey\"; PostgreSQL needs"
                + " distinct names for tables, sequences and indexes in one schema, so rename one",
            "the table has two constraints named \"dup\"; rename one");
  }

  @Test
  void impossibleUniquenessIsReportedWithTheNumbers() {
    List<SchemaProblem> errors =
        errors(
            """
        {"version": "1.0", "database": {"name": "x"},
         "custom_types": {"size": {"kind": "enum", "definition": {"values": ["s", "m", "l"]}},
                          "flag": {"kind": "domain", "definition": {"base_type": "boolean"}}},
         "tables": {
           "posts": {"columns": {"id": {"type": "smallserial", "primary_key": true}}, "row_count": 40000},
           "tags": {"columns": {"id": {"type": "integer", "primary_key": true},
                                "size": {"type": "size", "nullable": false, "unique": true},
                                "flag": {"type": "flag", "nullable": false, "unique": true}},
                    "row_count": 4},
           "post_tags": {"columns": {"post_id": {"type": "smallint"}, "tag_id": {"type": "integer"}},
                         "primary_key": ["post_id", "tag_id"],
                         "foreign_keys": [{"columns": ["post_id"], "referenced_table": "posts"},
                                          {"columns": ["tag_id"], "referenced_table": "tags"}],
                         "row_count": 200000}}}""");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "the primary key of table \"posts\" [id] can take at most 32,767 distinct values (id (smallint (serial)) →"
                + " 32,767 values), but row_count is 40,000; lower row_count or widen the key",
            "the unique constraint \"tags_size_key\" of table \"tags\" [size] can take at most 3 distinct values (size"
                + " (size) → 3 values), but row_count is 4; lower row_count or widen the key",
            "the unique constraint \"tags_flag_key\" of table \"tags\" [flag] can take at most 2 distinct values (flag"
                + " (flag) → 2 values), but row_count is 4; lower row_count or widen the key",
            "the primary key of table \"post_tags\" [post_id, tag_id] can take at most 160,000 distinct values ([post_id]"
                + " → 40000 rows of \"posts\", [tag_id] → 4 rows of \"tags\"), but row_count is 200,000; lower row_count"
                + " or widen the key");
  }

  @Test
  void sequencesAndCustomTypesMustBeDefined() {
    List<SchemaProblem> errors =
        errors(
            """
        {"version": "1.0", "database": {"name": "x"},
         "sequences": {"order_seq": {}},
         "custom_types": {"e": {"kind": "enum", "definition": {"values": []}},
                          "dup": {"kind": "enum", "definition": {"values": ["a", "a"]}},
                          "c": {"kind": "composite", "definition": {"fields": [{"name": "x", "type": "int"},
                                {"name": "x", "type": "c"}]}}},
         "tables": {"t": {"columns": {
             "id": {"type": "serial"},
             "a": {"type": "bigint", "default": "nextval('order_sq')"},
             "b": {"type": "bigint", "default": "nextval('t_id_seq'::regclass)"},
             "c": {"type": "bigint", "generator": "sequence", "generator_config": {"sequence": "nope"}}},
           "row_count": 1}}}""");
    assertThat(errors)
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "enum \"e\" has no labels; list at least one in \"values\"",
            "enum \"dup\" lists the label \"a\" twice",
            "composite type \"c\" has two fields named \"x\"",
            "composite type \"c\" cannot contain itself (field \"x\")",
            "sequence \"order_sq\" is not defined. Did you mean \"order_seq\"? Declare it under \"sequences\"",
            "sequence \"nope\" is not defined. Declare it under \"sequences\"");
    assertThat(errors)
        .filteredOn(p -> p.message().contains("order_sq"))
        .singleElement()
        .satisfies(p -> assertThat(p.path()).isEqualTo("$.tables.t.columns.a.default"));
  }

  @Test
  void warnsAboutSuspiciousButValidThings() {
    LoadedSchema loaded =
        load(
            withTables(
                """
        "t": {"columns": {"id": {"type": "int", "primary_key": true}, "e": {"type": "citext"}},
              "unique_constraints": [{"columns": ["id"]}], "row_count": 3}"""));
    assertThat(loaded.warnings())
        .extracting(SchemaProblem::message)
        .containsExactlyInAnyOrder(
            "unique constraint \"t_id_key\" repeats the primary key of table \"t\"; it is redundant",
            "a column has type citext but \"citext\" is not listed in \"extensions\"; the restore needs the extension"
                + " (add \"extensions\": [\"citext\"])");
  }

  @Test
  void validatesSchemasBuiltInCodeWithoutLocations() {
    Schema schema = load(withTables(USERS)).schema();
    assertThat(SchemaValidator.validate(schema)).isEmpty();
    Schema broken =
        SchemaLoader.withRowCount(
            load(withTables(posts("{\"columns\": [\"user_id\"], \"referenced_table\": \"users\"}")))
                .schema(),
            0);
    assertThat(SchemaValidator.validate(broken)).isEmpty();
    TableSpec users = schema.tables().get(0);
    TableSpec renamed =
        new TableSpec(
            users.name(),
            users.columns(),
            5,
            List.of("nope"),
            users.foreignKeys(),
            users.uniqueConstraints(),
            users.checkConstraints(),
            users.indexes(),
            null,
            users.path());
    assertThat(SchemaValidator.validate(schema.withTables(List.of(renamed))))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo(SourceLocation.UNKNOWN);
              assertThat(p.describe())
                  .startsWith(
                      "Invalid schema at $.tables.users.primary_key: the primary key names");
            });
  }

  @Test
  void parseErrorsDoNotCauseFollowUpErrors() {
    List<SchemaProblem> errors =
        errors(
            withTables(
                """
        "users": {"columns": {"id": {"type": "uuidd", "primary_key": true}}, "row_count": -1},
        "teams": 5,
        "posts": {"columns": {"user_id": {"type": "uuid", "nullable": false}, "team_id": {"type": "int"}},
                  "foreign_keys": [{"columns": ["user_id"], "referenced_table": "users"},
                                   {"columns": ["team_id"], "referenced_table": "teams", "referenced_columns": ["id"]}],
                  "row_count": 10}"""));
    assertThat(errors)
        .extracting(SchemaProblem::path)
        .containsExactly(
            "$.tables.users.columns.id.type", "$.tables.users.row_count", "$.tables.teams");
  }
}
