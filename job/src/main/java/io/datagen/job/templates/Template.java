package io.datagen.job.templates;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A built-in scenario: a schema file shipped as a resource, plus what {@code template list} shows
 * about it.
 *
 * @param defaultRows row count per table at scale 1, in schema order
 */
public record Template(
    String name, String description, Map<String, Long> defaultRows, String resource) {
  public Template {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    defaultRows = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaultRows));
    Objects.requireNonNull(resource, "resource");
  }

  public List<String> tables() {
    return List.copyOf(defaultRows.keySet());
  }

  public long totalRows() {
    return defaultRows.values().stream().mapToLong(Long::longValue).sum();
  }
}
