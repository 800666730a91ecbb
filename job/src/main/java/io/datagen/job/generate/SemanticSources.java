package io.datagen.job.generate;

/** Placeholder: name-based generators (filled in by the semantic generators). */
final class SemanticSources {
  private SemanticSources() {}

  static ValueSource byName(ColumnContext ctx, String name) {
    return null;
  }
}
