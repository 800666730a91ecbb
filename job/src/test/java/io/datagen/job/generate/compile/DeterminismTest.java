package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.rows;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TypeKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Values are a pure function of (seed, table, column, row). */
class DeterminismTest {
  private static final int ROWS = 2_000;
  private static final List<CustomTypeSpec> TYPES =
      List.of(TestSchemas.enumType("status", "new", "paid", "sent"));

  private static TestSchemas.Table users(String name, boolean withExtraColumn) {
    TestSchemas.Table t =
        table(name, ROWS)
            .col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk())
            .col(col("code", TestSchemas.varchar(12)).unique())
            .col(col("score", TypeKind.INTEGER).gen("integer_range", "min", -5, "max", 5));
    if (withExtraColumn) {
      t.col(col("extra", TypeKind.UUID));
    }
    return t.col(col("price", TestSchemas.numeric(8, 2)).nulls(0.2))
        .col(col("status", TestSchemas.custom(TypeKind.ENUM, "status")))
        .col(col("at", TypeKind.TIMESTAMPTZ))
        .col(col("key", TypeKind.UUID).unique())
        .col(col("note", TypeKind.TEXT));
  }

  private static Schema schemaWith(String name, boolean extra) {
    return schema(
        List.of(),
        TYPES,
        users(name, extra),
        table("orders", ROWS)
            .col(col("id", TypeKind.BIGINT).pk())
            .col(col("user_id", TypeKind.INTEGER).notNull())
            .fk("user_id", name, "id"));
  }

  @Test
  void sameSeedSameRowsWhateverTheOrder() {
    Schema schema = schemaWith("users", false);
    List<List<String>> forward = rows(schema, "users", 42);
    assertThat(rows(schema, "users", 42)).isEqualTo(forward);

    TableRowGenerator generator = TestSchemas.generator(schema, "users", 42);
    List<Long> order = new ArrayList<>();
    for (long r = 0; r < ROWS; r++) {
      order.add(r);
    }
    Collections.shuffle(order, new Random(3));
    for (long r : order) {
      TextRowSink sink = new TextRowSink();
      generator.generateRow(r, sink);
      assertThat(sink.rows.get(0)).isEqualTo(forward.get((int) r));
    }
  }

  @Test
  void differentSeedsGiveDifferentData() {
    Schema schema = schemaWith("users", false);
    List<List<String>> a = rows(schema, "users", 1);
    List<List<String>> b = rows(schema, "users", 2);
    for (int c = 1; c < a.get(0).size(); c++) { // every column but the serial id differs
      int differing = 0;
      for (int r = 0; r < ROWS; r++) {
        differing += a.get(r).get(c) == null ? 0 : a.get(r).get(c).equals(b.get(r).get(c)) ? 0 : 1;
      }
      assertThat(differing).as("column %d", c).isGreaterThan(ROWS / 3);
    }
    assertThat(rows(schema, "orders", 1)).isNotEqualTo(rows(schema, "orders", 2));
  }

  @Test
  void addingAColumnLeavesTheOthersUnchanged() {
    List<List<String>> before = rows(schemaWith("users", false), "users", 9);
    List<List<String>> after = rows(schemaWith("users", true), "users", 9);
    for (int r = 0; r < ROWS; r++) {
      List<String> withoutExtra = new ArrayList<>(after.get(r));
      withoutExtra.remove(3);
      assertThat(withoutExtra).isEqualTo(before.get(r));
    }
    assertThat(rows(schemaWith("users", true), "orders", 9))
        .isEqualTo(rows(schemaWith("users", false), "orders", 9));
  }

  @Test
  void renamingATableChangesItsValues() {
    List<List<String>> users = rows(schemaWith("users", false), "users", 5);
    List<List<String>> members = rows(schemaWith("members", false), "members", 5);
    int same = 0;
    for (int r = 0; r < ROWS; r++) {
      same += users.get(r).get(1).equals(members.get(r).get(1)) ? 1 : 0;
    }
    assertThat(same).isLessThan(5);
  }
}
