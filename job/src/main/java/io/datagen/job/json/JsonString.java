package io.datagen.job.json;

import java.util.Objects;

public record JsonString(String path, SourceLocation location, String value) implements JsonValue {
  public JsonString {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String kindName() {
    return "string";
  }
}
