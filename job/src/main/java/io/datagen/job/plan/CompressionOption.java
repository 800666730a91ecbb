package io.datagen.job.plan;

import java.io.Serializable;
import java.util.Locale;

/**
 * The {@code --compress} option: {@code none}, {@code gzip}, {@code gzip:N} or a bare level {@code
 * N} (0 = none, 1..9 = gzip level), as {@code pg_dump -Z} accepts.
 *
 * @param level 0 for none, 1..9 for gzip
 */
public record CompressionOption(int level) implements Serializable {
  /** pg_dump's default for {@code -Fc}: zlib at its default level (6). */
  public static final CompressionOption DEFAULT_GZIP = new CompressionOption(6);

  public static final CompressionOption NONE = new CompressionOption(0);

  public CompressionOption {
    if (level < 0 || level > 9) {
      throw new IllegalArgumentException(
          "Invalid compression level: " + level + " (expected 0..9)");
    }
  }

  public boolean isGzip() {
    return level > 0;
  }

  public static CompressionOption parse(String text) {
    String value = text.trim().toLowerCase(Locale.ROOT);
    if (value.equals("none")) {
      return NONE;
    }
    if (value.equals("gzip")) {
      return DEFAULT_GZIP;
    }
    String digits = value.startsWith("gzip:") ? value.substring("gzip:".length()) : value;
    try {
      int level = Integer.parseInt(digits);
      if (value.startsWith("gzip:") && level == 0) {
        throw new IllegalArgumentException(
            "Invalid compression: '" + text + "' (gzip levels are 1..9; use 'none')");
      }
      return new CompressionOption(level);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Invalid compression: '" + text + "' (expected none, gzip, gzip:1..9 or 0..9)", e);
    }
  }

  @Override
  public String toString() {
    return level == 0 ? "none" : "gzip:" + level;
  }
}
