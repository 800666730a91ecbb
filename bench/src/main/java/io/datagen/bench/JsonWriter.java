package io.datagen.bench;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small pretty-printing JSON writer: objects, arrays, strings and numbers, written in order.
 * Non-finite numbers become {@code null} (JSON has no NaN).
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder();

  /** Per open container: whether it has a member yet. */
  private final Deque<Boolean> hasMember = new ArrayDeque<>();

  private boolean afterName;

  JsonWriter beginObject() {
    return open('{');
  }

  JsonWriter endObject() {
    return close('}');
  }

  JsonWriter beginArray() {
    return open('[');
  }

  JsonWriter endArray() {
    return close(']');
  }

  JsonWriter name(String name) {
    separate();
    quote(name);
    out.append(": ");
    afterName = true;
    return this;
  }

  JsonWriter value(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      quote(value);
    }
    return this;
  }

  JsonWriter value(long value) {
    separate();
    out.append(value);
    return this;
  }

  JsonWriter value(double value) {
    separate();
    out.append(Double.isFinite(value) ? Double.toString(value) : "null");
    return this;
  }

  JsonWriter value(boolean value) {
    separate();
    out.append(value);
    return this;
  }

  JsonWriter member(String name, String value) {
    return name(name).value(value);
  }

  JsonWriter member(String name, long value) {
    return name(name).value(value);
  }

  JsonWriter member(String name, double value) {
    return name(name).value(value);
  }

  JsonWriter member(String name, boolean value) {
    return name(name).value(value);
  }

  @Override
  public String toString() {
    if (!hasMember.isEmpty()) {
      throw new IllegalStateException(
          "Cannot finish the JSON text: " + hasMember.size() + " object(s) or array(s) still open");
    }
    return out.toString() + "\n";
  }

  private JsonWriter open(char bracket) {
    separate();
    out.append(bracket);
    hasMember.push(false);
    return this;
  }

  private JsonWriter close(char bracket) {
    if (hasMember.isEmpty()) {
      throw new IllegalStateException("Cannot close '" + bracket + "': nothing is open");
    }
    boolean any = hasMember.pop();
    if (any) {
      newline();
    }
    out.append(bracket);
    return this;
  }

  /** A comma and a new line before every member but the first; nothing after a name. */
  private void separate() {
    if (afterName) {
      afterName = false;
      return;
    }
    if (hasMember.isEmpty()) {
      return;
    }
    if (hasMember.peek()) {
      out.append(',');
    }
    hasMember.pop();
    hasMember.push(true);
    newline();
  }

  private void newline() {
    out.append('\n');
    out.append("  ".repeat(hasMember.size()));
  }

  private void quote(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
