package io.datagen.job.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonTreeReader;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in templates, read from {@code /templates/index.json} and one schema file per template
 * on the class path.
 */
public final class TemplateCatalog {
  private static final String INDEX = "/templates/index.json";

  /** Jackson's data binding, loaded only when a template's schema tree is needed. */
  private static final class Trees {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final Map<String, Template> templates;

  private TemplateCatalog(Map<String, Template> templates) {
    this.templates = templates;
  }

  /**
   * Reads the index and each template's row counts with datagen's own JSON tree reader (Jackson's
   * streaming parser only): {@code template list} needs nothing more, and Jackson's data binding
   * costs about 300 classes at start-up.
   */
  public static TemplateCatalog builtIn() {
    Map<String, Template> templates = new LinkedHashMap<>();
    JsonObject index = (JsonObject) JsonTreeReader.read(readText(INDEX), INDEX);
    for (JsonValue element : member(index, "templates", JsonArray.class).elements()) {
      JsonObject entry = (JsonObject) element;
      String name = member(entry, "name", JsonString.class).value();
      String resource = "/templates/" + name + ".json";
      JsonObject schema = (JsonObject) JsonTreeReader.read(readText(resource), resource);
      Map<String, Long> rows = new LinkedHashMap<>();
      member(schema, "tables", JsonObject.class)
          .members()
          .forEach(
              (table, spec) ->
                  rows.put(
                      table,
                      ((JsonObject) spec)
                          .get("row_count")
                          .map(n -> ((JsonNumber) n).value().longValueExact())
                          .orElse(0L)));
      templates.put(
          name,
          new Template(
              name, member(entry, "description", JsonString.class).value(), rows, resource));
    }
    return new TemplateCatalog(templates);
  }

  private static <T extends JsonValue> T member(JsonObject object, String name, Class<T> kind) {
    return object
        .get(name)
        .filter(kind::isInstance)
        .map(kind::cast)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Invalid built-in resource: no " + name + " in " + object.path()));
  }

  public List<Template> all() {
    return new ArrayList<>(templates.values());
  }

  public Template get(String name) {
    Template template = templates.get(name);
    if (template == null) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Cannot find template '"
              + name
              + "'"
              + DidYouMean.inlineSuggestion(name, templates.keySet())
              + " (built-in: "
              + String.join(", ", templates.keySet())
              + "; see datagen template list)");
    }
    return template;
  }

  /** The template's schema as a mutable JSON tree. */
  ObjectNode schemaTree(Template template) {
    return (ObjectNode) readJson(template.resource());
  }

  /** The template's schema file, as shipped. */
  public String schemaText(Template template) {
    return readText(template.resource());
  }

  private static JsonNode readJson(String resource) {
    try {
      return Trees.MAPPER.readTree(readText(resource));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot parse built-in resource " + resource, e);
    }
  }

  private static String readText(String resource) {
    try (InputStream in = TemplateCatalog.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "Cannot find built-in resource " + resource + " on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read built-in resource " + resource, e);
    }
  }
}
