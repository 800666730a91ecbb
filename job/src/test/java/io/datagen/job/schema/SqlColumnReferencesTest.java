package io.datagen.job.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlColumnReferencesTest {

  @Test
  void findsColumnReferencesOutsideLiteralsAndFunctionNames() {
    assertThat(SqlColumnReferences.columnReferences("Price >= 0 AND length(sku) < 10"))
        .containsExactly("price", "and", "sku");
    assertThat(
            SqlColumnReferences.columnReferences(
                "status IN ('open', 'it''s closed') OR x::text = 'a'"))
        .containsExactly("status", "or", "x");
    assertThat(SqlColumnReferences.columnReferences("\"Mixed\"\"Case\" > 1.5e3 AND \"fn\" (1)"))
        .containsExactly("Mixed\"Case", "and");
    assertThat(SqlColumnReferences.columnReferences("'unterminated")).isEmpty();
    assertThat(SqlColumnReferences.columnReferences("\"open")).containsExactly("open");
  }

  @Test
  void namesACheckAfterItsOnlyColumn() {
    TableSpec table =
        SchemaFixtures.table(
            SchemaFixtures.load(
                SchemaFixtures.withTables(
                    """
        "t": {"columns": {"Amount": {"type": "int"}, "qty": {"type": "int"}},
              "check_constraints": [{"expression": "\\"Amount\\" > 0"}, {"expression": "qty > 0 AND qty < 10"},
                                    {"expression": "qty <= \\"Amount\\""}, {"expression": "'qty' <> ''"}],
              "row_count": 1}""")),
            "t");
    assertThat(table.checkConstraints())
        .extracting(CheckSpec::name)
        .containsExactly("t_Amount_check", "t_qty_check", "t_check", "t_check1");
  }
}
