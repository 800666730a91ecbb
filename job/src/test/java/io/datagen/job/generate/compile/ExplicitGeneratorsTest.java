package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.generate.SequenceColumn;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SequenceSpec;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExplicitGeneratorsTest {

  private static List<String> values(long rows, TestSchemas.Col column) {
    return values(rows, List.of(), column);
  }

  private static List<String> values(
      long rows, List<SequenceSpec> sequences, TestSchemas.Col column) {
    Schema schema =
        schema(
            sequences,
            List.of(TestSchemas.enumType("color", "red", "green", "blue")),
            table("t", rows).col(column));
    return column(schema, "t", column.name, 17);
  }

  private static double share(List<String> values, String value) {
    return values.stream().filter(value::equals).count() / (double) values.size();
  }

  @Test
  void sequencesAreRowDerivedAndGapFree() {
    assertThat(values(4, col("c", TypeKind.BIGINT).gen("sequence", "start", 100, "increment", 10)))
        .containsExactly("100", "110", "120", "130");
    assertThat(values(3, col("c", TypeKind.INTEGER).gen("sequence", "start", 0, "increment", -2)))
        .containsExactly("0", "-2", "-4");
    assertThat(values(3, col("c", TestSchemas.numeric(10, 0)).gen("sequence")))
        .containsExactly("1", "2", "3");
  }

  @Test
  void namedSequencesFollowTheirBoundsAndCycle() {
    SequenceSpec cycling = TestSchemas.sequence("ring", 3, 1, 1, 4, true);
    assertThat(
            values(
                7,
                List.of(cycling),
                col("c", TypeKind.INTEGER).gen("sequence", "sequence", "ring")))
        .containsExactly("3", "4", "1", "2", "3", "4", "1");
    SequenceSpec down = TestSchemas.sequence("down", 2, -1, -1, 5, true);
    assertThat(
            values(
                6, List.of(down), col("c", TypeKind.INTEGER).gen("sequence", "sequence", "down")))
        .containsExactly("2", "1", "0", "-1", "5", "4");
    SequenceSpec invoices = TestSchemas.sequence("invoice_seq", 1000, 5, 1, Long.MAX_VALUE, false);
    Schema schema =
        schema(
            List.of(invoices),
            List.of(),
            table("t", 3)
                .col(col("no", TypeKind.BIGINT).defaultExpr("nextval('invoice_seq'::regclass)")));
    assertThat(column(schema, "t", "no", 1)).containsExactly("1000", "1005", "1010");
    TableRowGenerator generator = TestSchemas.generator(schema, "t", 1);
    SequenceColumn sequence = generator.sequenceColumns().get(0);
    assertThat(sequence.sequence()).isEqualTo(QualifiedName.parse("invoice_seq"));
    assertThat(sequence.valueAt(1)).isEqualTo(1005);
    assertThat(sequence.lastValue(3)).isEqualTo(1010);
  }

  @Test
  void anExplicitSequenceOnASerialAdvancesTheSerialsOwnSequence() {
    Schema schema =
        schema(
            table("t", 2)
                .col(
                    col("id", TestSchemas.serial(TypeKind.INTEGER))
                        .pk()
                        .gen("sequence", "start", 500)));
    SequenceColumn sequence = TestSchemas.generator(schema, "t", 1).sequenceColumns().get(0);
    assertThat(sequence.sequence()).isEqualTo(QualifiedName.parse("t_id_seq"));
    assertThat(sequence.lastValue(2)).isEqualTo(501);
    Schema plain = schema(table("t", 2).col(col("n", TypeKind.INTEGER).gen("sequence")));
    assertThat(TestSchemas.generator(plain, "t", 1).sequenceColumns().get(0).sequence()).isNull();
  }

  @Test
  void uuidVersionsFourAndSeven() {
    for (String v : values(2_000, col("c", TypeKind.UUID).gen("uuid"))) {
      assertThat(UUID.fromString(v).version()).isEqualTo(4);
    }
    List<String> v7 = values(2_000, col("c", TestSchemas.varchar(36)).gen("uuid", "version", 7));
    for (String v : v7) {
      assertThat(UUID.fromString(v).version()).isEqualTo(7);
      assertThat(UUID.fromString(v).variant()).isEqualTo(2);
    }
    assertThat(v7).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void enumsPickUniformlyFromTheirValuesInTheColumnsType() {
    List<String> values =
        values(3_000, col("c", TypeKind.SMALLINT).gen("enum", "values", List.of(1, "2", 3)));
    for (String v : List.of("1", "2", "3")) {
      assertThat(share(values, v)).isBetween(0.30, 0.37);
    }
    assertThat(
            values(
                100,
                col("c", TestSchemas.custom(TypeKind.ENUM, "color"))
                    .gen("enum", "values", List.of("red", "blue"))))
        .containsOnly("red", "blue");
  }

  @Test
  void weightedEnumsAcceptAllThreeShapes() {
    // Ordered, as a parsed schema's objects are: Map.of's order changes from JVM to JVM.
    Map<String, Object> weights = new java.util.LinkedHashMap<>();
    weights.put("new", 80);
    weights.put("paid", 15);
    weights.put("sent", 5);
    List<List<String>> shapes =
        List.of(
            values(1_000, col("c", TypeKind.TEXT).gen("weighted_enum", "values", weights)),
            values(
                1_000,
                col("c", TypeKind.TEXT)
                    .gen(
                        "weighted_enum",
                        "values",
                        List.of("new", "paid", "sent"),
                        "weights",
                        List.of(0.8, 0.15, 0.05))),
            values(1_000, col("c", TypeKind.TEXT).gen("weighted_enum", "weights", weights)));
    for (List<String> values : shapes) {
      assertThat(share(values, "new")).isBetween(0.77, 0.83);
      assertThat(share(values, "paid")).isBetween(0.12, 0.18);
      assertThat(share(values, "sent")).isBetween(0.02, 0.08);
    }
    for (long seed = 0; seed < 20; seed++) {
      Schema schema =
          schema(
              table("t", 1_000)
                  .col(col("c", TypeKind.TEXT).gen("weighted_enum", "values", weights)));
      assertThat(share(column(schema, "t", "c", seed), "new")).isBetween(0.77, 0.83);
    }
  }

  @Test
  void rangesStayInsideTheirBounds() {
    List<String> ints =
        values(5_000, col("c", TypeKind.INTEGER).gen("integer_range", "min", -3, "max", 3));
    assertThat(ints).allSatisfy(v -> assertThat(Integer.parseInt(v)).isBetween(-3, 3));
    assertThat(ints).contains("-3", "3");
    assertThat(
            values(
                500,
                col("c", TestSchemas.numeric(8, 2)).gen("integer_range", "min", 0, "max", 99999)))
        .allSatisfy(v -> assertThat(new BigDecimal(v).scale()).isZero());

    List<String> decimals =
        values(
            5_000,
            col("c", TestSchemas.numeric(6, 2))
                .gen("decimal_range", "min", 9.99, "max", 1000, "scale", 4));
    for (String v : decimals) {
      BigDecimal d = new BigDecimal(v);
      assertThat(d.scale()).isEqualTo(2);
      assertThat(d).isBetween(new BigDecimal("9.99"), new BigDecimal("1000"));
    }
    assertThat(
            values(
                100,
                col("c", TypeKind.DOUBLE).gen("decimal_range", "min", 0, "max", 1, "scale", 3)))
        .allSatisfy(v -> assertThat(new BigDecimal(v).scale()).isEqualTo(3));
  }

  @Test
  void booleansHonourTheTrueRatioAndConstantsAreConstant() {
    assertThat(
            share(
                values(10_000, col("c", TypeKind.BOOLEAN).gen("boolean", "true_ratio", 0.9)), "t"))
        .isBetween(0.88, 0.92);
    assertThat(values(10, col("c", TestSchemas.varchar(5)).gen("constant", "value", "fixed")))
        .containsOnly("fixed");
    assertThat(values(3, col("c", TypeKind.DATE).gen("constant", "value", "2020-02-29")))
        .containsOnly("2020-02-29");
    assertThat(
            values(
                3,
                col("c", TypeKind.TIMESTAMPTZ)
                    .gen("constant", "value", "2020-02-29T10:00:00+02:00")))
        .containsOnly("2020-02-29 08:00:00+00");
    assertThat(
            values(
                3, col("c", TypeKind.TIMESTAMP).gen("constant", "value", "2020-02-29 10:00:00.5")))
        .containsOnly("2020-02-29 10:00:00.5");
    assertThat(
            values(
                3,
                col("c", TypeKind.UUID)
                    .gen("constant", "value", "00000000-0000-4000-8000-000000000001")))
        .containsOnly("00000000-0000-4000-8000-000000000001");
    assertThat(values(3, col("c", TypeKind.BOOLEAN).gen("constant", "value", "yes")))
        .containsOnly("t");
    assertThat(values(3, col("c", TypeKind.REAL).gen("constant", "value", 1.5)))
        .containsOnly("1.5");
    assertThat(values(3, col("c", TestSchemas.numeric(5, 2)).gen("constant", "value", 1.005)))
        .containsOnly("1.01");
    assertThat(values(3, col("c", TypeKind.INTEGER).gen("constant", "value", null)))
        .containsOnlyNulls();
  }

  @Test
  void dateAndTimestampRanges() {
    for (String v :
        values(
            2_000,
            col("c", TypeKind.DATE)
                .gen("date_range", "start", "2020-01-01", "end", "2020-01-31"))) {
      assertThat(LocalDate.parse(v)).isBetween(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31));
    }
    List<String> stamps =
        values(
            2_000,
            col("c", TypeKind.TIMESTAMPTZ)
                .gen(
                    "timestamp_range",
                    "start",
                    "2023-03-01T00:00:00Z",
                    "end",
                    "2023-03-02T00:00:00Z"));
    assertThat(stamps)
        .allSatisfy(
            v -> assertThat(v).startsWith("2023-03-01 ").endsWith("+00").doesNotContain("."));
    List<String> precise =
        values(
            500,
            col("c", TestSchemas.timestamp(TypeKind.TIMESTAMP, 3))
                .gen(
                    "timestamp_range",
                    "start",
                    "2023-03-01 00:00:00",
                    "end",
                    "2023-03-01 00:00:01"));
    assertThat(precise).allSatisfy(v -> assertThat(v).startsWith("2023-03-01 00:00:0"));
    assertThat(
            values(
                5,
                col("c", TypeKind.TIMESTAMP)
                    .gen(
                        "timestamp_range",
                        "start",
                        "2023-03-01 00:00:00.3",
                        "end",
                        "2023-03-01 00:00:00.6")))
        .containsOnly("2023-03-01 00:00:00.3");
  }

  @Test
  void nullRatioIsDeterministicAndKeepsTheOtherValues() {
    List<String> plain = values(10_000, col("c", TypeKind.INTEGER));
    List<String> withNulls = values(10_000, col("c", TypeKind.INTEGER).nulls(0.25));
    int nulls = 0;
    for (int i = 0; i < plain.size(); i++) {
      if (withNulls.get(i) == null) {
        nulls++;
      } else {
        assertThat(withNulls.get(i)).isEqualTo(plain.get(i));
      }
    }
    assertThat(nulls / 10_000.0).isBetween(0.23, 0.27);
    PgType notNull = PgType.of(TypeKind.INTEGER);
    assertThat(values(100, col("c", notNull).notNull().nulls(0.5))).doesNotContainNull();
  }
}
