package io.datagen.job.generate.distribution;

/**
 * The standard normal distribution: its CDF Φ (from erfc, by a positive series near 0 and a
 * continued fraction in the tails, no tabulated constants) and its inverse (Acklam's rational
 * approximation, relative error below 1.2·10^-9 — far finer than any rendered value).
 */
public final class NormalMath {
  private static final double SQRT_PI = Math.sqrt(Math.PI);
  private static final double SQRT_2 = Math.sqrt(2.0);
  private static final double SERIES_LIMIT = 3.0;
  private static final int FRACTION_TERMS = 80;

  private static final double[] A = {
    -3.969683028665376e+01,
    2.209460984245205e+02,
    -2.759285104469687e+02,
    1.383577518672690e+02,
    -3.066479806614716e+01,
    2.506628277459239e+00
  };
  private static final double[] B = {
    -5.447609879822406e+01,
    1.615858368580409e+02,
    -1.556989798598866e+02,
    6.680131188771972e+01,
    -1.328068155288572e+01
  };
  private static final double[] C = {
    -7.784894002430293e-03,
    -3.223964580411365e-01,
    -2.400758277161838e+00,
    -2.549732539343734e+00,
    4.374664141464968e+00,
    2.938163982698783e+00
  };
  private static final double[] D = {
    7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00
  };
  private static final double P_LOW = 0.02425;

  private NormalMath() {}

  /** Φ(x) = P(Z ≤ x). */
  public static double cdf(double x) {
    if (Double.isInfinite(x)) {
      return x > 0 ? 1.0 : 0.0;
    }
    double z = x / SQRT_2;
    return z >= 0 ? 1.0 - 0.5 * erfc(z) : 0.5 * erfc(-z);
  }

  /** erfc(z) for z ≥ 0. */
  static double erfc(double z) {
    if (z < SERIES_LIMIT) {
      // erf(z) = 2/√π · e^{−z²} · Σ 2^n z^{2n+1} / (1·3·…·(2n+1)): all terms positive, no
      // cancellation.
      double term = z;
      double sum = z;
      for (int n = 1; n < 200 && term > sum * 1e-17; n++) {
        term *= 2 * z * z / (2 * n + 1);
        sum += term;
      }
      return 1.0 - 2.0 / SQRT_PI * Math.exp(-z * z) * sum;
    }
    // erfc(z) = e^{−z²}/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + …)))), evaluated from the tail.
    double f = z;
    for (int n = FRACTION_TERMS; n >= 1; n--) {
      f = z + (n / 2.0) / f;
    }
    return Math.exp(-z * z) / (SQRT_PI * f);
  }

  /** Φ⁻¹(p) for 0 &lt; p &lt; 1 (±∞ at the ends). */
  public static double inverseCdf(double p) {
    if (p <= 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (p >= 1) {
      return Double.POSITIVE_INFINITY;
    }
    if (p < P_LOW) {
      double q = Math.sqrt(-2 * Math.log(p));
      return tail(q);
    }
    if (p > 1 - P_LOW) {
      double q = Math.sqrt(-2 * Math.log1p(-p));
      return -tail(q);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5])
        * q
        / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }

  private static double tail(double q) {
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
}
