package io.datagen.job.json;

import java.util.List;
import java.util.Objects;

public record JsonArray(String path, SourceLocation location, List<JsonValue> elements)
    implements JsonValue {
  public JsonArray {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    elements = List.copyOf(elements);
  }

  @Override
  public String kindName() {
    return "array";
  }
}
