package io.datagen.job.json;

import java.util.Objects;

public record JsonNull(String path, SourceLocation location) implements JsonValue {
  public JsonNull {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String kindName() {
    return "null";
  }
}
