package io.datagen.job.ddl;

import io.datagen.archive.text.SqlIdentifiers;
import io.datagen.job.schema.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting shorthands for the DDL builders; the rules themselves live in archive-assembler. */
final class Sql {
  private Sql() {}

  static String ident(String name) {
    return SqlIdentifiers.quote(name);
  }

  static String name(QualifiedName name) {
    return SqlIdentifiers.quote(name.schema()) + "." + SqlIdentifiers.quote(name.name());
  }

  static String columnList(List<String> columns) {
    return columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
  }

  static String literal(String value) {
    return io.datagen.archive.text.SqlLiterals.quote(value);
  }
}
