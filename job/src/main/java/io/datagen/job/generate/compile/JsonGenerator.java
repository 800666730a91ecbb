package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.types.JsonObjects;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.PgTypeParser;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TypeKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code json} generator: without config, the default small object; with {@code fields: {key:
 * spec}} one key per field, where a spec is a generator name ({@code "email"}) or {@code
 * {generator, generator_config?, type?}}. A field's values are written as JSON numbers, booleans or
 * strings; its type (for the generator's fit checks) is {@code type}, else what the generator
 * writes (integer_range → bigint, decimal_range → numeric, boolean, dates, timestamps, uuid), else
 * text.
 */
final class JsonGenerator {
  private JsonGenerator() {}

  static ValueSource source(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly("fields");
    TypeKind kind = ctx.type().kind();
    if (kind != TypeKind.JSON && kind != TypeKind.JSONB && !ColumnTypes.isText(kind)) {
      ExplicitGenerators.misfit("json", ctx, problems, "JSON objects (json, jsonb or text)");
      return null;
    }
    JsonValue fields = config.get("fields");
    if (fields == null) {
      return new JsonObjects();
    }
    if (!(fields instanceof JsonObject object) || object.members().isEmpty()) {
      config.error(
          fields, "Invalid 'fields' of generator 'json': expected an object {key: generator spec}");
      return null;
    }
    List<String> keys = new ArrayList<>();
    List<ValueSource> sources = new ArrayList<>();
    int before = problems.size();
    for (Map.Entry<String, JsonValue> field : object.members().entrySet()) {
      ValueSource source = field(ctx, field.getKey(), field.getValue(), problems);
      keys.add(field.getKey());
      sources.add(source);
    }
    return problems.size() == before ? new JsonObjects(keys, sources) : null;
  }

  private static ValueSource field(
      ColumnContext ctx, String key, JsonValue spec, Problems problems) {
    String generator;
    JsonObject generatorConfig = null;
    String typeText = null;
    if (spec instanceof JsonString name) {
      generator = name.value().strip().toLowerCase(java.util.Locale.ROOT);
    } else if (spec instanceof JsonObject object
        && object.members().get("generator") instanceof JsonString name) {
      generator = name.value().strip().toLowerCase(java.util.Locale.ROOT);
      generatorConfig = object.members().get("generator_config") instanceof JsonObject c ? c : null;
      typeText = object.members().get("type") instanceof JsonString t ? t.value() : null;
      for (String member : object.members().keySet()) {
        if (!List.of("generator", "generator_config", "type", "comment").contains(member)) {
          problems.error(
              object.members().get(member),
              "Unknown key '"
                  + member
                  + "' in field '"
                  + key
                  + "' of generator 'json'; it takes generator, generator_config, type");
        }
      }
    } else {
      problems.error(
          spec,
          "Invalid field '"
              + key
              + "' of generator 'json': expected a generator name or"
              + " {generator, generator_config?, type?}");
      return null;
    }
    PgType type;
    try {
      type =
          typeText != null
              ? PgTypeParser.builtInOnly().parse(typeText)
              : PgType.of(defaultType(generator));
    } catch (PgTypeParser.InvalidTypeException e) {
      problems.error(
          spec, "Invalid type of field '" + key + "' of generator 'json': " + e.getMessage());
      return null;
    }
    ColumnSpec column =
        new ColumnSpec(
            key,
            type,
            false,
            0,
            null,
            false,
            false,
            null,
            generator,
            generatorConfig,
            null,
            null,
            null,
            spec.path());
    ColumnContext fieldCtx =
        new ColumnContext(
            ctx.schema(),
            ctx.table(),
            column,
            ctx.columnIndex(),
            type,
            List.of(),
            ctx.seed(),
            ctx.referenceTime(),
            false);
    ConfigReader config = new ConfigReader(generator, generatorConfig, spec.path(), problems);
    if (generator.equals("json")
        || generator.equals("sequence")
        || !ExplicitGenerators.SUPPORTED.contains(generator)) {
      problems.error(
          spec,
          "Invalid field '"
              + key
              + "' of generator 'json': generator '"
              + generator
              + "' cannot fill a field; use one of "
              + ExplicitGenerators.SUPPORTED.stream()
                  .filter(g -> !g.equals("sequence") && !g.equals("json"))
                  .toList());
      return null;
    }
    return ExplicitGenerators.source(generator, fieldCtx, config, problems);
  }

  private static TypeKind defaultType(String generator) {
    return switch (generator) {
      case "integer_range" -> TypeKind.BIGINT;
      case "decimal_range", "latitude", "longitude" -> TypeKind.NUMERIC;
      case "boolean" -> TypeKind.BOOLEAN;
      case "date_range" -> TypeKind.DATE;
      case "timestamp_range" -> TypeKind.TIMESTAMPTZ;
      case "uuid" -> TypeKind.UUID;
      default -> TypeKind.TEXT;
    };
  }
}
