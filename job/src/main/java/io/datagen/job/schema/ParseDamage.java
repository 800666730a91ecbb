package io.datagen.job.schema;

import java.util.HashSet;
import java.util.Set;

/**
 * What the parser could not read (and replaced by a placeholder or left out), so that the
 * validator, which still runs to report every problem at once, does not add follow-up errors about
 * it.
 */
final class ParseDamage {
  private final Set<String> brokenPaths = new HashSet<>();
  private final Set<QualifiedName> brokenTables = new HashSet<>();
  private final Set<QualifiedName> brokenTypes = new HashSet<>();

  void markBroken(String path) {
    brokenPaths.add(path);
  }

  void markBroken(QualifiedName table) {
    brokenTables.add(table);
  }

  void markBrokenType(QualifiedName type) {
    brokenTypes.add(type);
  }

  boolean isBrokenType(QualifiedName type) {
    return brokenTypes.contains(type);
  }

  boolean isBroken(String path) {
    return brokenPaths.contains(path);
  }

  boolean isBroken(QualifiedName table) {
    return brokenTables.contains(table);
  }

  static ParseDamage none() {
    return new ParseDamage();
  }
}
