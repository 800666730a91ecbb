package io.datagen.job.json;

import java.io.Serializable;

/**
 * An immutable JSON tree node that remembers where it came from: its JSON path (e.g. {@code
 * $.tables.users.columns.email.type}) and its line:column in the source text. Parsed schema configs
 * keep these nodes so that errors found late (in a generator's config) still point at the exact
 * spot in the user's file.
 */
public sealed interface JsonValue extends Serializable
    permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

  /** JSON path of this node, {@code $} for the root. */
  String path();

  SourceLocation location();

  /** A short name of the node's kind for messages: "object", "array", "string", ... */
  String kindName();
}
