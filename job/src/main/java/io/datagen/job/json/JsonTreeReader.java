package io.datagen.job.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads JSON text into the located {@link JsonValue} tree with Jackson's streaming parser: every
 * node gets its JSON path and the line:column of its first token. Strict JSON (no comments, no
 * trailing commas); numbers are kept exact; a key repeated in one object is an error, because
 * silently keeping one of the two values hides mistakes.
 */
public final class JsonTreeReader {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final Pattern JACKSON_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

  private final String source;
  private final Deque<String> containers = new ArrayDeque<>();
  private final List<InvalidJsonException.Problem> duplicates = new ArrayList<>();

  private JsonTreeReader(String source) {
    this.source = source;
  }

  /**
   * Parses {@code text} into a tree.
   *
   * @param source the name of the text for messages, e.g. a file name or {@code <stdin>}
   * @throws InvalidJsonException if the text is not one valid JSON value or repeats a key
   */
  public static JsonValue read(String text, String source) {
    return new JsonTreeReader(source).readDocument(text);
  }

  private JsonValue readDocument(String text) {
    try (JsonParser parser = FACTORY.createParser(text)) {
      if (parser.nextToken() == null) {
        throw fail(
            JsonPath.ROOT,
            new SourceLocation(1, 1),
            "the text is empty; expected a JSON object such as {\"version\": \"1.0\", ...}",
            null);
      }
      JsonValue root = readValue(parser, JsonPath.ROOT);
      if (parser.nextToken() != null) {
        throw fail(
            JsonPath.ROOT,
            location(parser.currentTokenLocation()),
            "unexpected content after the end of the JSON document; remove it or merge it into the top-level object",
            null);
      }
      if (!duplicates.isEmpty()) {
        throw new InvalidJsonException(source, duplicates, null);
      }
      return root;
    } catch (JsonProcessingException e) {
      String path = containers.isEmpty() ? JsonPath.ROOT : containers.peek();
      throw fail(
          path,
          location(e.getLocation()),
          describe(e)
              + "; fix the JSON syntax here"
              + " (a missing or extra comma, quote or bracket is often just before this point)",
          e);
    } catch (IOException e) {
      throw fail(
          JsonPath.ROOT, SourceLocation.UNKNOWN, "cannot read the text: " + e.getMessage(), e);
    }
  }

  private JsonValue readValue(JsonParser parser, String path) throws IOException {
    SourceLocation location = location(parser.currentTokenLocation());
    JsonToken token = parser.currentToken();
    return switch (token) {
      case START_OBJECT -> readObject(parser, path, location);
      case START_ARRAY -> readArray(parser, path, location);
      case VALUE_STRING -> new JsonString(path, location, parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
          new JsonNumber(path, location, new BigDecimal(parser.getText()));
      case VALUE_TRUE -> new JsonBoolean(path, location, true);
      case VALUE_FALSE -> new JsonBoolean(path, location, false);
      case VALUE_NULL -> new JsonNull(path, location);
      default -> throw new IllegalStateException("Cannot read JSON token " + token + " at " + path);
    };
  }

  private JsonObject readObject(JsonParser parser, String path, SourceLocation location)
      throws IOException {
    containers.push(path);
    Map<String, JsonValue> members = new LinkedHashMap<>();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      parser.nextToken();
      JsonValue value = readValue(parser, JsonPath.member(path, key));
      JsonValue first = members.putIfAbsent(key, value);
      if (first != null) {
        duplicates.add(
            new InvalidJsonException.Problem(
                value.path(),
                value.location(),
                "duplicate key \""
                    + key
                    + "\" (first defined at "
                    + first.location()
                    + "); keep only one of them"));
      }
    }
    containers.pop();
    return new JsonObject(path, location, members);
  }

  private JsonArray readArray(JsonParser parser, String path, SourceLocation location)
      throws IOException {
    containers.push(path);
    List<JsonValue> elements = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      elements.add(readValue(parser, JsonPath.element(path, elements.size())));
    }
    containers.pop();
    return new JsonArray(path, location, elements);
  }

  private InvalidJsonException fail(
      String path, SourceLocation location, String message, Throwable cause) {
    List<InvalidJsonException.Problem> problems = new ArrayList<>(duplicates);
    problems.add(0, new InvalidJsonException.Problem(path, location, message));
    return new InvalidJsonException(source, problems, cause);
  }

  private static SourceLocation location(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return SourceLocation.UNKNOWN;
    }
    return new SourceLocation(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  /** Jackson's own wording, with its internal source references made readable. */
  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? "malformed JSON" : e.getOriginalMessage();
    message = JACKSON_LOCATION.matcher(message).replaceAll("line $1, column $2");
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
