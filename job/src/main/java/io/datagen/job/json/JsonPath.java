package io.datagen.job.json;

import java.util.regex.Pattern;

/**
 * Builds the JSON paths that name a node in messages: {@code $.tables.users.columns[2]}. A member
 * whose key is not a plain identifier uses the bracket form: {@code $.tables["sales.orders"]}.
 */
public final class JsonPath {
  public static final String ROOT = "$";

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private JsonPath() {}

  /** The path of member {@code key} of the object at {@code parent}. */
  public static String member(String parent, String key) {
    if (PLAIN_KEY.matcher(key).matches()) {
      return parent + "." + key;
    }
    return parent + "[" + quote(key) + "]";
  }

  /** The path of element {@code index} (0-based) of the array at {@code parent}. */
  public static String element(String parent, int index) {
    return parent + "[" + index + "]";
  }

  private static String quote(String key) {
    StringBuilder out = new StringBuilder(key.length() + 2).append('"');
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
