package io.datagen.job.json;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A JSON number, kept exact: {@code 0.1} stays 0.1 and {@code 12345678901234567890} stays whole.
 */
public record JsonNumber(String path, SourceLocation location, BigDecimal value)
    implements JsonValue {
  public JsonNumber {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(value, "value");
  }

  public boolean isIntegral() {
    return value.stripTrailingZeros().scale() <= 0;
  }

  @Override
  public String kindName() {
    return "number";
  }
}
