package io.datagen.job.ddl;

import io.datagen.archive.text.SqlIdentifiers;
import io.datagen.job.schema.QualifiedName;
import java.util.List;
import java.util.stream.Collectors;

/** Quoting shorthands for the DDL builders; the rules themselves live in archive-assembler. */
public final class Sql {
  private Sql() {}

  public static String ident(String name) {
    return SqlIdentifiers.quote(name);
  }

  public static String name(QualifiedName name) {
    return SqlIdentifiers.qualified(name.schema(), name.name());
  }

  public static String columnList(List<String> columns) {
    return columns.stream().map(SqlIdentifiers::quote).collect(Collectors.joining(", "));
  }

  public static String literal(String value) {
    return io.datagen.archive.text.SqlLiterals.quote(value);
  }
}
