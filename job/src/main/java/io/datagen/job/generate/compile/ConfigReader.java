package io.datagen.job.generate.compile;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one generator's {@code generator_config}, reporting each problem with the JSON path and
 * line:column of the offending node (or of the config object when a key is missing).
 */
final class ConfigReader {
  static final String COMMENT = "comment";

  private final String generator;
  private final JsonObject config;
  private final String path;
  private final SourceLocation location;
  private final Problems problems;

  /**
   * @param columnPath path of the column, used when the config object is absent
   */
  ConfigReader(String generator, JsonObject config, String columnPath, Problems problems) {
    this.generator = generator;
    this.config = config;
    this.path = config != null ? config.path() : columnPath + ".generator_config";
    this.location = config != null ? config.location() : SourceLocation.UNKNOWN;
    this.problems = problems;
  }

  /** Reports every key not in {@code allowed} (plus {@code comment}), with a did-you-mean. */
  void allowOnly(String... allowed) {
    if (config == null) {
      return;
    }
    List<String> known = new ArrayList<>(List.of(allowed));
    for (var entry : config.members().entrySet()) {
      if (!known.contains(entry.getKey()) && !COMMENT.equals(entry.getKey())) {
        problems.error(
            entry.getValue(),
            "Unknown key '"
                + entry.getKey()
                + "' in generator_config of generator '"
                + generator
                + "'"
                + (known.isEmpty() ? " (it takes no settings)" : "; it takes " + known)
                + DidYouMean.inlineSuggestion(entry.getKey(), known));
      }
    }
  }

  boolean has(String key) {
    return config != null && config.has(key);
  }

  JsonValue get(String key) {
    return config == null ? null : config.members().get(key);
  }

  /** The member, or null after reporting that it is missing. */
  JsonValue require(String key) {
    JsonValue value = get(key);
    if (value == null) {
      problems.error(
          path,
          location,
          "Missing key '" + key + "' in generator_config of generator '" + generator + "'");
    }
    return value;
  }

  /** A number (JSON number or numeric string), or null after reporting. */
  BigDecimal number(String key, boolean required) {
    JsonValue value = required ? require(key) : get(key);
    if (value == null) {
      return null;
    }
    BigDecimal number = Literals.number(value);
    if (number == null) {
      problems.error(
          value,
          "Invalid '"
              + key
              + "' of generator '"
              + generator
              + "': expected a number, got "
              + Literals.show(value));
    }
    return number;
  }

  /** A whole number in [min, max], the default when absent, or null after reporting. */
  Long wholeNumber(String key, Long defaultValue, long min, long max) {
    JsonValue value = get(key);
    if (value == null) {
      return defaultValue;
    }
    BigDecimal number = Literals.number(value);
    if (number == null
        || number.stripTrailingZeros().scale() > 0
        || number.compareTo(BigDecimal.valueOf(min)) < 0
        || number.compareTo(BigDecimal.valueOf(max)) > 0) {
      problems.error(
          value,
          "Invalid '"
              + key
              + "' of generator '"
              + generator
              + "': expected a whole number in ["
              + min
              + ", "
              + max
              + "], got "
              + Literals.show(value));
      return null;
    }
    return number.longValueExact();
  }

  /** A ratio in [0, 1], the default when absent, or null after reporting. */
  Double ratio(String key, double defaultValue) {
    JsonValue value = get(key);
    if (value == null) {
      return defaultValue;
    }
    BigDecimal number = Literals.number(value);
    if (number == null || number.signum() < 0 || number.compareTo(BigDecimal.ONE) > 0) {
      problems.error(
          value,
          "Invalid '"
              + key
              + "' of generator '"
              + generator
              + "': expected a number in [0, 1], got "
              + Literals.show(value));
      return null;
    }
    return number.doubleValue();
  }

  /** A string member, or null after reporting (when required or of the wrong kind). */
  JsonString string(String key, boolean required) {
    JsonValue value = required ? require(key) : get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonString s) {
      return s;
    }
    problems.error(
        value,
        "Invalid '"
            + key
            + "' of generator '"
            + generator
            + "': expected a string, got "
            + Literals.show(value));
    return null;
  }

  /** A non-empty array member, or null after reporting. */
  JsonArray array(JsonValue value, String key) {
    if (value instanceof JsonArray a && !a.elements().isEmpty()) {
      return a;
    }
    problems.error(
        value,
        "Invalid '"
            + key
            + "' of generator '"
            + generator
            + "': expected a non-empty array, got "
            + (value instanceof JsonArray ? "an empty array" : Literals.show(value)));
    return null;
  }

  /** Reports an error at a member (or at the config when absent). */
  void error(JsonValue at, String message) {
    if (at != null) {
      problems.error(at, message);
    } else {
      problems.error(path, location, message);
    }
  }

  Problems problems() {
    return problems;
  }

  String generator() {
    return generator;
  }

  String path() {
    return path;
  }

  SourceLocation location() {
    return location;
  }

  JsonObject config() {
    return config;
  }

  static boolean isNumber(JsonValue value) {
    return value instanceof JsonNumber;
  }
}
