package io.datagen.job.plan;

import io.datagen.job.schema.Schema;
import java.io.Serializable;
import java.util.List;

/**
 * The selection options as given on the command line, resolved against a schema by {@link
 * #resolve(Schema)}.
 *
 * @param tables {@code --tables} (empty = every table)
 * @param tablesOnly {@code --tables-only}: do not add the tables the selected ones reference
 * @param schemaOnly {@code --schema-only}
 * @param dataOnly {@code --data-only}
 */
public record SelectionRequest(
    List<String> tables, boolean tablesOnly, boolean schemaOnly, boolean dataOnly)
    implements Serializable {
  public static final SelectionRequest ALL = new SelectionRequest(List.of(), false, false, false);

  public SelectionRequest {
    tables = List.copyOf(tables);
  }

  public Selection resolve(Schema schema) {
    return Selection.of(schema, tables, tablesOnly, !dataOnly, !schemaOnly);
  }
}
