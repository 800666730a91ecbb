package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonBoolean;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonPath;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import java.util.Set;

/** Reads one column object. Generator settings are kept as located JSON for the generators. */
final class ColumnParser {
  static final String NAME = "name";
  static final String TYPE = "type";
  static final String NULLABLE = "nullable";
  static final String NULL_RATIO = "null_ratio";
  static final String DEFAULT = "default";
  static final String UNIQUE = "unique";
  static final String PRIMARY_KEY = "primary_key";
  static final String COMMENT = JsonFields.COMMENT;
  static final String GENERATOR = "generator";
  static final String GENERATOR_CONFIG = "generator_config";
  static final String DISTRIBUTION = "distribution";
  static final String PATTERN = "pattern";
  static final String RULES = "rules";

  private static final Set<String> KEYS =
      Set.of(
          TYPE,
          NULLABLE,
          NULL_RATIO,
          DEFAULT,
          UNIQUE,
          PRIMARY_KEY,
          GENERATOR,
          GENERATOR_CONFIG,
          DISTRIBUTION,
          PATTERN,
          RULES);
  private static final Set<String> KEYS_WITH_NAME =
      Set.of(
          NAME,
          TYPE,
          NULLABLE,
          NULL_RATIO,
          DEFAULT,
          UNIQUE,
          PRIMARY_KEY,
          GENERATOR,
          GENERATOR_CONFIG,
          DISTRIBUTION,
          PATTERN,
          RULES);

  private static final String TEMPLATE = "template";
  private static final String VARIABLES = "variables";
  private static final Set<String> PATTERN_KEYS = Set.of(TEMPLATE, VARIABLES);
  private static final String RULE_IF = "if";
  private static final String RULE_THEN = "then";
  private static final String RULE_ELSE = "else";
  private static final Set<String> RULE_KEYS = Set.of(RULE_IF, RULE_THEN, RULE_ELSE);

  /** A column as read, before the table's primary key decides its nullability. */
  record ParsedColumn(ColumnSpec spec, JsonValue nullableNode) {}

  private final PgTypeParser types;
  private final Problems problems;
  private final ParseDamage damage;

  ColumnParser(PgTypeParser types, Problems problems, ParseDamage damage) {
    this.types = types;
    this.problems = problems;
    this.damage = damage;
  }

  /** A column of the object shape ({@code "email": {...}}). */
  ParsedColumn fromJson(String name, JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "column \"" + name + "\"", problems);
    return object == null
        ? null
        : read(name, new JsonFields(object, "column \"" + name + "\"", KEYS, problems));
  }

  /** A column of the array shape ({@code {"name": "email", ...}}). */
  ParsedColumn fromJsonWithName(JsonValue node) {
    JsonObject object = JsonFields.asObject(node, "a column", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "column", KEYS_WITH_NAME, problems);
    String name = fields.requiredString(NAME, "\"email\"");
    if (name == null) {
      return null;
    }
    if (name.isEmpty()) {
      problems.error(fields.get(NAME).orElseThrow(), "a column name must not be empty");
      return null;
    }
    return read(name, fields.named("column \"" + name + "\""));
  }

  private ParsedColumn read(String name, JsonFields fields) {
    JsonObject object = fields.object();
    PgType type = type(fields);
    ColumnSpec spec =
        new ColumnSpec(
            name,
            type,
            fields.optionalBoolean(NULLABLE, true),
            fields.ratio(NULL_RATIO),
            defaultExpression(fields),
            fields.optionalBoolean(UNIQUE, false),
            fields.optionalBoolean(PRIMARY_KEY, false),
            fields.optionalString(COMMENT),
            fields.optionalString(GENERATOR),
            fields.optionalObject(GENERATOR_CONFIG),
            fields.optionalObject(DISTRIBUTION),
            pattern(fields),
            rules(fields),
            object.path());
    return new ParsedColumn(spec, fields.get(NULLABLE).orElse(null));
  }

  private PgType type(JsonFields fields) {
    String text = fields.requiredString(TYPE, "\"varchar(255)\"");
    if (text != null) {
      try {
        return types.parse(text);
      } catch (PgTypeParser.InvalidTypeException e) {
        problems.error(fields.get(TYPE).orElseThrow(), e.getMessage());
      }
    }
    damage.markBroken(JsonPath.member(fields.object().path(), TYPE));
    return PgType.of(TypeKind.TEXT);
  }

  /** SQL text of the DEFAULT; a JSON number or boolean is taken as that literal. */
  private String defaultExpression(JsonFields fields) {
    JsonValue value = fields.get(DEFAULT).orElse(null);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString string) {
      if (!SqlExpressions.requireOneExpression("the default", string.value(), string, problems)) {
        return null;
      }
      String word = SqlExpressions.columnLikeWord(string.value());
      if (word != null) {
        problems.error(
            string,
            "the default "
                + string.value()
                + " uses \""
                + word
                + "\" as a column, which a DEFAULT cannot do; for text write it in single quotes"
                + " ('"
                + word.replace("'", "''")
                + "'), for a function call add ()");
        return null;
      }
      return string.value();
    }
    if (value instanceof JsonNumber number) {
      return number.value().toPlainString();
    }
    if (value instanceof JsonBoolean bool) {
      return Boolean.toString(bool.value());
    }
    problems.error(
        value,
        "expected \"default\" to be an SQL expression as a string, e.g. \"now()\", got "
            + JsonFields.article(value));
    return null;
  }

  /** {@code pattern}: a template string, or {@code {template, variables?, comment?}}. */
  private JsonValue pattern(JsonFields fields) {
    JsonValue value = fields.get(PATTERN).orElse(null);
    if (value == null || value instanceof JsonString) {
      return value;
    }
    if (value instanceof JsonObject object) {
      JsonFields pattern = new JsonFields(object, "pattern", PATTERN_KEYS, problems);
      pattern.requiredString(TEMPLATE, "\"ORD-{year}-{sequence:6}\"");
      pattern.optionalObject(VARIABLES);
      return object;
    }
    problems.error(
        value,
        "expected \"pattern\" to be a template string such as \"TEN-{sequence:6}\" or an object"
            + " {\"template\": ...}, got "
            + JsonFields.article(value));
    return null;
  }

  /** {@code rules}: an array of {@code {if: {...}, then: {...}, else?: {...}, comment?}}. */
  private JsonArray rules(JsonFields fields) {
    JsonArray rules = fields.optionalArray(RULES);
    if (rules == null) {
      return null;
    }
    for (JsonValue element : rules.elements()) {
      JsonObject object = JsonFields.asObject(element, "a rule", problems);
      if (object == null) {
        continue;
      }
      JsonFields rule = new JsonFields(object, "rule", RULE_KEYS, problems);
      if (rule.get(RULE_IF).isEmpty()) {
        rule.missing(RULE_IF, "{\"tier\": \"free\"}");
      } else {
        rule.optionalObject(RULE_IF);
      }
      if (rule.get(RULE_THEN).isEmpty()) {
        rule.missing(RULE_THEN, "{\"min\": 1, \"max\": 5}");
      } else {
        rule.optionalObject(RULE_THEN);
      }
      rule.optionalObject(RULE_ELSE);
    }
    return rules;
  }
}
