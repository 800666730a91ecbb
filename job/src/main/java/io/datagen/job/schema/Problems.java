package io.datagen.job.schema;

import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one schema so that all of them are reported at once. */
public final class Problems {
  private final List<SchemaProblem> found = new ArrayList<>();

  public void error(JsonValue node, String message) {
    error(node.path(), node.location(), message);
  }

  public void error(String path, SourceLocation location, String message) {
    found.add(SchemaProblem.error(path, location, message));
  }

  public void error(String path, String message) {
    error(path, SourceLocation.UNKNOWN, message);
  }

  public int size() {
    return found.size();
  }

  public void warning(JsonValue node, String message) {
    warning(node.path(), node.location(), message);
  }

  public void warning(String path, SourceLocation location, String message) {
    found.add(SchemaProblem.warning(path, location, message));
  }

  public void addAll(List<SchemaProblem> problems) {
    found.addAll(problems);
  }

  public boolean hasErrors() {
    return found.stream().anyMatch(p -> p.severity() == SchemaProblem.Severity.ERROR);
  }

  public List<SchemaProblem> errors() {
    return sorted(SchemaProblem.Severity.ERROR);
  }

  public List<SchemaProblem> warnings() {
    return sorted(SchemaProblem.Severity.WARNING);
  }

  /** Errors first, then warnings, each in file order. */
  public List<SchemaProblem> all() {
    List<SchemaProblem> all = new ArrayList<>(errors());
    all.addAll(warnings());
    return all;
  }

  private List<SchemaProblem> sorted(SchemaProblem.Severity severity) {
    return found.stream()
        .filter(p -> p.severity() == severity)
        .sorted(
            Comparator.comparing((SchemaProblem p) -> !p.location().known())
                .thenComparingInt(p -> p.location().line())
                .thenComparingInt(p -> p.location().column()))
        .toList();
  }
}
