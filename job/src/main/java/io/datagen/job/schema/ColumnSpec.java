package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonValue;
import java.io.Serializable;
import java.util.Objects;

/**
 * One column as written in the schema file.
 *
 * @param nullable already resolved: false for primary-key columns
 * @param defaultExpression SQL expression for DEFAULT, or null
 * @param generator explicit generator name, or null to choose from name and type
 * @param generatorConfig the {@code generator_config} object, or null
 * @param distribution the {@code distribution} object, or null
 * @param pattern the {@code pattern} string or object, or null
 * @param rules the {@code rules} array, or null
 * @param path JSON path of the column, for messages
 */
public record ColumnSpec(
    String name,
    PgType type,
    boolean nullable,
    double nullRatio,
    String defaultExpression,
    boolean unique,
    boolean primaryKey,
    String comment,
    String generator,
    JsonObject generatorConfig,
    JsonObject distribution,
    JsonValue pattern,
    JsonArray rules,
    String path)
    implements Serializable {

  public ColumnSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(path, "path");
    if (!(nullRatio >= 0.0 && nullRatio <= 1.0)) {
      throw new IllegalArgumentException(
          "Cannot create column " + name + ": null ratio out of [0, 1]: " + nullRatio);
    }
  }
}
