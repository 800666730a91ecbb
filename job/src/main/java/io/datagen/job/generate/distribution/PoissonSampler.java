package io.datagen.job.generate.distribution;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.Sampler;

/**
 * Poisson(λ) by exact inversion of a cumulative table over [λ − 12√λ − 12, λ + 12√λ + 12] (the mass
 * outside is below 10^-30), built once: one draw and a binary search per value.
 */
public final class PoissonSampler implements Sampler {
  public static final double MAX_MEAN = 1e8;

  private final long first;
  private final double[] cumulative;

  public PoissonSampler(double mean) {
    if (!(mean > 0) || mean > MAX_MEAN) {
      throw new IllegalArgumentException("Cannot create Poisson distribution with mean " + mean);
    }
    double spread = 12 * Math.sqrt(mean) + 12;
    this.first = (long) Math.max(0, Math.floor(mean - spread));
    long last = (long) Math.ceil(mean + spread);
    int size = (int) (last - first + 1);
    double[] pmf = new double[size];
    double logMean = Math.log(mean);
    double total = 0;
    for (int i = 0; i < size; i++) {
      long k = first + i;
      pmf[i] = Math.exp(k * logMean - mean - logFactorial(k));
      total += pmf[i];
    }
    this.cumulative = new double[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += pmf[i];
      cumulative[i] = sum / total;
    }
    cumulative[size - 1] = 1.0;
  }

  @Override
  public double sample(RandomSource rng, long row) {
    double u = rng.nextDouble(row, 0);
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (u < cumulative[mid]) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return first + lo;
  }

  /** ln k!: exact below 30, Stirling's series (error below 10^-15 relative) above. */
  static double logFactorial(long k) {
    if (k < 30) {
      double sum = 0;
      for (int i = 2; i <= k; i++) {
        sum += Math.log(i);
      }
      return sum;
    }
    double x = k;
    double inv = 1.0 / x;
    double inv2 = inv * inv;
    return x * Math.log(x)
        - x
        + 0.5 * Math.log(2 * Math.PI * x)
        + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 / 1680)));
  }
}
