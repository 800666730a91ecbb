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

/** Every foreign-key value exists among the parent's key values, computed without any lookup. */
class ForeignKeyTest {

  private static Set<String> keys(List<List<String>> rows, int... columns) {
    Set<String> keys = new HashSet<>();
    for (List<String> row : rows) {
      StringBuilder key = new StringBuilder();
      for (int c : columns) {
        key.append(row.get(c)).append('|');
      }
      keys.add(key.toString());
    }
    return keys;
  }

  @Test
  void childValuesExistInTheParentAndCoverIt() {
    Schema schema =
        schema(
            table("users", 500)
                .col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk())
                .col(col("email", TestSchemas.varchar(40)).unique()),
            table("posts", 20_000)
                .col(col("id", TypeKind.UUID).pk())
                .col(col("author", TypeKind.INTEGER).notNull())
                .col(col("author_email", TestSchemas.varchar(40)))
                .fk("author", "users", "id")
                .fk("author_email", "users", "email"));
    Set<String> ids = Set.copyOf(column(schema, "users", "id", 3));
    Set<String> emails = Set.copyOf(column(schema, "users", "email", 3));
    List<String> authors = column(schema, "posts", "author", 3);
    assertThat(ids).containsAll(authors);
    assertThat(emails).containsAll(column(schema, "posts", "author_email", 3));
    assertThat(new HashSet<>(authors).size())
        .isGreaterThan(490); // uniform: nearly every parent is used
  }

  @Test
  void compositeKeysPointAtOneParentRow() {
    Schema schema =
        schema(
            table("accounts", 300)
                .col(col("region", TestSchemas.varchar(6)).notNull())
                .col(col("number", TypeKind.INTEGER).notNull())
                .col(col("name", TypeKind.TEXT))
                .pk("region", "number"),
            table("payments", 10_000)
                .col(col("id", TestSchemas.serial(TypeKind.BIGINT)).pk())
                .col(col("acc_number", TypeKind.INTEGER))
                .col(col("amount", TestSchemas.numeric(10, 2)))
                .col(col("acc_region", TestSchemas.varchar(6)))
                .fk(
                    "accounts",
                    List.of("acc_region", "acc_number"),
                    List.of("region", "number"),
                    0.1));
    Set<String> parentKeys = keys(rows(schema, "accounts", 11), 0, 1);
    assertThat(parentKeys).hasSize(300);
    List<List<String>> payments = rows(schema, "payments", 11);
    int nulls = 0;
    for (List<String> p : payments) {
      if (p.get(3) == null) {
        assertThat(p.get(1)).as("composite FK columns are NULL together").isNull();
        nulls++;
      } else {
        assertThat(parentKeys).contains(p.get(3) + "|" + p.get(1) + "|");
      }
    }
    assertThat(nulls / 10_000.0).isBetween(0.09, 0.11);
  }

  @Test
  void selfReferencesAndCyclesNeedNoOrder() {
    Schema schema =
        schema(
            table("categories", 5_000)
                .col(col("id", TestSchemas.serial(TypeKind.INTEGER)).pk())
                .col(col("parent_id", TypeKind.INTEGER).nulls(0.3))
                .fk("parent_id", "categories", "id"),
            table("people", 1_000)
                .col(col("id", TypeKind.INTEGER).pk())
                .col(col("best_pet", TypeKind.INTEGER))
                .fk("best_pet", "pets", "id"),
            table("pets", 2_000)
                .col(col("id", TypeKind.INTEGER).pk())
                .col(col("owner", TypeKind.INTEGER).notNull())
                .fk("owner", "people", "id"));
    List<List<String>> categories = rows(schema, "categories", 4);
    Set<String> ids = keys(categories, 0);
    long nulls = categories.stream().filter(r -> r.get(1) == null).count();
    assertThat(nulls / 5_000.0).isBetween(0.27, 0.33);
    categories.stream()
        .filter(r -> r.get(1) != null)
        .forEach(r -> assertThat(ids).contains(r.get(1) + "|"));

    Set<String> people = Set.copyOf(column(schema, "people", "id", 4));
    Set<String> pets = Set.copyOf(column(schema, "pets", "id", 4));
    assertThat(people).hasSize(1_000).containsAll(column(schema, "pets", "owner", 4));
    assertThat(pets).hasSize(2_000).containsAll(column(schema, "people", "best_pet", 4));
  }

  @Test
  void oneToOneForeignKeysUseEachParentAtMostOnce() {
    Schema schema =
        schema(
            table("users", 1_000).col(col("id", TypeKind.UUID).pk()),
            table("profiles", 800)
                .col(col("user_id", TypeKind.UUID).unique().notNull())
                .fk("user_id", "users", "id"));
    Set<String> users = Set.copyOf(column(schema, "users", "id", 8));
    List<String> owners = column(schema, "profiles", "user_id", 8);
    assertThat(users).containsAll(owners);
    assertThat(new HashSet<>(owners)).hasSize(800);
  }

  @Test
  void nullableKeysIntoAnEmptyTableAreNull() {
    Schema schema =
        schema(
            table("empty", 0).col(col("id", TypeKind.INTEGER).pk()),
            table("t", 100).col(col("ref", TypeKind.INTEGER).unique()).fk("ref", "empty", "id"));
    assertThat(GenerationValidator.validate(schema)).isEmpty();
    assertThat(column(schema, "t", "ref", 1)).containsOnlyNulls();
  }

  @Test
  void columnNullRatioAppliesToASingleColumnKey() {
    Schema schema =
        schema(
            table("p", 10).col(col("id", TypeKind.SMALLINT).pk()),
            table("c", 10_000).col(col("ref", TypeKind.SMALLINT).nulls(0.5)).fk("ref", "p", "id"));
    long nulls = column(schema, "c", "ref", 1).stream().filter(v -> v == null).count();
    assertThat(nulls / 10_000.0).isBetween(0.47, 0.53);
  }
}
