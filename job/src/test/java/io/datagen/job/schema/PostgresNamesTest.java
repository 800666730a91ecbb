package io.datagen.job.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PostgresNamesTest {

  @Test
  void joinsShortNamesWithUnderscores() {
    assertThat(PostgresNames.makeObjectName("users", "email", "key")).isEqualTo("users_email_key");
    assertThat(PostgresNames.makeObjectName("users", null, "pkey")).isEqualTo("users_pkey");
    assertThat(PostgresNames.makeObjectName("users", "id", "seq")).isEqualTo("users_id_seq");
    assertThat(PostgresNames.makeObjectName("t", "c", null)).isEqualTo("t_c");
    assertThat(PostgresNames.serialSequenceName("orders", "id")).isEqualTo("orders_id_seq");
  }

  @Test
  void shortensTheLongerPartFirstLikeMakeObjectName() {
    String table = "a".repeat(60);
    String name = PostgresNames.makeObjectName(table, "b".repeat(10), "key");
    assertThat(name).isEqualTo("a".repeat(48) + "_" + "b".repeat(10) + "_key").hasSize(63);
    String both = PostgresNames.makeObjectName("a".repeat(40), "b".repeat(40), "idx");
    assertThat(both).isEqualTo("a".repeat(29) + "_" + "b".repeat(29) + "_idx");
    assertThat(PostgresNames.makeObjectName("p".repeat(63), null, "pkey"))
        .isEqualTo("p".repeat(58) + "_pkey");
  }

  @Test
  void neverCutsAMultiByteCharacter() {
    String table = "é".repeat(40); // 80 bytes
    String name = PostgresNames.makeObjectName(table, null, "pkey");
    assertThat(name).isEqualTo("é".repeat(29) + "_pkey");
    assertThat(PostgresNames.byteLength(name)).isEqualTo(63);
    assertThat(PostgresNames.clip("aé", 2)).isEqualTo("a");
    assertThat(PostgresNames.clip("a😀b", 5)).isEqualTo("a😀");
  }

  @Test
  void numbersTheLabelWhenTheNameIsTaken() {
    Set<String> taken = Set.of("t_check", "t_check1");
    assertThat(PostgresNames.chooseName("t", null, "check", taken::contains)).isEqualTo("t_check2");
    String longTable = "x".repeat(63);
    Set<String> longTaken = Set.of(PostgresNames.makeObjectName(longTable, null, "pkey"));
    assertThat(PostgresNames.chooseName(longTable, null, "pkey", longTaken::contains))
        .isEqualTo("x".repeat(57) + "_pkey1");
  }

  @Test
  void columnsAdditionJoinsAndStopsPastTheLimit() {
    assertThat(PostgresNames.columnsAddition(List.of("a", "b", "c"))).isEqualTo("a_b_c");
    String addition =
        PostgresNames.columnsAddition(List.of("c".repeat(40), "d".repeat(40), "e".repeat(5)));
    assertThat(addition).isEqualTo("c".repeat(40) + "_" + "d".repeat(40));
  }

  @Property(tries = 300)
  void generatedNamesAlwaysFit(
      @ForAll @StringLength(min = 1, max = 70) String table,
      @ForAll @StringLength(min = 1, max = 70) String column) {
    String name = PostgresNames.makeObjectName(table, column, "fkey");
    assertThat(PostgresNames.byteLength(name))
        .isLessThanOrEqualTo(PostgresNames.MAX_IDENTIFIER_BYTES);
    assertThat(name).endsWith("_fkey");
  }
}
