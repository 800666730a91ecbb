package io.datagen.job.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.ddl.Sql;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** SQL checks on a database restored from a generated archive. */
public final class RestoreChecks {
  private RestoreChecks() {}

  public static long scalar(PostgresServers.Database db, String sql) {
    return Long.parseLong(PgTools.query(db, sql).get(0).get(0));
  }

  /** Rows whose (non-NULL) foreign key matches no parent row. */
  public static String orphansQuery(TableSpec table, ForeignKeySpec fk) {
    String join =
        IntStream.range(0, fk.columns().size())
            .mapToObj(
                i ->
                    "p."
                        + Sql.ident(fk.referencedColumns().get(i))
                        + " = c."
                        + Sql.ident(fk.columns().get(i)))
            .collect(Collectors.joining(" AND "));
    String notNull =
        fk.columns().stream()
            .map(c -> "c." + Sql.ident(c) + " IS NOT NULL")
            .collect(Collectors.joining(" AND "));
    return "SELECT count(*) FROM "
        + Sql.name(table.name())
        + " c WHERE "
        + notNull
        + " AND NOT EXISTS (SELECT 1 FROM "
        + Sql.name(fk.referencedTable())
        + " p WHERE "
        + join
        + ")";
  }

  /**
   * Every table has exactly its row count, no FK has orphans, and every FK constraint exists and is
   * valid.
   */
  public static void assertCountsAndIntegrity(PostgresServers.Database db, Schema schema) {
    long foreignKeys = 0;
    for (TableSpec table : schema.tables()) {
      assertThat(scalar(db, "SELECT count(*) FROM " + Sql.name(table.name())))
          .as("rows of %s", table.name())
          .isEqualTo(table.rowCount());
      for (ForeignKeySpec fk : table.foreignKeys()) {
        assertThat(scalar(db, orphansQuery(table, fk))).as("orphans of %s", fk.name()).isZero();
        foreignKeys++;
      }
    }
    assertThat(
            scalar(
                db,
                "SELECT count(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                    + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND c.contype = 'f' AND c.convalidated"))
        .as("valid FK constraints")
        .isEqualTo(foreignKeys);
  }
}
