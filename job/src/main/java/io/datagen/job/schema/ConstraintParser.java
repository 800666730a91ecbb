package io.datagen.job.schema;

import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the table-level constraint and index objects. A constraint without a {@code name} gets
 * {@link #UNNAMED}; {@link ConstraintNamer} later chooses the name PostgreSQL would.
 */
final class ConstraintParser {
  /** Stands for "no name in the file" until names are chosen. */
  static final String UNNAMED = "";

  static final String NAME = "name";
  static final String COLUMNS = "columns";
  static final String REFERENCED_TABLE = "referenced_table";
  static final String REFERENCED_COLUMNS = "referenced_columns";
  static final String ON_DELETE = "on_delete";
  static final String ON_UPDATE = "on_update";
  static final String DISTRIBUTION = "distribution";
  static final String NULL_RATIO = "null_ratio";
  static final String EXPRESSION = "expression";
  static final String TYPE = "type";
  static final String UNIQUE = "unique";
  static final String WHERE = "where";

  static final List<String> INDEX_METHODS =
      List.of("btree", "hash", "gin", "gist", "brin", "spgist");

  private static final Set<String> FOREIGN_KEY_KEYS =
      Set.of(
          NAME,
          COLUMNS,
          REFERENCED_TABLE,
          REFERENCED_COLUMNS,
          ON_DELETE,
          ON_UPDATE,
          DISTRIBUTION,
          NULL_RATIO);
  private static final Set<String> UNIQUE_KEYS = Set.of(NAME, COLUMNS);
  private static final Set<String> CHECK_KEYS = Set.of(NAME, EXPRESSION);
  private static final Set<String> INDEX_KEYS = Set.of(NAME, COLUMNS, TYPE, UNIQUE, WHERE);

  /**
   * A foreign key as written; {@code referencedColumns} is null when the file leaves them out (then
   * they are the referenced table's primary key, as in SQL).
   */
  record ForeignKeyDraft(
      String name,
      List<String> columns,
      QualifiedName referencedTable,
      List<String> referencedColumns,
      ReferentialAction onDelete,
      ReferentialAction onUpdate,
      JsonObject distribution,
      double nullRatio,
      String path,
      SourceLocation location) {}

  private final Problems problems;

  ConstraintParser(Problems problems) {
    this.problems = problems;
  }

  ForeignKeyDraft foreignKey(JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "a foreign key", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "foreign key", FOREIGN_KEY_KEYS, problems);
    String name = name(fields);
    List<String> columns = fields.stringList(COLUMNS, true, "[\"user_id\"]");
    String table = fields.requiredString(REFERENCED_TABLE, "\"users\"");
    List<String> referencedColumns = fields.stringList(REFERENCED_COLUMNS, false, "[\"id\"]");
    ReferentialAction onDelete = action(fields, ON_DELETE);
    ReferentialAction onUpdate = action(fields, ON_UPDATE);
    JsonObject distribution = fields.optionalObject(DISTRIBUTION);
    double nullRatio = fields.ratio(NULL_RATIO);
    QualifiedName referenced =
        table == null
            ? null
            : TableNames.parse(table, fields.get(REFERENCED_TABLE).get(), problems);
    if (name == null
        || columns == null
        || referenced == null
        || onDelete == null
        || onUpdate == null) {
      return null;
    }
    if (referencedColumns != null && referencedColumns.size() != columns.size()) {
      problems.error(
          fields.get(REFERENCED_COLUMNS).orElseThrow(),
          "the foreign key has "
              + columns.size()
              + " column(s) "
              + columns
              + " but "
              + referencedColumns.size()
              + " referenced column(s) "
              + referencedColumns
              + "; give one referenced column per column, in the same order");
      return null;
    }
    return new ForeignKeyDraft(
        name,
        columns,
        referenced,
        referencedColumns,
        onDelete,
        onUpdate,
        distribution,
        nullRatio,
        object.path(),
        object.location());
  }

  UniqueSpec unique(JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "a unique constraint", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "unique constraint", UNIQUE_KEYS, problems);
    String name = name(fields);
    List<String> columns = fields.stringList(COLUMNS, true, "[\"email\"]");
    return name == null || columns == null ? null : new UniqueSpec(name, columns, object.path());
  }

  CheckSpec check(JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "a check constraint", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "check constraint", CHECK_KEYS, problems);
    String name = name(fields);
    String expression = fields.requiredString(EXPRESSION, "\"price >= 0\"");
    if (expression != null && expression.isBlank()) {
      problems.error(
          fields.get(EXPRESSION).orElseThrow(),
          "the check expression is empty; write a boolean SQL"
              + " expression such as \"price >= 0\"");
      return null;
    }
    if (expression != null
        && !SqlExpressions.requireOneExpression(
            "the check expression", expression, fields.get(EXPRESSION).orElseThrow(), problems)) {
      return null;
    }
    return name == null || expression == null
        ? null
        : new CheckSpec(name, expression.strip(), object.path());
  }

  IndexSpec index(JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "an index", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "index", INDEX_KEYS, problems);
    String name = name(fields);
    List<String> columns = fields.stringList(COLUMNS, true, "[\"created_at\"]");
    String method = fields.optionalString(TYPE);
    if (method != null) {
      String lower = method.strip().toLowerCase(Locale.ROOT);
      if (!INDEX_METHODS.contains(lower)) {
        problems.error(
            fields.get(TYPE).orElseThrow(),
            "unknown index type \""
                + method
                + "\""
                + DidYouMean.suffix(lower, INDEX_METHODS)
                + " Use one of "
                + String.join(", ", INDEX_METHODS));
        return null;
      }
      method = lower;
    }
    boolean unique = fields.optionalBoolean(UNIQUE, false);
    String where = fields.optionalString(WHERE);
    if (where != null
        && !where.isBlank()
        && !SqlExpressions.requireOneExpression(
            "the index predicate", where, fields.get(WHERE).orElseThrow(), problems)) {
      return null;
    }
    if (name == null || columns == null) {
      return null;
    }
    return new IndexSpec(
        name,
        columns,
        method == null ? "btree" : method,
        unique,
        where == null || where.isBlank() ? null : where.strip(),
        object.path());
  }

  /** The explicit name, {@link #UNNAMED} when absent, null when invalid (reported). */
  private String name(JsonFields fields) {
    if (fields.get(NAME).isEmpty()) {
      return UNNAMED;
    }
    String name = fields.optionalString(NAME);
    if (name != null && name.isEmpty()) {
      problems.error(
          fields.get(NAME).orElseThrow(),
          "a name must not be empty; remove \"name\" to have one" + " generated, or give one");
      return null;
    }
    return name;
  }

  private ReferentialAction action(JsonFields fields, String key) {
    if (fields.get(key).isEmpty()) {
      return ReferentialAction.NO_ACTION;
    }
    String text = fields.optionalString(key);
    if (text == null) {
      return null;
    }
    ReferentialAction action = ReferentialAction.fromText(text);
    if (action == null) {
      List<String> allowed =
          java.util.Arrays.stream(ReferentialAction.values()).map(ReferentialAction::sql).toList();
      problems.error(
          fields.get(key).orElseThrow(),
          "unknown action \""
              + text
              + "\" for "
              + key
              + DidYouMean.suffix(text.toUpperCase(Locale.ROOT), allowed)
              + " Use one of "
              + String.join(", ", allowed));
    }
    return action;
  }
}
