package io.datagen.archive.plain;

import io.datagen.archive.TocEntry;
import io.datagen.archive.text.SqlIdentifiers;
import java.util.Map;

/**
 * The {@code ALTER … OWNER TO} statement pg_restore adds after an ownable object when the entry has
 * a non-empty owner and a non-empty dropStmt (pg_backup_archiver.c {@code _printTocEntry}).
 */
final class OwnerStatements {
  /** TOC desc → the object type word of ALTER, for the object kinds our job emits. */
  private static final Map<String, String> ALTER_KIND =
      Map.of(
          "TABLE", "TABLE",
          "SEQUENCE", "SEQUENCE",
          "TYPE", "TYPE",
          "DOMAIN", "DOMAIN",
          "VIEW", "VIEW",
          "MATERIALIZED VIEW", "MATERIALIZED VIEW",
          "SCHEMA", "SCHEMA");

  String statementFor(TocEntry entry) {
    String kind = ALTER_KIND.get(entry.desc());
    if (kind == null
        || entry.owner() == null
        || entry.owner().isEmpty()
        || entry.dropStmt() == null
        || entry.dropStmt().isEmpty()) {
      return null;
    }
    String name =
        entry.desc().equals("SCHEMA") || entry.namespace() == null
            ? SqlIdentifiers.quote(entry.tag())
            : SqlIdentifiers.qualified(entry.namespace(), entry.tag());
    return "ALTER " + kind + " " + name + " OWNER TO " + SqlIdentifiers.quote(entry.owner()) + ";";
  }
}
