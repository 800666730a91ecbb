package io.datagen.job.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.datagen.job.schema.SchemaProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Small JSON documents for {@code --json} outputs, written with Jackson's streaming generator. */
final class JsonOutput {
  private static final JsonFactory FACTORY = new JsonFactory();

  interface Body {
    void write(JsonGenerator json) throws IOException;
  }

  private JsonOutput() {}

  /** Prints one pretty-printed JSON object on {@code out}. */
  static void print(PrintWriter out, Body body) {
    StringWriter text = new StringWriter();
    try (JsonGenerator json = FACTORY.createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      body.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write JSON output", e);
    }
    out.println(text);
    out.flush();
  }

  static void problems(JsonGenerator json, String field, List<SchemaProblem> problems)
      throws IOException {
    json.writeArrayFieldStart(field);
    for (SchemaProblem problem : problems) {
      json.writeStartObject();
      json.writeStringField(
          "severity", problem.severity().name().toLowerCase(java.util.Locale.ROOT));
      json.writeStringField("path", problem.path());
      if (problem.location().known()) {
        json.writeNumberField("line", problem.location().line());
        json.writeNumberField("column", problem.location().column());
      }
      json.writeStringField("message", problem.message());
      json.writeEndObject();
    }
    json.writeEndArray();
  }
}
