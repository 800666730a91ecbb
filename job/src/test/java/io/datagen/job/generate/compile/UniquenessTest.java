package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.rows;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TypeKind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Keys never repeat, without remembering earlier values. */
class UniquenessTest {
  private static final int ROWS = 100_000;

  @Test
  void singleColumnKeysOfEveryKindAreUniqueOver100kRows() {
    Schema schema =
        schema(
            table("t", ROWS)
                .col(col("id", TypeKind.INTEGER).pk())
                .col(col("big", TypeKind.BIGINT).unique())
                .col(col("code", TestSchemas.varchar(8)).unique())
                .col(col("name", TypeKind.TEXT).unique())
                .col(col("fixed", TestSchemas.chars(4)).unique())
                .col(col("key", TypeKind.UUID).unique())
                .col(col("ratio", TypeKind.DOUBLE).unique())
                .col(col("price", TestSchemas.numeric(12, 2)).unique())
                .col(col("day", TypeKind.DATE).unique())
                .col(col("at", TypeKind.TIMESTAMP).unique())
                .col(col("ranged", TypeKind.INTEGER).gen("integer_range", "min", 1, "max", ROWS))
                .unique("ranged"));
    List<List<String>> rows = rows(schema, "t", 21);
    for (int c = 0; c < rows.get(0).size(); c++) {
      Set<String> seen = new HashSet<>();
      for (List<String> row : rows) {
        assertThat(seen.add(row.get(c))).as("column %d value %s repeats", c, row.get(c)).isTrue();
      }
    }
    // integer_range with exactly as many values as rows: a permutation, so every value appears.
    Set<String> ranged = Set.copyOf(rows.stream().map(r -> r.get(10)).toList());
    assertThat(ranged).contains("1", Integer.toString(ROWS));
    for (List<String> row : rows) {
      assertThat(row.get(2).length()).isLessThanOrEqualTo(8);
      assertThat(row.get(4).length()).isLessThanOrEqualTo(4);
    }
  }

  @Test
  void uniqueValuesStillLookRandom() {
    Schema schema = schema(table("t", 1000).col(col("n", TypeKind.INTEGER).unique()));
    List<String> values = column(schema, "t", "n", 1);
    int ascending = 0;
    for (int i = 1; i < values.size(); i++) {
      ascending += Long.parseLong(values.get(i)) > Long.parseLong(values.get(i - 1)) ? 1 : 0;
    }
    assertThat(ascending).isBetween(400, 600);
  }

  @Test
  void junctionTableKeysAreDistinctPairsOfExistingParents() {
    Schema schema =
        schema(
            table("students", 400).col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk()),
            table("courses", 300).col(col("code", TestSchemas.varchar(10)).pk()),
            table("enrolments", ROWS)
                .col(col("student_id", TypeKind.INTEGER))
                .col(col("course_code", TestSchemas.varchar(10)))
                .col(col("grade", TypeKind.SMALLINT))
                .pk("student_id", "course_code")
                .unique("course_code", "student_id")
                .fk("student_id", "students", "id")
                .fk("course_code", "courses", "code"));
    Set<String> students = Set.copyOf(column(schema, "students", "id", 2));
    Set<String> courses = Set.copyOf(column(schema, "courses", "code", 2));
    Set<String> pairs = new HashSet<>();
    for (List<String> row : rows(schema, "enrolments", 2)) {
      assertThat(students).contains(row.get(0));
      assertThat(courses).contains(row.get(1));
      assertThat(pairs.add(row.get(0) + "|" + row.get(1))).isTrue();
    }
    assertThat(pairs).hasSize(ROWS);
  }

  @Test
  void compositeKeysMixForeignKeysAndEnumerableColumns() {
    Schema schema =
        schema(
            List.of(),
            List.of(TestSchemas.enumType("size", "s", "m", "l")),
            table("products", 2_000).col(col("id", TypeKind.INTEGER).pk()),
            table("variants", 5_000)
                .col(col("product_id", TypeKind.INTEGER).notNull())
                .col(col("size", TestSchemas.custom(TypeKind.ENUM, "size")).notNull())
                .col(col("active", TypeKind.BOOLEAN).notNull())
                .uniqueIndex("product_id", "size", "active")
                .fk("product_id", "products", "id"));
    Set<String> combos = new HashSet<>();
    for (List<String> row : rows(schema, "variants", 6)) {
      assertThat(combos.add(String.join("|", row))).isTrue();
    }
  }

  @Test
  void aKeyContainingAUniqueColumnOrASequenceNeedsNoPlan() {
    Schema schema =
        schema(
            table("t", 1_000)
                .col(col("id", TestSchemas.serial(TypeKind.INTEGER)))
                .col(col("flag", TypeKind.BOOLEAN))
                .col(col("code", TypeKind.UUID).unique())
                .col(col("other", TypeKind.BOOLEAN))
                .unique("id", "flag")
                .unique("code", "other")
                .pk("id"));
    List<List<String>> rows = rows(schema, "t", 3);
    assertThat(rows.stream().map(r -> r.get(0)).distinct().count()).isEqualTo(1_000);
    assertThat(rows.stream().map(r -> r.get(2)).distinct().count()).isEqualTo(1_000);
    // The boolean columns are not claimed by any key, so they are still random.
    assertThat(rows.stream().map(r -> r.get(1)).distinct().count()).isEqualTo(2);
  }

  @Test
  void uniqueEnumColumnsUseEveryLabelOnce() {
    Schema schema =
        schema(
            table("t", 3)
                .col(
                    col("c", TypeKind.TEXT)
                        .unique()
                        .gen("enum", "values", List.of("a", "b", "c"))));
    assertThat(column(schema, "t", "c", 1)).containsExactlyInAnyOrder("a", "b", "c");
  }
}
