package io.datagen.job.schema;

import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonValue;
import java.util.Set;

/** Reads one entry of {@code sequences}, filling in PostgreSQL's defaults. */
final class SequenceParser {
  static final String START = "start";
  static final String INCREMENT = "increment";
  static final String MIN_VALUE = "min_value";
  static final String MAX_VALUE = "max_value";
  static final String CACHE = "cache";
  static final String CYCLE = "cycle";

  private static final Set<String> KEYS =
      Set.of(START, INCREMENT, MIN_VALUE, MAX_VALUE, CACHE, CYCLE);

  private final Problems problems;

  SequenceParser(Problems problems) {
    this.problems = problems;
  }

  SequenceSpec fromJson(QualifiedName name, JsonValue node) {
    String thing = "sequence \"" + name + "\"";
    JsonObject object = JsonFields.asObject(node, thing, problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, thing, KEYS, problems);
    Long increment = fields.optionalLong(INCREMENT);
    Long min = fields.optionalLong(MIN_VALUE);
    Long max = fields.optionalLong(MAX_VALUE);
    Long start = fields.optionalLong(START);
    Long cache = fields.optionalLong(CACHE);
    boolean cycle = fields.optionalBoolean(CYCLE, false);
    if (fields.get(INCREMENT).isPresent() && increment == null
        || fields.get(MIN_VALUE).isPresent() && min == null
        || fields.get(MAX_VALUE).isPresent() && max == null
        || fields.get(START).isPresent() && start == null
        || fields.get(CACHE).isPresent() && cache == null) {
      return null; // already reported
    }
    long step = increment == null ? 1 : increment;
    if (step == 0) {
      problems.error(
          fields.get(INCREMENT).orElseThrow(),
          "increment must not be zero; use 1 (or -1 to count down)");
      return null;
    }
    long minValue = min != null ? min : (step > 0 ? 1 : Long.MIN_VALUE);
    long maxValue = max != null ? max : (step > 0 ? Long.MAX_VALUE : -1);
    long startValue = start != null ? start : (step > 0 ? minValue : maxValue);
    long cacheValue = cache == null ? 1 : cache;
    if (minValue >= maxValue) {
      problems.error(
          object, "min_value (" + minValue + ") must be less than max_value (" + maxValue + ")");
      return null;
    }
    if (startValue < minValue || startValue > maxValue) {
      problems.error(
          fields.get(START).orElse(object),
          "start ("
              + startValue
              + ") must be between min_value ("
              + minValue
              + ") and max_value ("
              + maxValue
              + ")");
      return null;
    }
    if (cacheValue < 1) {
      problems.error(
          fields.get(CACHE).orElseThrow(), "cache must be at least 1, got " + cacheValue);
      return null;
    }
    return new SequenceSpec(
        name, startValue, step, minValue, maxValue, cacheValue, cycle, object.path());
  }
}
