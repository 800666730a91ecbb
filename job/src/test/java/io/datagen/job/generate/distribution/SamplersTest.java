package io.datagen.job.generate.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Sampler;
import org.junit.jupiter.api.Test;

/** The samplers against their exact distributions. */
class SamplersTest {

  @Test
  void normalCdfAndItsInverseAgree() {
    assertThat(NormalMath.cdf(0)).isCloseTo(0.5, within(1e-15));
    assertThat(NormalMath.cdf(1.959963984540054)).isCloseTo(0.975, within(1e-12));
    assertThat(NormalMath.cdf(-3.090232306167813)).isCloseTo(0.001, within(1e-13));
    assertThat(NormalMath.cdf(6)).isCloseTo(1 - 9.865876450376946e-10, within(1e-15));
    for (double p = 1e-8; p < 1; p = p < 0.01 ? p * 3 : p + 0.01) {
      assertThat(NormalMath.cdf(NormalMath.inverseCdf(p)))
          .as("p = %s", p)
          .isCloseTo(p, within(p * 2e-8 + 1e-12));
    }
  }

  @Test
  void zipfIsExactForEveryAlphaIncludingOne() {
    int n = 12;
    int samples = 400_000;
    for (double alpha : new double[] {0.3, 1.0, 1.0000001, 1.7, 3.0}) {
      ZipfSampler zipf = new ZipfSampler(n, alpha);
      RandomSource rng = new RandomSource(99);
      long[] counts = new long[n + 1];
      for (int row = 0; row < samples; row++) {
        counts[(int) zipf.rank(rng, row)]++;
      }
      double norm = 0;
      for (int k = 1; k <= n; k++) {
        norm += Math.pow(k, -alpha);
      }
      double chiSquare = 0;
      for (int k = 1; k <= n; k++) {
        double expected = samples * Math.pow(k, -alpha) / norm;
        chiSquare += (counts[k] - expected) * (counts[k] - expected) / expected;
      }
      // 11 degrees of freedom: P(χ² > 31.3) = 0.001.
      assertThat(chiSquare).as("alpha %s", alpha).isLessThan(31.3);
      assertThat(counts[0]).isZero();
    }
  }

  @Test
  void zipfHandlesHugeSupports() {
    ZipfSampler zipf = new ZipfSampler(Long.MAX_VALUE / 2, 1.0);
    RandomSource rng = new RandomSource(5);
    for (int row = 0; row < 10_000; row++) {
      assertThat(zipf.rank(rng, row)).isBetween(1L, Long.MAX_VALUE / 2);
    }
  }

  @Test
  void poissonMatchesItsMoments() {
    for (double mean : new double[] {0.5, 4, 250, 1e6}) {
      PoissonSampler poisson = new PoissonSampler(mean);
      RandomSource rng = new RandomSource(3);
      int samples = 200_000;
      double sum = 0;
      double squares = 0;
      for (int row = 0; row < samples; row++) {
        double x = poisson.sample(rng, row);
        assertThat(x).isEqualTo(Math.rint(x)).isGreaterThanOrEqualTo(0);
        sum += x;
        squares += x * x;
      }
      double m = sum / samples;
      double variance = squares / samples - m * m;
      assertThat(m)
          .as("mean of Poisson(%s)", mean)
          .isCloseTo(mean, within(5 * Math.sqrt(mean / samples)));
      assertThat(variance).as("variance of Poisson(%s)", mean).isCloseTo(mean, within(mean * 0.03));
    }
    assertThat(PoissonSampler.logFactorial(30)).isCloseTo(74.65823634883016, within(1e-10));
  }

  @Test
  void truncatedContinuousSamplersStayInsideAndKeepTheirShape() {
    RandomSource rng = new RandomSource(11);
    Sampler normal = ContinuousSamplers.normal(10, 2, 9, 30);
    Sampler exponential = ContinuousSamplers.exponential(0.5, 0, Double.POSITIVE_INFINITY);
    Sampler lognormal = ContinuousSamplers.lognormal(1, 0.5, 0, Double.POSITIVE_INFINITY);
    double expSum = 0;
    int belowMedian = 0;
    int samples = 100_000;
    for (int row = 0; row < samples; row++) {
      assertThat(normal.sample(rng, row)).isBetween(9.0, 30.0);
      expSum += exponential.sample(rng, row);
      if (lognormal.sample(rng, row) < Math.E) {
        belowMedian++;
      }
    }
    assertThat(expSum / samples).isCloseTo(2.0, within(0.05));
    assertThat(belowMedian / (double) samples).isCloseTo(0.5, within(0.01));
  }
}
