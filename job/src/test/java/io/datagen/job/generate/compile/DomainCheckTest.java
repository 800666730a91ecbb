package io.datagen.job.generate.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainCheckTest {

  @Test
  void readsTheUsualShapes() {
    DomainCheck positive = DomainCheck.parse("VALUE > 0");
    assertThat(positive.min()).isEqualByComparingTo("0");
    assertThat(positive.minExclusive()).isTrue();
    DomainCheck between = DomainCheck.parse("(VALUE BETWEEN 1.5 AND 10) AND value <> ''");
    assertThat(between.min()).isEqualByComparingTo("1.5");
    assertThat(between.max()).isEqualByComparingTo("10");
    assertThat(between.minLength()).isEqualTo(1);
    DomainCheck flipped = DomainCheck.parse("0 <= VALUE AND VALUE < 100");
    assertThat(flipped.min()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(flipped.max()).isEqualByComparingTo("100");
    assertThat(flipped.maxExclusive()).isTrue();
    assertThat(DomainCheck.parse("VALUE IN ('a', 'it''s', 'c'::text)").allowed())
        .containsExactly("a", "it's", "c");
    assertThat(DomainCheck.parse("VALUE = 'x'").allowed()).isEqualTo(List.of("x"));
    assertThat(DomainCheck.parse("char_length(VALUE) <= 10 AND length(VALUE) > 0").maxLength())
        .isEqualTo(10);
    assertThat(DomainCheck.parse("length(VALUE) BETWEEN 2 AND 5").minLength()).isEqualTo(2);
    assertThat(DomainCheck.parse("VALUE IS NOT NULL")).isEqualTo(DomainCheck.NONE);
  }

  @Test
  void anythingElseIsNotUnderstood() {
    assertThat(DomainCheck.parse("VALUE ~ '^[a-z]+$'")).isNull();
    assertThat(DomainCheck.parse("VALUE > 0 OR VALUE < -5")).isNull();
    assertThat(DomainCheck.parse("lower(VALUE) = VALUE")).isNull();
    assertThat(DomainCheck.parse("VALUE > (")).isNull();
  }
}
