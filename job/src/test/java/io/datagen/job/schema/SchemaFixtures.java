package io.datagen.job.schema;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Test helpers: wrap table JSON into a schema, load it, collect the problems. */
final class SchemaFixtures {
  private SchemaFixtures() {}

  /** A complete schema around the given {@code "tables"} members. */
  static String withTables(String tables) {
    return "{\"version\": \"1.0\", \"database\": {\"name\": \"test\"}, \"tables\": {"
        + tables
        + "}}";
  }

  static LoadedSchema load(String json) {
    try {
      return new SchemaLoader().load(json, "test.json");
    } catch (SchemaException e) {
      return fail("expected a valid schema, got:\n" + e.getMessage());
    }
  }

  static TableSpec table(LoadedSchema loaded, String name) {
    return loaded.schema().table(QualifiedName.parse(name)).orElseThrow();
  }

  /** The problems of an invalid schema (errors first). */
  static List<SchemaProblem> problems(String json) {
    AtomicReference<List<SchemaProblem>> problems = new AtomicReference<>();
    assertThatThrownBy(() -> new SchemaLoader().load(json, "test.json"))
        .isInstanceOfSatisfying(SchemaException.class, e -> problems.set(e.problems()));
    return problems.get();
  }

  static List<SchemaProblem> errors(String json) {
    return problems(json).stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  /** The single error of an invalid schema. */
  static SchemaProblem error(String json) {
    List<SchemaProblem> errors = errors(json);
    if (errors.size() != 1) {
      fail(
          "expected one error, got "
              + errors.size()
              + ":\n"
              + errors.stream().map(SchemaProblem::describe).reduce("", (a, b) -> a + b + "\n"));
    }
    return errors.get(0);
  }
}
