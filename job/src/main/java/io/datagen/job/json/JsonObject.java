package io.datagen.job.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A JSON object; member order is the order in the source. */
public record JsonObject(String path, SourceLocation location, Map<String, JsonValue> members)
    implements JsonValue {
  public JsonObject {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public Optional<JsonValue> get(String key) {
    return Optional.ofNullable(members.get(key));
  }

  public boolean has(String key) {
    return members.containsKey(key);
  }

  @Override
  public String kindName() {
    return "object";
  }
}
