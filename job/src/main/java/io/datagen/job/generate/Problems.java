package io.datagen.job.generate;

import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.SchemaProblem;
import java.util.ArrayList;
import java.util.List;

/** Collects every problem found while planning generators, so all are reported at once. */
final class Problems {
  private final List<SchemaProblem> list = new ArrayList<>();

  void error(String path, SourceLocation location, String message) {
    list.add(SchemaProblem.error(path, location, message));
  }

  void error(JsonValue at, String message) {
    error(at.path(), at.location(), message);
  }

  void error(String path, String message) {
    error(path, SourceLocation.UNKNOWN, message);
  }

  void warning(String path, SourceLocation location, String message) {
    list.add(SchemaProblem.warning(path, location, message));
  }

  boolean hasErrors() {
    return list.stream().anyMatch(p -> p.severity() == SchemaProblem.Severity.ERROR);
  }

  int size() {
    return list.size();
  }

  List<SchemaProblem> list() {
    return List.copyOf(list);
  }
}
