package io.datagen.job.templates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.DidYouMean;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in templates, read from {@code /templates/index.json} and one schema file per template
 * on the class path.
 */
public final class TemplateCatalog {
  private static final String INDEX = "/templates/index.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Template> templates;

  private TemplateCatalog(Map<String, Template> templates) {
    this.templates = templates;
  }

  public static TemplateCatalog builtIn() {
    Map<String, Template> templates = new LinkedHashMap<>();
    JsonNode index = readJson(INDEX);
    for (JsonNode entry : index.get("templates")) {
      String name = entry.get("name").asText();
      String resource = "/templates/" + name + ".json";
      JsonNode schema = readJson(resource);
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("tables").fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> table = it.next();
        rows.put(table.getKey(), table.getValue().path("row_count").asLong(0));
      }
      templates.put(name, new Template(name, entry.get("description").asText(), rows, resource));
    }
    return new TemplateCatalog(templates);
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
      return JSON.readTree(readText(resource));
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
