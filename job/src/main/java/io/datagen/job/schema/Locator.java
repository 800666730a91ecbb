package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/** Finds the line:column of a JSON path in the parsed file (or of its nearest enclosing node). */
final class Locator {
  private final Map<String, SourceLocation> locations;

  private Locator(Map<String, SourceLocation> locations) {
    this.locations = locations;
  }

  static Locator of(JsonValue root) {
    Map<String, SourceLocation> locations = new HashMap<>();
    index(root, locations);
    return new Locator(locations);
  }

  /** For a schema built in code: every location is unknown. */
  static Locator none() {
    return new Locator(Map.of());
  }

  SourceLocation locate(String path) {
    String current = path;
    while (!current.isEmpty()) {
      SourceLocation location = locations.get(current);
      if (location != null) {
        return location;
      }
      int cut = Math.max(current.lastIndexOf('.'), current.lastIndexOf('['));
      if (cut <= 0) {
        break;
      }
      current = current.substring(0, cut);
    }
    return SourceLocation.UNKNOWN;
  }

  private static void index(JsonValue node, Map<String, SourceLocation> locations) {
    locations.put(node.path(), node.location());
    if (node instanceof JsonObject object) {
      object.members().values().forEach(v -> index(v, locations));
    } else if (node instanceof JsonArray array) {
      array.elements().forEach(v -> index(v, locations));
    }
  }
}
