package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every default generator's output fits its type, over many rows. */
class DefaultGeneratorsTest {
  private static final int ROWS = 20_000;
  private static final LocalDate REFERENCE_DAY = LocalDate.of(2024, 6, 15);

  private static List<String> values(PgType type) {
    return values(type, List.of());
  }

  private static List<String> values(PgType type, List<CustomTypeSpec> types) {
    Schema schema = schema(List.of(), types, table("t", ROWS).col(col("c", type)));
    return column(schema, "t", "c", 7);
  }

  @Test
  void integersStayWithinTheirTypeWithSensibleMagnitudes() {
    for (TypeKind kind : List.of(TypeKind.SMALLINT, TypeKind.INTEGER, TypeKind.BIGINT)) {
      long max = ColumnTypes.maxInteger(kind);
      for (String v : values(TestSchemas.type(kind))) {
        assertThat(Long.parseLong(v)).isBetween(1L, Math.min(max, 1_000_000_000L));
      }
    }
  }

  @Test
  void serialsCountFromOne() {
    List<String> values = values(TestSchemas.serial(TypeKind.INTEGER));
    for (int i = 0; i < values.size(); i++) {
      assertThat(values.get(i)).isEqualTo(Integer.toString(i + 1));
    }
  }

  @Test
  void numericsRespectPrecisionAndScale() {
    int[][] shapes = {{10, 2}, {5, 5}, {3, 0}, {1, 0}, {20, 10}, {38, 4}, {4, 1}};
    for (int[] shape : shapes) {
      for (String v : values(TestSchemas.numeric(shape[0], shape[1]))) {
        BigDecimal d = new BigDecimal(v);
        assertThat(d.scale())
            .as("%s in numeric(%d,%d)", v, shape[0], shape[1])
            .isLessThanOrEqualTo(shape[1]);
        assertThat(d.abs())
            .as("%s in numeric(%d,%d)", v, shape[0], shape[1])
            .isLessThan(BigDecimal.TEN.pow(shape[0] - shape[1]));
      }
    }
    for (String v : values(TestSchemas.numeric(null, null))) {
      assertThat(new BigDecimal(v).scale()).isEqualTo(2);
    }
    for (String v : values(TestSchemas.numeric(6, null))) {
      assertThat(new BigDecimal(v).scale()).isZero();
    }
  }

  @Test
  void floatsAreFiniteAndSmall() {
    for (TypeKind kind : List.of(TypeKind.REAL, TypeKind.DOUBLE)) {
      for (String v : values(TestSchemas.type(kind))) {
        assertThat(Double.parseDouble(v)).isBetween(0.0, 1000.0);
      }
    }
  }

  @Test
  void textNeverExceedsItsLengthAndLooksLikeWords() {
    Pattern wordy = Pattern.compile("[A-Za-z]+( [a-z]+)*");
    for (int n : new int[] {1, 2, 3, 5, 10, 36, 255}) {
      List<String> values = values(TestSchemas.varchar(n));
      double meanLength = values.stream().mapToInt(String::length).average().orElseThrow();
      for (String v : values) {
        assertThat(v.length()).isBetween(1, n);
        assertThat(v).matches(wordy);
      }
      assertThat(meanLength).as("varchar(%d)", n).isGreaterThanOrEqualTo(Math.min(n, 3) * 0.9);
      for (String v : values(TestSchemas.chars(n))) {
        assertThat(v.length()).isBetween(1, n);
      }
    }
    for (TypeKind kind : List.of(TypeKind.TEXT, TypeKind.CITEXT, TypeKind.VARCHAR, TypeKind.CHAR)) {
      List<String> values = values(TestSchemas.type(kind));
      int limit = kind == TypeKind.CHAR ? 1 : 80;
      assertThat(values).allSatisfy(v -> assertThat(v.length()).isBetween(1, limit));
      assertThat(TestSchemas.distinctNonNull(values).size())
          .isGreaterThan(kind == TypeKind.CHAR ? 20 : 10_000);
    }
  }

