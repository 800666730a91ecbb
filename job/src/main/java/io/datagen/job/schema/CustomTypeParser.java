package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one entry of {@code custom_types}: an enum, a composite or a domain. */
final class CustomTypeParser {
  static final String KIND = "kind";
  static final String DEFINITION = "definition";
  static final String VALUES = "values";
  static final String FIELDS = "fields";
  static final String FIELD_NAME = "name";
  static final String FIELD_TYPE = "type";
  static final String BASE_TYPE = "base_type";
  static final String CONSTRAINT = "constraint";

  static final Map<String, TypeKind> KINDS =
      Map.of("enum", TypeKind.ENUM, "composite", TypeKind.COMPOSITE, "domain", TypeKind.DOMAIN);

  private static final Set<String> KEYS = Set.of(KIND, DEFINITION);
  private static final Set<String> ENUM_KEYS = Set.of(VALUES);
  private static final Set<String> COMPOSITE_KEYS = Set.of(FIELDS);
  private static final Set<String> FIELD_KEYS = Set.of(FIELD_NAME, FIELD_TYPE);
  private static final Set<String> DOMAIN_KEYS = Set.of(BASE_TYPE, CONSTRAINT);

  private final Problems problems;

  CustomTypeParser(Problems problems) {
    this.problems = problems;
  }

  /** The kind of the type, without reading its definition (types may refer to one another). */
  TypeKind kindOf(JsonValue node) {
    if (node instanceof JsonObject object
        && object.get(KIND).orElse(null) instanceof JsonString kind) {
      return KINDS.get(kind.value().strip().toLowerCase(Locale.ROOT));
    }
    return null;
  }

  CustomTypeSpec fromJson(QualifiedName name, JsonValue node, PgTypeParser types) {
    String thing = "custom type \"" + name + "\"";
    JsonObject object = JsonFields.asObject(node, thing, problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, thing, KEYS, problems);
    String kindText = fields.requiredString(KIND, "\"enum\"");
    JsonObject definition = fields.optionalObject(DEFINITION);
    if (fields.get(DEFINITION).isEmpty()) {
      fields.missing(DEFINITION, "{\"values\": [\"pending\", \"shipped\"]}");
    }
    if (kindText == null) {
      return null;
    }
    TypeKind kind = KINDS.get(kindText.strip().toLowerCase(Locale.ROOT));
    if (kind == null) {
      problems.error(
          fields.get(KIND).orElseThrow(),
          "unknown kind \""
              + kindText
              + "\""
              + DidYouMean.suffix(kindText, KINDS.keySet())
              + " Use enum, composite or domain");
      return null;
    }
    if (definition == null) {
      return null;
    }
    return switch (kind) {
      case ENUM -> enumType(name, definition);
      case COMPOSITE -> compositeType(name, definition, types);
      default -> domainType(name, definition, types);
    };
  }

  private CustomTypeSpec enumType(QualifiedName name, JsonObject definition) {
    JsonFields fields = new JsonFields(definition, "enum definition", ENUM_KEYS, problems);
    JsonArray values = fields.optionalArray(VALUES);
    if (fields.get(VALUES).isEmpty()) {
      fields.missing(VALUES, "[\"pending\", \"shipped\"]");
    }
    if (values == null) {
      return null;
    }
    List<String> labels = new ArrayList<>();
    for (JsonValue value : values.elements()) {
      if (value instanceof JsonString label) {
        labels.add(label.value());
      } else {
        problems.error(
            value, "expected an enum label (a string), got " + JsonFields.article(value));
        return null;
      }
    }
    return new CustomTypeSpec(
        name, TypeKind.ENUM, labels, List.of(), null, null, definition.path());
  }

  private CustomTypeSpec compositeType(
      QualifiedName name, JsonObject definition, PgTypeParser types) {
    JsonFields fields =
        new JsonFields(definition, "composite definition", COMPOSITE_KEYS, problems);
    JsonArray array = fields.optionalArray(FIELDS);
    if (fields.get(FIELDS).isEmpty()) {
      fields.missing(FIELDS, "[{\"name\": \"street\", \"type\": \"text\"}]");
    }
    if (array == null) {
      return null;
    }
    List<CustomTypeSpec.Field> attributes = new ArrayList<>();
    boolean valid = true;
    for (JsonValue element : array.elements()) {
      JsonObject object = JsonFields.asObject(element, "a composite field", problems);
      if (object == null) {
        valid = false;
        continue;
      }
      JsonFields field = new JsonFields(object, "composite field", FIELD_KEYS, problems);
      String fieldName = field.requiredString(FIELD_NAME, "\"street\"");
      PgType type = type(field, FIELD_TYPE, types);
      if (fieldName == null || type == null) {
        valid = false;
      } else {
        attributes.add(new CustomTypeSpec.Field(fieldName, type));
      }
    }
    if (valid && attributes.isEmpty()) {
      problems.error(array, "a composite type needs at least one field");
      return null;
    }
    return valid
        ? new CustomTypeSpec(
            name, TypeKind.COMPOSITE, List.of(), attributes, null, null, definition.path())
        : null;
  }

  private CustomTypeSpec domainType(QualifiedName name, JsonObject definition, PgTypeParser types) {
    JsonFields fields = new JsonFields(definition, "domain definition", DOMAIN_KEYS, problems);
    PgType base = type(fields, BASE_TYPE, types);
    String constraint = fields.optionalString(CONSTRAINT);
    if (base == null) {
      return null;
    }
    if (constraint != null
        && !constraint.isBlank()
        && !SqlExpressions.requireOneExpression(
            "the domain constraint", constraint, fields.get(CONSTRAINT).orElseThrow(), problems)) {
      return null;
    }
    if (base.serial()) {
      problems.error(
          fields.get(BASE_TYPE).orElseThrow(),
          "a domain cannot be based on a serial type; use the" + " underlying integer type");
      return null;
    }
    if (base.customName() != null && base.customName().equals(name) && !base.isArray()) {
      problems.error(fields.get(BASE_TYPE).orElseThrow(), "a domain cannot be based on itself");
      return null;
    }
    return new CustomTypeSpec(
        name,
        TypeKind.DOMAIN,
        List.of(),
        List.of(),
        base,
        constraint == null || constraint.isBlank() ? null : constraint.strip(),
        definition.path());
  }

  private PgType type(JsonFields fields, String key, PgTypeParser types) {
    String text = fields.requiredString(key, "\"text\"");
    if (text == null) {
      return null;
    }
    try {
      return types.parse(text);
    } catch (PgTypeParser.InvalidTypeException e) {
      problems.error(fields.get(key).orElseThrow(), e.getMessage());
      return null;
    }
  }
}
