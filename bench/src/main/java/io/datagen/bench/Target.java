package io.datagen.bench;

/**
 * A goal of issue 12, checked against this run's numbers (printed as PASS or FAIL, never asserted:
 * a benchmark on a shared machine is evidence, not a test).
 *
 * @param goal what is compared, in words
 * @param measured the run's number
 * @param threshold the goal's bound
 * @param atLeast whether {@code measured} must be at least (else at most) {@code threshold}
 * @param unit how both numbers read: {@code %} (a fraction shown as percent), {@code MB/s} or
 *     {@code x}
 */
public record Target(String goal, double measured, double threshold, boolean atLeast, String unit) {

  public boolean pass() {
    return atLeast ? measured >= threshold : measured <= threshold;
  }

  /** {@code PASS goal: 83 % (target >= 80 %)}. */
  public String line() {
    return String.format(
        java.util.Locale.ROOT,
        "%s  %s: %s (target %s %s)",
        pass() ? "PASS" : "FAIL",
        goal,
        show(measured),
        atLeast ? ">=" : "<=",
        show(threshold));
  }

  private String show(double value) {
    return switch (unit) {
      case "%" -> String.format(java.util.Locale.ROOT, "%.0f %%", value * 100);
      case "x" -> String.format(java.util.Locale.ROOT, "%.2f x", value);
      default -> String.format(java.util.Locale.ROOT, "%.1f %s", value, unit);
    };
  }
}