  @Test
  void booleansAreBalanced() {
    List<String> values = values(TestSchemas.type(TypeKind.BOOLEAN));
    long trues = values.stream().filter("t"::equals).count();
    assertThat(values).allMatch(v -> v.equals("t") || v.equals("f"));
    assertThat(trues / (double) ROWS).isBetween(0.48, 0.52);
  }

  @Test
  void datesAndTimestampsLieInTheYearsBeforeTheReferenceTime() {
    for (String v : values(TestSchemas.type(TypeKind.DATE))) {
      LocalDate d = LocalDate.parse(v);
      assertThat(d).isBetween(REFERENCE_DAY.minusYears(3).minusDays(2), REFERENCE_DAY);
    }
    for (String v : values(TestSchemas.type(TypeKind.TIMESTAMP))) {
      LocalDateTime t = LocalDateTime.parse(v.replace(' ', 'T'));
      assertThat(t)
          .isBetween(LocalDateTime.of(2021, 6, 1, 0, 0), LocalDateTime.of(2024, 6, 15, 12, 0));
      assertThat(t.getNano() % 1_000_000).isZero();
    }
    for (String v : values(TestSchemas.timestamp(TypeKind.TIMESTAMPTZ, 0))) {
      assertThat(v).endsWith("+00").doesNotContain(".");
    }
    for (String v : values(TestSchemas.timestamp(TypeKind.TIMESTAMP, 2))) {
      int dot = v.indexOf('.');
      assertThat(dot < 0 || v.length() - dot - 1 <= 2).as(v).isTrue();
    }
  }

  @Test
  void uuidsHaveTheVersion4Layout() {
    List<String> values = values(TestSchemas.type(TypeKind.UUID));
    for (String v : values) {
      UUID u = UUID.fromString(v);
      assertThat(u.version()).isEqualTo(4);
      assertThat(u.variant()).isEqualTo(2);
    }
    assertThat(TestSchemas.distinctNonNull(values)).hasSize(ROWS);
  }

  @Test
  void enumsAreUniformOverTheirLabels() {
    CustomTypeSpec mood = TestSchemas.enumType("mood", "sad", "ok", "happy");
    List<String> values = values(TestSchemas.custom(TypeKind.ENUM, "mood"), List.of(mood));
    for (String label : mood.enumValues()) {
      long count = values.stream().filter(label::equals).count();
      assertThat(count / (double) ROWS).isBetween(0.30, 0.37);
    }
  }

  @Test
  void domainsWithoutChecksUseTheirBaseType() {
    CustomTypeSpec code =
        new CustomTypeSpec(
            QualifiedName.parse("code"),
            TypeKind.DOMAIN,
            List.of(),
            List.of(),
            TestSchemas.varchar(4),
            null,
            "$.custom_types.code");
    assertThat(values(TestSchemas.custom(TypeKind.DOMAIN, "code"), List.of(code)))
        .allSatisfy(v -> assertThat(v.length()).isBetween(1, 4));
  }

  @Test
  void rowsEmitEveryColumnInOrder() {
    Schema schema =
        schema(
            table("t", 3)
                .col(col("id", TestSchemas.serial(TypeKind.BIGINT)).pk())
                .col(col("flag", TypeKind.BOOLEAN))
                .col(col("name", TestSchemas.varchar(20))));
    TableRowGenerator generator = TestSchemas.generator(schema, "t", 1);
    assertThat(generator.columnNames()).containsExactly("id", "flag", "name");
    assertThat(generator.table()).isEqualTo(QualifiedName.parse("t"));
    TextRowSink sink = new TextRowSink();
    generator.generateRow(2, sink);
    assertThat(sink.rows).hasSize(1);
    assertThat(sink.rows.get(0)).hasSize(3).first().isEqualTo("3");
    assertThat(sink.kinds.get(0)).containsExactly("integer", "bool", "text");
    assertThat(generator.sequenceColumns())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.column()).isEqualTo("id");
              assertThat(s.columnIndex()).isZero();
              assertThat(s.sequence()).isEqualTo(QualifiedName.parse("t_id_seq"));
              assertThat(s.lastValue(3)).isEqualTo(3);
            });
  }
}
