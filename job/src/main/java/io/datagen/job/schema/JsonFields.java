package io.datagen.job.schema;

import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonBoolean;
import io.datagen.job.json.JsonNull;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonPath;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed access to the members of one JSON object of the schema, reporting every wrong kind, missing
 * required member and unknown key (with a did-you-mean) to {@link Problems}. A member whose value
 * is {@code null} counts as absent. {@value #COMMENT} is accepted in every object.
 */
final class JsonFields {
  static final String COMMENT = "comment";

  private final JsonObject object;
  private final String thing;
  private final Problems problems;

  /**
   * @param thing what the object is, for messages ("column", "foreign key")
   * @param known the keys this kind of object may have, besides {@value #COMMENT}
   */
  JsonFields(JsonObject object, String thing, Set<String> known, Problems problems) {
    this(object, thing, problems);
    Set<String> allowed = new TreeSet<>(known);
    allowed.add(COMMENT);
    for (String key : object.members().keySet()) {
      if (!allowed.contains(key)) {
        JsonValue value = object.members().get(key);
        problems.error(
            value,
            "unknown key \""
                + key
                + "\" in "
                + thing
                + DidYouMean.suffix(key, allowed)
                + " Allowed keys: "
                + String.join(", ", allowed));
      }
    }
    get(COMMENT).ifPresent(c -> expect(c, JsonString.class, "a string"));
  }

  private JsonFields(JsonObject object, String thing, Problems problems) {
    this.object = object;
    this.thing = thing;
    this.problems = problems;
  }

  /** The same members, named differently in messages (keys are not checked again). */
  JsonFields named(String newThing) {
    return new JsonFields(object, newThing, problems);
  }

  /** Asks {@code node} to be an object, reporting otherwise; returns it or {@code null}. */
  static JsonObject asObject(JsonValue node, String thing, Problems problems) {
    if (node instanceof JsonObject object) {
      return object;
    }
    problems.error(node, "expected " + thing + " to be a JSON object {...}, got " + article(node));
    return null;
  }

  JsonObject object() {
    return object;
  }

  /** The member's value, absent when missing or {@code null}. */
  Optional<JsonValue> get(String key) {
    JsonValue value = object.members().get(key);
    return value == null || value instanceof JsonNull ? Optional.empty() : Optional.of(value);
  }

  /** The string member, or {@code null} (reported) when missing or not a string. */
  String requiredString(String key, String example) {
    Optional<JsonValue> value = get(key);
    if (value.isEmpty()) {
      missing(key, example);
      return null;
    }
    return string(value.get());
  }

  String optionalString(String key) {
    return get(key).map(this::string).orElse(null);
  }

  boolean optionalBoolean(String key, boolean fallback) {
    Optional<JsonValue> value = get(key);
    if (value.isEmpty()) {
      return fallback;
    }
    JsonBoolean bool = expect(value.get(), JsonBoolean.class, "true or false");
    return bool == null ? fallback : bool.value();
  }

  /** The number member, or {@code null} when missing (silently) or not a number (reported). */
  BigDecimal optionalNumber(String key) {
    return get(key)
        .map(v -> expect(v, JsonNumber.class, "a number"))
        .map(JsonNumber::value)
        .orElse(null);
  }

  /** A whole number that fits a long, or {@code null} (reported when present but invalid). */
  Long optionalLong(String key) {
    Optional<JsonValue> value = get(key);
    if (value.isEmpty()) {
      return null;
    }
    JsonNumber number = expect(value.get(), JsonNumber.class, "a whole number");
    if (number == null) {
      return null;
    }
    try {
      return number.value().longValueExact();
    } catch (ArithmeticException e) {
      problems.error(
          number,
          "expected \""
              + key
              + "\" to be a whole number between "
              + Long.MIN_VALUE
              + " and "
              + Long.MAX_VALUE
              + ", got "
              + number.value().toPlainString());
      return null;
    }
  }

  /** A ratio in [0, 1], {@code 0} when absent; reported and {@code 0} when invalid. */
  double ratio(String key) {
    BigDecimal value = optionalNumber(key);
    if (value == null) {
      return 0.0;
    }
    if (value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
      problems.error(
          get(key).orElseThrow(),
          "\""
              + key
              + "\" must be between 0 and 1 (a share of rows, e.g. 0.1"
              + " for 10 %), got "
              + value.toPlainString());
      return 0.0;
    }
    return value.doubleValue();
  }

  JsonObject optionalObject(String key) {
    return get(key).map(v -> expect(v, JsonObject.class, "an object {...}")).orElse(null);
  }

  JsonArray optionalArray(String key) {
    return get(key).map(v -> expect(v, JsonArray.class, "an array [...]")).orElse(null);
  }

  /**
   * An array of non-empty strings (e.g. column names); {@code null} when absent (reported if {@code
   * required}) or invalid (reported).
   */
  List<String> stringList(String key, boolean required, String example) {
    Optional<JsonValue> value = get(key);
    if (value.isEmpty()) {
      if (required) {
        missing(key, example);
      }
      return null;
    }
    if (!(value.get() instanceof JsonArray array)) {
      problems.error(
          value.get(),
          "expected \""
              + key
              + "\" to be an array of strings, e.g. "
              + example
              + ", got "
              + article(value.get()));
      return null;
    }
    List<String> strings = new ArrayList<>();
    boolean valid = true;
    for (JsonValue element : array.elements()) {
      String text = string(element);
      if (text == null) {
        valid = false;
      } else if (text.isEmpty()) {
        problems.error(element, "expected a non-empty string in \"" + key + "\"");
        valid = false;
      } else {
        strings.add(text);
      }
    }
    if (valid && strings.isEmpty() && required) {
      problems.error(
          array, "\"" + key + "\" must not be empty; give at least one name, e.g. " + example);
      return null;
    }
    return valid ? strings : null;
  }

  void missing(String key, String example) {
    problems.error(
        JsonPath.member(object.path(), key),
        object.location(),
        thing + " is missing \"" + key + "\"; add it, e.g. \"" + key + "\": " + example);
  }

  private String string(JsonValue value) {
    JsonString string = expect(value, JsonString.class, "a string");
    return string == null ? null : string.value();
  }

  private <T extends JsonValue> T expect(JsonValue value, Class<T> kind, String expected) {
    if (kind.isInstance(value)) {
      return kind.cast(value);
    }
    String key = value.path().equals(object.path()) ? thing : lastSegment(value.path());
    problems.error(value, "expected " + key + " to be " + expected + ", got " + article(value));
    return null;
  }

  private String lastSegment(String path) {
    String relative =
        path.startsWith(object.path()) ? path.substring(object.path().length()) : path;
    return "\"" + (relative.startsWith(".") ? relative.substring(1) : relative) + "\"";
  }

  static String article(JsonValue value) {
    return switch (value.kindName()) {
      case "object" -> "an object";
      case "array" -> "an array";
      case "string" -> "the string \"" + ((JsonString) value).value() + "\"";
      case "number" -> "the number " + ((JsonNumber) value).value().toPlainString();
      case "boolean" -> ((JsonBoolean) value).value() ? "true" : "false";
      default -> "null";
    };
  }
}
