package io.datagen.job.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeistelPermutationTest {

  /** Every index maps into the domain and no two indexes share an image. */
  private static void assertBijection(long domain, long key) {
    FeistelPermutation permutation = new FeistelPermutation(domain, key);
    BitSet seen = new BitSet((int) domain);
    for (long i = 0; i < domain; i++) {
      long image = permutation.apply(i);
      assertThat(image).isBetween(0L, domain - 1);
      assertThat(seen.get((int) image))
          .as("image %d of %d repeats (domain %d)", image, i, domain)
          .isFalse();
      seen.set((int) image);
    }
    assertThat(seen.cardinality()).isEqualTo((int) domain);
  }

  @ParameterizedTest
  @ValueSource(
      longs = {
        1, 2, 3, 4, 5, 7, 8, 9, 13, 16, 17, 31, 63, 64, 65, 97, 100, 127, 128, 129, 255, 256, 257,
        1000, 1023, 1024, 1025, 4093, 65_521, 65_536, 65_537, 100_003
      })
  void isBijectionForEdgeDomains(long domain) {
    assertBijection(domain, 42);
    assertBijection(domain, -7);
  }

  @Property(tries = 200)
  void isBijectionForAnyDomainAndKey(
      @ForAll @LongRange(min = 1, max = 5000) long domain, @ForAll long key) {
    assertBijection(domain, key);
  }

  @Property(tries = 30)
  void isInjectiveOnPrefixesOfHugeDomains(
      @ForAll @LongRange(min = 1L << 20, max = Long.MAX_VALUE) long domain, @ForAll long key) {
    FeistelPermutation permutation = new FeistelPermutation(domain, key);
    Set<Long> images = new HashSet<>();
    for (long i = 0; i < 5_000; i++) {
      long image = permutation.apply(i);
      assertThat(image).isBetween(0L, domain - 1);
      assertThat(images.add(image)).isTrue();
    }
  }

  @Test
  void dependsOnTheKeyAndLooksShuffled() {
    FeistelPermutation a = new FeistelPermutation(1_000_000, 1);
    FeistelPermutation b = new FeistelPermutation(1_000_000, 2);
    int same = 0;
    int fixed = 0;
    for (long i = 0; i < 10_000; i++) {
      same += a.apply(i) == b.apply(i) ? 1 : 0;
      fixed += a.apply(i) == i ? 1 : 0;
    }
    assertThat(same).isLessThan(10);
    assertThat(fixed).isLessThan(10);
    assertThat(a.domain()).isEqualTo(1_000_000);
    assertThat(new FeistelPermutation(1_000_000, 1).apply(12345)).isEqualTo(a.apply(12345));
  }

  @Test
  void rejectsAnEmptyDomain() {
    assertThatThrownBy(() -> new FeistelPermutation(0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
