package io.datagen.job.generate.compile;

import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.Problems;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a settings object other than a generator_config — a {@code distribution}, a rule branch, a
 * column-level {@code pattern} — reporting problems at the offending node with its JSON path and
 * line:column. {@code what} names the object in messages, e.g. "distribution of column 'c'".
 */
final class Settings {
  private final JsonObject object;
  private final String what;
  private final Problems problems;

  Settings(JsonObject object, String what, Problems problems) {
    this.object = object;
    this.what = what;
    this.problems = problems;
  }

  JsonObject object() {
    return object;
  }

  String what() {
    return what;
  }

  Problems problems() {
    return problems;
  }

  /**
   * Reports every key not in {@code allowed} (nor {@code comment}) with a did-you-mean; true when
   * none.
   */
  boolean allowOnly(String... allowed) {
    List<String> known = new ArrayList<>(List.of(allowed));
    boolean ok = true;
    for (var entry : object.members().entrySet()) {
      if (!known.contains(entry.getKey()) && !ConfigReader.COMMENT.equals(entry.getKey())) {
        problems.error(
            entry.getValue(),
            "Unknown key '"
                + entry.getKey()
                + "' in the "
                + what
                + "; it takes "
                + known
                + DidYouMean.inlineSuggestion(entry.getKey(), known));
        ok = false;
      }
    }
    return ok;
  }

  JsonValue get(String key) {
    return object.members().get(key);
  }

  boolean has(String key) {
    return object.has(key);
  }

  /**
   * The member under the first of {@code aliases} present; reports when two aliases are both given.
   */
  JsonValue alias(String... aliases) {
    JsonValue found = null;
    String foundKey = null;
    for (String key : aliases) {
      JsonValue value = get(key);
      if (value != null && found != null) {
        problems.error(
            value,
            "Invalid " + what + ": give either '" + foundKey + "' or '" + key + "', not both");
      } else if (value != null) {
        found = value;
        foundKey = key;
      }
    }
    return found;
  }

  /**
   * A number under the first present alias; null when absent (reported when {@code required}) or
   * invalid.
   */
  BigDecimal number(boolean required, String... aliases) {
    JsonValue value = alias(aliases);
    if (value == null) {
      if (required) {
        missing(aliases[0]);
      }
      return null;
    }
    BigDecimal number = Literals.number(value);
    if (number == null) {
      problems.error(
          value,
          "Invalid '"
              + keyOf(value)
              + "' in the "
              + what
              + ": expected a number, got "
              + Literals.show(value));
    }
    return number;
  }

  /** A number that must be &gt; 0 (or ≥ 0 when {@code zeroAllowed}), or null after reporting. */
  BigDecimal positive(boolean required, boolean zeroAllowed, String... aliases) {
    BigDecimal number = number(required, aliases);
    if (number != null && (zeroAllowed ? number.signum() < 0 : number.signum() <= 0)) {
      JsonValue value = alias(aliases);
      problems.error(
          value,
          "Invalid '"
              + keyOf(value)
              + "' in the "
              + what
              + ": expected a number "
              + (zeroAllowed ? "≥ 0" : "> 0")
              + ", got "
              + number.toPlainString());
      return null;
    }
    return number;
  }

  /** A string member, or null (reported when required or not a string). */
  JsonString string(String key, boolean required) {
    JsonValue value = get(key);
    if (value == null) {
      if (required) {
        missing(key);
      }
      return null;
    }
    if (value instanceof JsonString s) {
      return s;
    }
    problems.error(
        value,
        "Invalid '"
            + key
            + "' in the "
            + what
            + ": expected a string, got "
            + Literals.show(value));
    return null;
  }

  void missing(String key) {
    problems.error(object, "Missing key '" + key + "' in the " + what);
  }

  void error(JsonValue at, String message) {
    problems.error(at != null ? at : object, message);
  }

  /** The last path segment of a member, i.e. its key. */
  private static String keyOf(JsonValue value) {
    String path = value.path();
    int dot = path.lastIndexOf('.');
    return dot >= 0 ? path.substring(dot + 1) : path;
  }
}
