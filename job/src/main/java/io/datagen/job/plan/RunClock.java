package io.datagen.job.plan;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Decides the run's seed and reference time — the only two inputs besides the schema that values
 * depend on. A seeded run never reads the clock: its archive is byte-identical on every rerun.
 */
public final class RunClock {
  /** The reference time of a seeded run without --timestamp or SOURCE_DATE_EPOCH. */
  public static final Instant SEEDED_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private RunClock() {}

  /** The seed given, else a fresh random one (the caller prints it so the run can be repeated). */
  public static long seed(Long given) {
    return given != null ? given : new SecureRandom().nextLong() & Long.MAX_VALUE;
  }

  /**
   * {@code --timestamp} (ISO-8601 instant, or a date-time read as UTC), else {@code
   * SOURCE_DATE_EPOCH} (seconds), else {@link #SEEDED_EPOCH} when seeded, else now.
   */
  public static Instant referenceTime(
      String timestampOption, boolean seeded, Map<String, String> environment, Instant now) {
    if (timestampOption != null) {
      return parseTimestamp(timestampOption);
    }
    String sourceDateEpoch = environment.get("SOURCE_DATE_EPOCH");
    if (sourceDateEpoch != null && !sourceDateEpoch.isBlank()) {
      try {
        return Instant.ofEpochSecond(Long.parseLong(sourceDateEpoch.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "Invalid SOURCE_DATE_EPOCH: '"
                + sourceDateEpoch
                + "' (expected whole seconds since 1970-01-01T00:00:00Z)",
            e);
      }
    }
    return seeded ? SEEDED_EPOCH : now;
  }

  static Instant parseTimestamp(String text) {
    String value = text.trim();
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException notInstant) {
      try {
        return java.time.LocalDateTime.parse(value).toInstant(java.time.ZoneOffset.UTC);
      } catch (DateTimeParseException notLocal) {
        try {
          return java.time.LocalDate.parse(value)
              .atStartOfDay(java.time.ZoneOffset.UTC)
              .toInstant();
        } catch (DateTimeParseException notDate) {
          throw new IllegalArgumentException(
              "Invalid --timestamp: '"
                  + text
                  + "' (expected ISO-8601, e.g. 2025-01-01T00:00:00Z, 2025-01-01T00:00:00 or 2025-01-01)",
              notDate);
        }
      }
    }
  }
}
