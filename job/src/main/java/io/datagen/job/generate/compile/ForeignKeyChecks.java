package io.datagen.job.generate.compile;

import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.util.HashSet;
import java.util.List;

/**
 * Whether a foreign key can be filled from its parent: target resolves, is a key, types and NULLs
 * agree.
 */
final class ForeignKeyChecks {
  private ForeignKeyChecks() {}

  static boolean check(Schema schema, TableSpec table, ForeignKeySpec fk, Problems problems) {
    String where = "foreign key " + fk.name() + " of table " + table.name();
    TableSpec parent = schema.table(fk.referencedTable()).orElse(null);
    if (parent == null) {
      problems.error(
          fk.path(),
          "Cannot resolve "
              + where
              + ": table "
              + fk.referencedTable()
              + " does not exist"
              + DidYouMean.inlineSuggestion(
                  fk.referencedTable().toString(),
                  schema.tables().stream().map(t -> t.name().toString()).toList()));
      return false;
    }
    boolean ok = true;
    for (int i = 0; i < fk.columns().size(); i++) {
      ColumnSpec child = table.column(fk.columns().get(i)).orElse(null);
      ColumnSpec referenced = parent.column(fk.referencedColumns().get(i)).orElse(null);
      if (child == null || referenced == null) {
        String missing =
            child == null
                ? fk.columns().get(i) + " of table " + table.name()
                : fk.referencedColumns().get(i) + " of table " + parent.name();
        problems.error(
            fk.path(), "Cannot resolve " + where + ": column " + missing + " does not exist");
        ok = false;
        continue;
      }
      String childFamily = ColumnTypes.family(child.type().kind());
      if (!childFamily.equals(ColumnTypes.family(referenced.type().kind()))
          || child.type().arrayDimensions() != referenced.type().arrayDimensions()) {
        problems.error(
            fk.path(),
            "Cannot fill "
                + where
                + ": column '"
                + child.name()
                + "' of type "
                + ColumnTypes.describe(child.type())
                + " cannot hold the values of "
                + parent.name()
                + "."
                + referenced.name()
                + " of type "
                + ColumnTypes.describe(referenced.type()));
        ok = false;
      }
      if (!child.nullable() && referenced.nullable() && referenced.nullRatio() > 0) {
        problems.error(
            fk.path(),
            "Cannot fill "
                + where
                + ": NOT NULL column '"
                + child.name()
                + "' references "
                + parent.name()
                + "."
                + referenced.name()
                + ", which is NULL on a share "
                + referenced.nullRatio()
                + " of its rows");
        ok = false;
      }
    }
    if (!ok) {
      return false;
    }
    if (!isKey(parent, fk.referencedColumns())) {
      problems.error(
          fk.path(),
          "Cannot reference "
              + fk.referencedColumns()
              + " of table "
              + parent.name()
              + " from "
              + where
              + ": they are not its primary key or a unique constraint");
      ok = false;
    }
    boolean allNullable =
        fk.columns().stream().allMatch(c -> table.column(c).map(ColumnSpec::nullable).orElse(true));
    if (fk.nullRatio() > 0 && !allNullable) {
      problems.error(
          fk.path(),
          "Cannot apply null_ratio "
              + fk.nullRatio()
              + " to "
              + where
              + ": some of its columns are NOT NULL");
      ok = false;
    }
    if (parent.rowCount() == 0 && table.rowCount() > 0 && !allNullable) {
      problems.error(
          fk.path(),
          "Cannot fill "
              + where
              + ": it is NOT NULL but the referenced table "
              + parent.name()
              + " has 0 rows (give it rows, or make the columns nullable)");
      ok = false;
    }
    if (fk.distribution() != null
        && parent.rowCount() > 0
        && Distributions.parentRanks(fk.distribution(), where, parent.rowCount(), problems)
            == null) {
      ok = false;
    }
    return ok;
  }

  private static boolean isKey(TableSpec parent, List<String> columns) {
    HashSet<String> wanted = new HashSet<>(columns);
    for (List<String> key : Keys.of(parent)) {
      if (new HashSet<>(key).equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
