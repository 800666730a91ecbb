package io.datagen.job.schema;

import io.datagen.job.json.JsonPath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Catches keys that cannot take {@code row_count} distinct values, before any work starts: a unique
 * boolean or enum column, a serial key past its range, a junction table with more rows than pairs
 * of parents. Only domains fixed by the types and foreign keys are counted; generators check their
 * own ranges.
 */
final class UniquenessCheck {
  private static final BigInteger SMALLINT_VALUES = BigInteger.valueOf(65_536);
  private static final BigInteger INTEGER_VALUES = BigInteger.ONE.shiftLeft(32);
  private static final BigInteger SMALLSERIAL_VALUES = BigInteger.valueOf(Short.MAX_VALUE);
  private static final BigInteger SERIAL_VALUES = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger BIGSERIAL_VALUES = BigInteger.valueOf(Long.MAX_VALUE);

  private UniquenessCheck() {}

  static void check(Schema schema, TableSpec table, BiConsumer<String, String> error) {
    if (table.rowCount() <= 1) {
      return;
    }
    if (!table.primaryKey().isEmpty()) {
      checkKey(
          schema,
          table,
          table.primaryKey(),
          "primary key",
          JsonPath.member(table.path(), TableParser.PRIMARY_KEY),
          error);
    }
    for (UniqueSpec unique : table.uniqueConstraints()) {
      checkKey(
          schema,
          table,
          unique.columns(),
          "unique constraint \"" + unique.name() + "\"",
          unique.path(),
          error);
    }
  }

  private static void checkKey(
      Schema schema,
      TableSpec table,
      List<String> key,
      String what,
      String path,
      BiConsumer<String, String> error) {
    List<ColumnSpec> columns = new ArrayList<>();
    for (String name : key) {
      ColumnSpec column = table.column(name).orElse(null);
      if (column == null || column.nullable()) {
        return; // unknown column (reported elsewhere), or NULLs can repeat
      }
      columns.add(column);
    }
    BigInteger domain = BigInteger.ONE;
    List<String> parts = new ArrayList<>();
    Set<String> covered = new HashSet<>();
    for (ForeignKeySpec fk : table.foreignKeys()) {
      TableSpec parent = schema.table(fk.referencedTable()).orElse(null);
      if (parent != null && key.containsAll(fk.columns()) && !covered.containsAll(fk.columns())) {
        domain = domain.multiply(BigInteger.valueOf(parent.rowCount()));
        covered.addAll(fk.columns());
        parts.add(fk.columns() + " → " + parent.rowCount() + " rows of \"" + parent.name() + "\"");
      }
    }
    for (ColumnSpec column : columns) {
      if (covered.contains(column.name())) {
        continue;
      }
      BigInteger values = values(schema, column.type());
      if (values == null) {
        return; // wide enough, or decided by the generator
      }
      domain = domain.multiply(values);
      parts.add(
          column.name()
              + " ("
              + ForeignKeyChecks.describe(column.type())
              + ") → "
              + SchemaValidator.count(values)
              + " values");
    }
    if (domain.compareTo(BigInteger.valueOf(table.rowCount())) < 0) {
      error.accept(
          path,
          "the "
              + what
              + " of table \""
              + table.name()
              + "\" "
              + key
              + " can take at most "
              + SchemaValidator.count(domain)
              + " distinct values ("
              + String.join(", ", parts)
              + "), but row_count is "
              + SchemaValidator.count(BigInteger.valueOf(table.rowCount()))
              + "; lower row_count or widen the key");
    }
  }

  /** How many distinct values a type has, or null when that is not a useful limit. */
  private static BigInteger values(Schema schema, PgType type) {
    if (type.isArray()) {
      return null;
    }
    return switch (type.kind()) {
      case BOOLEAN -> BigInteger.TWO;
      case SMALLINT -> type.serial() ? SMALLSERIAL_VALUES : SMALLINT_VALUES;
      case INTEGER -> type.serial() ? SERIAL_VALUES : INTEGER_VALUES;
      case BIGINT -> type.serial() ? BIGSERIAL_VALUES : null;
      case ENUM ->
          schema
              .customType(type.customName())
              .map(t -> BigInteger.valueOf(t.enumValues().size()))
              .orElse(null);
      case DOMAIN ->
          schema
              .customType(type.customName())
              .filter(t -> t.baseType() != null)
              .filter(t -> !t.baseType().equals(type))
              .map(t -> values(schema, t.baseType()))
              .orElse(null);
      default -> null;
    };
  }
}
