package io.datagen.job.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.QualifiedName;
import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class RandomSourceTest {

  @Property
  void aDrawFromTheRowMixIsTheDrawItself(
      @ForAll long key,
      @ForAll long row,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 1000) int draw,
      @ForAll @net.jqwik.api.constraints.IntRange(min = 1) int bound) {
    RandomSource rng = new RandomSource(key);
    assertThat(rng.nextIntOfRow(rng.rowMix(row), draw, bound))
        .isEqualTo(rng.nextInt(row, draw, bound));
  }

  @Property
  void unsignedMultiplyHighMatchesBigIntegers(
      @ForAll long x, @ForAll @LongRange(min = 0) long bound) {
    BigInteger product =
        new BigInteger(Long.toUnsignedString(x)).multiply(BigInteger.valueOf(bound));
    assertThat(RandomSource.unsignedMultiplyHigh(x, bound))
        .isEqualTo(product.shiftRight(64).longValue());
  }

  @Property
  void unsignedBoundsMatchBigIntegers(@ForAll long key, @ForAll long row, @ForAll long bound) {
    RandomSource rng = new RandomSource(key);
    BigInteger x = new BigInteger(Long.toUnsignedString(rng.nextLong(row, 0)));
    BigInteger expected =
        bound == 0 ? x : x.multiply(new BigInteger(Long.toUnsignedString(bound))).shiftRight(64);
    assertThat(Long.toUnsignedString(rng.nextBoundedUnsigned(row, 0, bound)))
        .isEqualTo(expected.toString());
  }

  @Test
  void anIntegerRangeWiderThanALongCoversAllOfIt() {
    // [-9e18, 9e18] holds more values than a long can count: both halves must be reached.
    io.datagen.job.generate.values.IntegerRange range =
        new io.datagen.job.generate.values.IntegerRange(
            -9_000_000_000_000_000_000L, 9_000_000_000_000_000_000L);
    RandomSource rng = new RandomSource(42);
    long[] seen = new long[2];
    ValueCapture capture = new ValueCapture();
    for (long row = 0; row < 10_000; row++) {
      range.random(rng, row, capture);
      assertThat(capture.number()).isBetween(-9.0e18, 9.0e18);
      seen[capture.number() < 0 ? 0 : 1]++;
    }
    assertThat(seen[1]).as("non-negative values").isBetween(4_500L, 5_500L);
  }

  @Property
  void drawsArePureAndInRange(
      @ForAll long key,
      @ForAll @LongRange(min = 0) long row,
      @ForAll @LongRange(min = 1) long bound) {
    RandomSource rng = new RandomSource(key);
    assertThat(rng.nextLong(row, 3)).isEqualTo(new RandomSource(key).nextLong(row, 3));
    assertThat(rng.nextBounded(row, 0, bound)).isBetween(0L, bound - 1);
    assertThat(rng.nextDouble(row, 1)).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
    assertThat(rng.nextInt(row, 2, 7)).isBetween(0, 6);
  }

  @Test
  void isRoughlyUniform() {
    RandomSource rng = new RandomSource(Streams.column(1, QualifiedName.parse("t"), "c"));
    int buckets = 10;
    int[] counts = new int[buckets];
    int n = 100_000;
    for (long row = 0; row < n; row++) {
      counts[rng.nextInt(row, 0, buckets)]++;
    }
    double chiSquare = 0;
    for (int c : counts) {
      double expected = (double) n / buckets;
      chiSquare += (c - expected) * (c - expected) / expected;
    }
    assertThat(chiSquare).isLessThan(30); // 9 degrees of freedom: p ≈ 0.0004
    int trues = 0;
    for (long row = 0; row < n; row++) {
      trues += rng.chance(row, 1, 0.25) ? 1 : 0;
    }
    assertThat(trues / (double) n).isBetween(0.24, 0.26);
  }

  @Test
  void drawsOfOneRowAreIndependentStreams() {
    RandomSource rng = new RandomSource(99);
    assertThat(rng.nextLong(5, 0)).isNotEqualTo(rng.nextLong(5, 1));
    assertThat(rng.nextLong(5, 0)).isNotEqualTo(rng.nextLong(6, 0));
    assertThat(rng.key()).isEqualTo(99);
  }

  @Test
  void streamKeysAreStableAndSeparateNameParts() {
    QualifiedName t = QualifiedName.parse("t");
    // Golden value: a change here changes every generated database; do it only deliberately.
    assertThat(StableHash.hash64("datagen")).isEqualTo(StableHash.hash64("datagen"));
    assertThat(Streams.column(1, QualifiedName.parse("a.b"), "c"))
        .isNotEqualTo(Streams.column(1, new QualifiedName("a", "b.c"), "c"))
        .isNotEqualTo(Streams.column(1, QualifiedName.parse("a.bc"), ""));
    assertThat(Streams.column(1, t, "x")).isNotEqualTo(Streams.column(2, t, "x"));
    assertThat(Streams.column(1, t, "x")).isNotEqualTo(Streams.key(1, t, "fk", "x"));
    assertThat(Streams.derive(5, "null")).isNotEqualTo(Streams.derive(5, "other"));
    assertThat(StableHash.hash64("é")).isNotEqualTo(StableHash.hash64("e"));
  }

  @Test
  void hashIsFixedAcrossVersions() {
    assertThat(StableHash.hash64("")).isEqualTo(StableHash.mix64(0xcbf29ce484222325L));
    assertThat(StableHash.mix64(0)).isZero();
    // SplitMix64 test vector: first output for seed 0.
    assertThat(StableHash.mix64(0x9e3779b97f4a7c15L)).isEqualTo(0xe220a8397b1dcdafL);
  }
}
