package io.datagen.job.schema;

import static io.datagen.job.schema.SchemaFixtures.withTables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaLoaderTest {
  private static final Path BLOG = Path.of("..", "docs", "examples", "blog.json");

  /** The README's example: the shape the end-to-end tests rely on. */
  @Test
  void loadsTheBlogExampleOfTheReadme() {
    Schema schema = new SchemaLoader().load(BLOG).schema();
    assertThat(schema.tables())
        .extracting(t -> t.name().name())
        .contains("users", "categories", "posts", "comments", "post_categories");
    TableSpec categories = schema.table(QualifiedName.parse("categories")).orElseThrow();
    assertThat(categories.foreignKeys())
        .anySatisfy(fk -> assertThat(fk.referencedTable()).isEqualTo(categories.name()));
    TableSpec junction = schema.table(QualifiedName.parse("post_categories")).orElseThrow();
    assertThat(junction.primaryKey()).hasSize(2);
    assertThat(junction.uniqueConstraints()).anySatisfy(u -> assertThat(u.columns()).hasSize(2));
    assertThat(schema.tables())
        .flatExtracting(TableSpec::columns)
        .extracting(c -> c.type().kind())
        .contains(TypeKind.ENUM, TypeKind.UUID);
    assertThat(schema.tables())
        .flatExtracting(TableSpec::columns)
        .anySatisfy(c -> assertThat(c.type().serial()).isTrue());
    assertThat(schema.tables())
        .extracting(TableSpec::rowCount)
        .anySatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(50_000));
  }

  @Test
  void loadsTheBlogExampleWithGenerators() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/schemas/blog-with-generators.json").toURI());
    LoadedSchema loaded = new SchemaLoader().load(file);
    Schema schema = loaded.schema();
    assertThat(loaded.warnings()).isEmpty();
    assertThat(schema.database().name()).isEqualTo("blog");
    assertThat(schema.tables())
        .extracting(t -> t.name().name())
        .containsExactly("users", "categories", "posts", "comments", "post_categories");
    assertThat(
            schema
                .customType(new QualifiedName("public", "post_status"))
                .orElseThrow()
                .enumValues())
        .containsExactly("draft", "published", "archived");
    TableSpec users = schema.table(QualifiedName.parse("users")).orElseThrow();
    assertThat(users.column("id").orElseThrow().type().kind()).isEqualTo(TypeKind.UUID);
    assertThat(users.uniqueConstraints())
        .extracting(UniqueSpec::name)
        .containsExactly("users_email_key", "users_username_key");
    TableSpec categories = schema.table(QualifiedName.parse("categories")).orElseThrow();
    assertThat(categories.foreignKeys())
        .singleElement()
        .satisfies(
            fk -> {
              assertThat(fk.referencedTable()).isEqualTo(categories.name());
              assertThat(fk.name()).isEqualTo("categories_parent_id_fkey");
            });
    TableSpec posts = schema.table(QualifiedName.parse("posts")).orElseThrow();
    assertThat(posts.column("id").orElseThrow().type())
        .isEqualTo(new PgType(TypeKind.BIGINT, null, null, null, null, 0, true));
    assertThat(posts.column("status").orElseThrow().type().kind()).isEqualTo(TypeKind.ENUM);
    assertThat(posts.checkConstraints())
        .extracting(CheckSpec::name)
        .containsExactly("posts_view_count_check");
    assertThat(posts.indexes())
        .extracting(IndexSpec::name)
        .containsExactly("posts_author_id_created_at_idx", "posts_published_at_idx");
    TableSpec junction = schema.table(QualifiedName.parse("post_categories")).orElseThrow();
    assertThat(junction.primaryKey()).containsExactly("post_id", "category_id");
    assertThat(junction.primaryKeyName()).isEqualTo("post_categories_pkey");
    assertThat(junction.uniqueConstraints())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.columns()).containsExactly("category_id", "post_id");
              assertThat(u.name()).isEqualTo("post_categories_category_id_post_id_key");
            });
    assertThat(junction.foreignKeys())
        .extracting(ForeignKeySpec::name)
        .containsExactly("post_categories_post_id_fkey", "post_categories_category_id_fkey");
    TableSpec comments = schema.table(QualifiedName.parse("comments")).orElseThrow();
    assertThat(comments.rowCount()).isEqualTo(50_000);
    assertThat(comments.foreignKeys().get(1).nullRatio()).isEqualTo(0.1);
  }

  @Test
  void loadsAFiveTableFileWithArrayColumnsSchemasAndCustomTypes() throws URISyntaxException {
    Path file = Path.of(getClass().getResource("/schemas/saas-array-columns.json").toURI());
    Schema schema = new SchemaLoader().load(file).schema();
    assertThat(schema.tables()).hasSize(5);
    TableSpec events = schema.table(new QualifiedName("analytics", "usage_events")).orElseThrow();
    assertThat(events.path()).isEqualTo("$.tables[\"analytics.usage_events\"]");
    assertThat(events.primaryKeyName()).isEqualTo("usage_events_pkey");
    assertThat(events.indexes())
        .extracting(IndexSpec::name, IndexSpec::method)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("usage_events_tags_idx", "gin"),
            org.assertj.core.groups.Tuple.tuple("usage_events_tenant_id_occurred_at_idx", "btree"));
    assertThat(events.foreignKeys().get(0).referencedTable())
        .isEqualTo(new QualifiedName("public", "tenants"));
    assertThat(events.column("tags").orElseThrow().type().arrayDimensions()).isEqualTo(1);
    assertThat(schema.sequences())
        .singleElement()
        .satisfies(s -> assertThat(s.start()).isEqualTo(1000));
    assertThat(schema.customTypes())
        .extracting(CustomTypeSpec::kind)
        .containsExactly(TypeKind.ENUM, TypeKind.DOMAIN, TypeKind.COMPOSITE);
    TableSpec subscriptions = schema.table(QualifiedName.parse("subscriptions")).orElseThrow();
    assertThat(subscriptions.checkConstraints().get(0).name()).isEqualTo("subscriptions_check");
    TableSpec invoices = schema.table(QualifiedName.parse("invoices")).orElseThrow();
    assertThat(invoices.column("issued_at").orElseThrow().type())
        .isEqualTo(new PgType(TypeKind.TIMESTAMPTZ, null, null, 3, null, 0, false));
  }

  @Test
  void readsStreamsAndStripsAByteOrderMark() {
    String json =
        "\uFEFF"
            + withTables("\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 3}");
    InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    LoadedSchema loaded = new SchemaLoader().load(in, SchemaLoader.STDIN_NAME);
    assertThat(loaded.schema().tables()).hasSize(1);
  }

  @Test
  void readsStandardInput() {
    InputStream original = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              withTables("\"t\": {\"columns\": {\"a\": {\"type\": \"text\"}}, \"row_count\": 3}")
                  .getBytes(StandardCharsets.UTF_8)));
      assertThat(new SchemaLoader().loadStdin().schema().tables()).hasSize(1);
    } finally {
      System.setIn(original);
    }
  }

  @Test
  void failsOnUnreadableInput(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("missing.json");
    assertThatThrownBy(() -> new SchemaLoader().load(missing))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.USAGE))
        .hasMessage("Cannot read schema file " + missing + ": no such file; check the path");
    assertThatThrownBy(() -> new SchemaLoader().load(dir))
        .isInstanceOf(DatagenException.class)
        .hasMessageStartingWith("Cannot read schema file " + dir);
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("broken pipe");
          }
        };
    assertThatThrownBy(() -> new SchemaLoader().load(failing, "<stdin>"))
        .hasMessage("Cannot read schema from <stdin>: broken pipe");
    Path latin1 = dir.resolve("latin1.json");
    Files.write(latin1, new byte[] {'{', '"', (byte) 0xE9, '"', ':', '1', '}'});
    assertThatThrownBy(() -> new SchemaLoader().load(latin1))
        .isInstanceOfSatisfying(
            SchemaException.class,
            e -> {
              assertThat(e.category().exitCode()).isEqualTo(2);
              assertThat(e.problems())
                  .singleElement()
                  .satisfies(p -> assertThat(p.message()).contains("not valid UTF-8"));
            });
  }

  @Test
  void invalidSchemasFailWithExitCodeTwoAndEveryProblem(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(
        file,
        "{\"version\": \"1.0\",\n \"database\": {\"name\": \"x\"},\n \"tables\": {\"t\": "
            + "{\"columns\": {\"a\": {\"type\": \"datetime\"}}, \"row_count\": -3}}}");
    assertThatThrownBy(() -> new SchemaLoader().load(file))
        .isInstanceOfSatisfying(
            SchemaException.class,
            e -> {
              assertThat(e.category()).isEqualTo(ErrorCategory.SCHEMA);
              assertThat(e.category().exitCode()).isEqualTo(2);
              assertThat(e.problems()).hasSize(2);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "Schema "
                          + file
                          + " has 2 errors:\n"
                          + "  - Invalid schema at $.tables.t.columns.a.type (line 3, column 45): unknown type \"datetime\":"
                          + " PostgreSQL has no datetime type; use timestamp (or timestamptz for a point in time)\n"
                          + "  - Invalid schema at $.tables.t.row_count (line 3, column 72): row_count must be 0 or more,"
                          + " got -3; use 0 for an empty table");
            });
    assertThatThrownBy(() -> new SchemaLoader().load("[1]", "x"))
        .isInstanceOfSatisfying(
            SchemaException.class,
            e -> assertThat(e.getMessage()).startsWith("Schema x has 1 error:"));
  }

  @Test
  void rowCountOverrideAppliesToEveryTableBeforeValidation() {
    String json =
        withTables(
            """
        "users": {"columns": {"id": {"type": "serial", "primary_key": true}}, "row_count": 10},
        "posts": {"columns": {"user_id": {"type": "integer", "nullable": false},
                              "flag": {"type": "boolean", "nullable": false, "unique": true}},
                  "foreign_keys": [{"columns": ["user_id"], "referenced_table": "users"}], "row_count": 2}""");
    LoadedSchema loaded = new SchemaLoader().withRowCountOverride(0).load(json, "x");
    assertThat(loaded.schema().tables()).allSatisfy(t -> assertThat(t.rowCount()).isZero());
    assertThat(new SchemaLoader().withRowCountOverride(2).load(json, "x").schema().tables())
        .extracting(TableSpec::rowCount)
        .containsExactly(2L, 2L);
    assertThatThrownBy(() -> new SchemaLoader().withRowCountOverride(5).load(json, "x"))
        .isInstanceOfSatisfying(
            SchemaException.class,
            e ->
                assertThat(e.problems())
                    .extracting(SchemaProblem::message)
                    .containsExactly(
                        "the unique constraint \"posts_flag_key\" of table \"posts\" [flag] can take at most 2"
                            + " distinct values (flag (boolean) → 2 values), but row_count is 5; lower row_count or widen the key"));
    assertThatThrownBy(() -> new SchemaLoader().withRowCountOverride(-1))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.USAGE));
    Schema schema = loaded.schema();
    assertThat(SchemaLoader.withRowCount(schema, 7).tables())
        .extracting(TableSpec::rowCount)
        .containsOnly(7L);
    assertThat(List.copyOf(loaded.warnings())).isEmpty();
  }
}
