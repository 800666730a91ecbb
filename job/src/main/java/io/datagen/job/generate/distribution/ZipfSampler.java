package io.datagen.job.generate.distribution;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Sampler;

/**
 * Ranks k ∈ [1, n] with P(k) ∝ k^−α, exactly, for any α &gt; 0 (α = 1 included) and any n, in O(1)
 * memory: rejection-inversion (Hörmann and Derflinger, 1996). The hat is the integral H of h(x) =
 * x^−α, written with the well-conditioned helpers (e^t−1)/t and ln(1+t)/t so that α = 1 (where H
 * becomes ln x) needs no special case. Each attempt uses one draw; acceptance is above 80 % for
 * every α, so the bound of {@value #MAX_ATTEMPTS} attempts is never reached in practice (the last
 * candidate is returned if it were).
 */
public final class ZipfSampler implements Sampler {
  static final int MAX_ATTEMPTS = 64;

  private final long n;
  private final double exponent;
  private final double hIntegralX1;
  private final double hIntegralN;
  private final double s;

  public ZipfSampler(long n, double alpha) {
    if (n < 1 || !(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException(
          "Cannot create Zipf distribution over " + n + " ranks with alpha " + alpha);
    }
    this.n = n;
    this.exponent = alpha;
    this.hIntegralX1 = hIntegral(1.5) - 1.0;
    this.hIntegralN = hIntegral(n + 0.5);
    this.s = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
  }

  /** A rank in [1, n], as a double. */
  @Override
  public double sample(RandomSource rng, long row) {
    return rank(rng, row);
  }

  public long rank(RandomSource rng, long row) {
    long k = 1;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      double u = hIntegralN + rng.nextDouble(row, attempt) * (hIntegralX1 - hIntegralN);
      double x = hIntegralInverse(u);
      k = (long) (x + 0.5);
      if (k < 1) {
        k = 1;
      } else if (k > n) {
        k = n;
      }
      if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
        return k;
      }
    }
    return k;
  }

  /** H(x) = (x^(1−α) − 1)/(1 − α), or ln x when α = 1. */
  private double hIntegral(double x) {
    double logX = Math.log(x);
    return expm1OverT((1.0 - exponent) * logX) * logX;
  }

  private double h(double x) {
    return Math.exp(-exponent * Math.log(x));
  }

  private double hIntegralInverse(double x) {
    double t = x * (1.0 - exponent);
    if (t < -1.0) {
      t = -1.0; // only reached by rounding at the far end of the support
    }
    return Math.exp(log1pOverT(t) * x);
  }

  /** (e^t − 1)/t, continuous at t = 0. */
  static double expm1OverT(double t) {
    return Math.abs(t) > 1e-8
        ? Math.expm1(t) / t
        : 1.0 + t * 0.5 * (1.0 + t / 3.0 * (1.0 + t * 0.25));
  }

  /** ln(1 + t)/t, continuous at t = 0. */
  static double log1pOverT(double t) {
    return Math.abs(t) > 1e-8 ? Math.log1p(t) / t : 1.0 - t * (0.5 - t * (1.0 / 3.0 - t * 0.25));
  }
}
