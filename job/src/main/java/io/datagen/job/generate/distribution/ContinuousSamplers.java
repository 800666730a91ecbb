package io.datagen.job.generate.distribution;

import io.datagen.job.generate.Sampler;

/**
 * The continuous distributions, each by inversion of its CDF restricted to [low, high] — a
 * truncated distribution from a single draw, never by rejection: uniform, normal, lognormal and
 * exponential. Infinite bounds are allowed where the distribution has a tail.
 */
public final class ContinuousSamplers {
  private ContinuousSamplers() {}

  public static Sampler uniform(double low, double high) {
    check(low <= high && Double.isFinite(low) && Double.isFinite(high), "uniform", low, high);
    double width = high - low;
    return (rng, row) -> Math.min(high, low + rng.nextDouble(row, 0) * width);
  }

  /** Normal(mean, stdDev) truncated to [low, high]. */
  public static Sampler normal(double mean, double stdDev, double low, double high) {
    check(stdDev > 0 && low <= high, "normal", low, high);
    double pLow = NormalMath.cdf((low - mean) / stdDev);
    double pHigh = NormalMath.cdf((high - mean) / stdDev);
    if (!(pHigh > pLow)) {
      // The whole window lies in a tail too far out for double precision: uniform over it is the
      // honest limit.
      double a = Double.isFinite(low) ? low : high;
      double b = Double.isFinite(high) ? high : low;
      return uniform(Math.min(a, b), Math.max(a, b));
    }
    double width = pHigh - pLow;
    return (rng, row) -> {
      double p = pLow + rng.nextDouble(row, 0) * width;
      double x = mean + stdDev * NormalMath.inverseCdf(p);
      return Math.max(low, Math.min(high, x));
    };
  }

  /** e^X with X ~ Normal(mu, sigma), truncated to [low, high], 0 ≤ low. */
  public static Sampler lognormal(double mu, double sigma, double low, double high) {
    check(sigma > 0 && low >= 0 && low <= high, "lognormal", low, high);
    Sampler underlying =
        normal(
            mu,
            sigma,
            low > 0 ? Math.log(low) : Double.NEGATIVE_INFINITY,
            Double.isFinite(high) ? Math.log(high) : Double.POSITIVE_INFINITY);
    return (rng, row) -> Math.max(low, Math.min(high, Math.exp(underlying.sample(rng, row))));
  }

  /** low + Exponential(rate), truncated to [low, high]. */
  public static Sampler exponential(double rate, double low, double high) {
    check(rate > 0 && Double.isFinite(low) && low <= high, "exponential", low, high);
    // F(x) = 1 − e^{−rate·x} on [0, high − low]; draw p in [0, F(high − low)) and invert.
    double pHigh = Double.isFinite(high) ? -Math.expm1(-rate * (high - low)) : 1.0;
    return (rng, row) -> {
      double p = rng.nextDouble(row, 0) * pHigh;
      double x = low - Math.log1p(-p) / rate;
      return Math.min(high, x);
    };
  }

  private static void check(boolean ok, String name, double low, double high) {
    if (!ok) {
      throw new IllegalArgumentException(
          "Cannot create " + name + " distribution over [" + low + ", " + high + "]");
    }
  }
}
