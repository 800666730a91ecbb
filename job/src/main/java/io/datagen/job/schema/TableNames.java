package io.datagen.job.schema;

import io.datagen.job.json.JsonValue;

/** Reads object names written as {@code name} or {@code schema.name}. */
final class TableNames {
  private TableNames() {}

  /**
   * The qualified name, or null (reported) when {@code text} is not {@code name} or {@code
   * schema.name}.
   */
  static QualifiedName parse(String text, JsonValue where, Problems problems) {
    String[] parts = text.split("\\.", -1);
    if (text.isBlank()
        || parts.length > 2
        || parts[0].isEmpty()
        || parts[parts.length - 1].isEmpty()) {
      problems.error(where, "invalid name \"" + text + "\"; write \"name\" or \"schema.name\"");
      return null;
    }
    return QualifiedName.parse(text);
  }
}
