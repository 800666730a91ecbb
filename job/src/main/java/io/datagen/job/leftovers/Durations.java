package io.datagen.job.leftovers;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people type them: {@code 30m}, {@code 2h}, {@code 1d}, {@code 1h30m}, {@code 0s}.
 */
public final class Durations {
  private static final Pattern WHOLE = Pattern.compile("(\\d+[smhd])+");
  private static final Pattern PART = Pattern.compile("(\\d+)([smhd])");

  private Durations() {}

  /**
   * Parses one or more {@code <digits><unit>} parts, unit s, m, h or d (24 h), summed.
   *
   * @throws IllegalArgumentException naming the text and the accepted forms
   */
  public static Duration parse(String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new IllegalArgumentException(
          "Invalid duration '"
              + text
              + "': give a number and a unit, s, m, h or d, e.g. 30m, 2h, 1d or 1h30m");
    }
    Duration total = Duration.ZERO;
    Matcher part = PART.matcher(text);
    try {
      while (part.find()) {
        long amount = Long.parseLong(part.group(1));
        total =
            total.plus(
                switch (part.group(2)) {
                  case "s" -> Duration.ofSeconds(amount);
                  case "m" -> Duration.ofMinutes(amount);
                  case "h" -> Duration.ofHours(amount);
                  default -> Duration.ofDays(amount);
                });
      }
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("Invalid duration '" + text + "': too long", e);
    }
    return total;
  }

  /** The shortest text {@link #parse} reads back as {@code duration} (whole seconds). */
  public static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds == 0) {
      return "0s";
    }
    StringBuilder text = new StringBuilder();
    long days = seconds / 86_400;
    long hours = seconds % 86_400 / 3_600;
    long minutes = seconds % 3_600 / 60;
    long rest = seconds % 60;
    if (days > 0) {
      text.append(days).append('d');
    }
    if (hours > 0) {
      text.append(hours).append('h');
    }
    if (minutes > 0) {
      text.append(minutes).append('m');
    }
    if (rest > 0) {
      text.append(rest).append('s');
    }
    return text.toString();
  }
}
