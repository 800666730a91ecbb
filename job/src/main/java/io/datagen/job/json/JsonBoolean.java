package io.datagen.job.json;

import java.util.Objects;

public record JsonBoolean(String path, SourceLocation location, boolean value)
    implements JsonValue {
  public JsonBoolean {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String kindName() {
    return "boolean";
  }
}
