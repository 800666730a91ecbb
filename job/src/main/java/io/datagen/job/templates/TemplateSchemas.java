package io.datagen.job.templates;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.DidYouMean;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns templates and their parameters into one schema file's text — the very text {@code template
 * export} prints, so that generating from the exported file gives the same archive as generating
 * from the template.
 *
 * <p>Parameters: {@code scale=F} multiplies every default row count (rounded half up, at least 1
 * for a table that has rows); {@code rows.TABLE=N} (or just {@code TABLE=N}) sets one table.
 * Several templates merge into one schema; a table name that two of them share is an error unless
 * one of them is given a prefix ({@code NAME:PREFIX}), which is put before all its table names.
 */
public final class TemplateSchemas {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** {@code ecommerce} or {@code ecommerce:shop_}. */
  public record TemplateRef(String name, String prefix) {
    public static TemplateRef parse(String text) {
      int colon = text.indexOf(':');
      return colon < 0
          ? new TemplateRef(text.trim(), "")
          : new TemplateRef(text.substring(0, colon).trim(), text.substring(colon + 1).trim());
    }
  }

  private TemplateSchemas() {}

  public static String instantiate(
      TemplateCatalog catalog, List<TemplateRef> refs, Map<String, String> parameters) {
    if (refs.isEmpty()) {
      throw usage("No template given");
    }
    ObjectNode merged = null;
    Map<String, String> tableOwner = new LinkedHashMap<>();
    for (TemplateRef ref : refs) {
      Template template = catalog.get(ref.name());
      ObjectNode schema = catalog.schemaTree(template);
      if (!ref.prefix().isEmpty()) {
        prefixTables(schema, ref.prefix());
      }
      for (Iterator<String> it = schema.get("tables").fieldNames(); it.hasNext(); ) {
        String table = it.next();
        String previous = tableOwner.putIfAbsent(table, ref.name());
        if (previous != null) {
          throw usage(
              "Cannot merge templates "
                  + previous
                  + " and "
                  + ref.name()
                  + ": both have a table '"
                  + table
                  + "'; give one a prefix, e.g. --template "
                  + ref.name()
                  + ":"
                  + ref.name()
                  + "_");
        }
      }
      merged = merged == null ? schema : merge(merged, schema, ref.name());
    }
    applyParameters(merged, parameters);
    try {
      return JSON.writeValueAsString(merged) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("Cannot write template schema", e);
    }
  }

  /** A readable name of the instantiated schema for messages: {@code template ecommerce+saas}. */
  public static String sourceName(List<TemplateRef> refs) {
    return "template " + String.join("+", refs.stream().map(TemplateRef::name).toList());
  }

  private static void prefixTables(ObjectNode schema, String prefix) {
    ObjectNode tables = (ObjectNode) schema.get("tables");
    Set<String> names = new LinkedHashSet<>();
    tables.fieldNames().forEachRemaining(names::add);
    ObjectNode renamed = JSON.createObjectNode();
    for (String name : names) {
      ObjectNode table = (ObjectNode) tables.get(name);
      for (JsonNode fk : table.path("foreign_keys")) {
        String parent = fk.path("referenced_table").asText();
        if (names.contains(parent)) {
          ((ObjectNode) fk).put("referenced_table", prefixed(parent, prefix));
        }
      }
      for (String list :
          List.of("foreign_keys", "unique_constraints", "check_constraints", "indexes")) {
        for (JsonNode item : table.path(list)) {
          if (item.hasNonNull("name")) {
            ((ObjectNode) item).put("name", prefix + item.get("name").asText());
          }
        }
      }
      renamed.set(prefixed(name, prefix), table);
    }
    schema.set("tables", renamed);
  }

  /** {@code sales.orders} → {@code sales.p_orders}; {@code orders} → {@code p_orders}. */
  private static String prefixed(String table, String prefix) {
    int dot = table.indexOf('.');
    return dot < 0
        ? prefix + table
        : table.substring(0, dot + 1) + prefix + table.substring(dot + 1);
  }

  private static ObjectNode merge(ObjectNode into, ObjectNode from, String fromName) {
    ((ObjectNode) into.get("tables")).setAll((ObjectNode) from.get("tables"));
    for (String section : List.of("custom_types", "sequences")) {
      if (!from.has(section)) {
        continue;
      }
      ObjectNode target =
          into.has(section) ? (ObjectNode) into.get(section) : into.putObject(section);
      for (Iterator<Map.Entry<String, JsonNode>> it = from.get(section).fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = it.next();
        JsonNode existing = target.get(entry.getKey());
        if (existing != null && !existing.equals(entry.getValue())) {
          throw usage(
              "Cannot merge template "
                  + fromName
                  + ": its "
                  + section
                  + " entry '"
                  + entry.getKey()
                  + "' differs from another template's");
        }
        target.set(entry.getKey(), entry.getValue());
      }
    }
    if (from.has("extensions")) {
      Set<String> extensions = new LinkedHashSet<>();
      into.path("extensions").forEach(e -> extensions.add(e.asText()));
      from.get("extensions").forEach(e -> extensions.add(e.asText()));
      ArrayNode list = into.putArray("extensions");
      extensions.forEach(list::add);
    }
    return into;
  }

  private static void applyParameters(ObjectNode schema, Map<String, String> parameters) {
    ObjectNode tables = (ObjectNode) schema.get("tables");
    List<String> tableNames = new ArrayList<>();
    tables.fieldNames().forEachRemaining(tableNames::add);
    BigDecimal scale = BigDecimal.ONE;
    Map<String, Long> explicitRows = new LinkedHashMap<>();
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String key = parameter.getKey().trim();
      String value = parameter.getValue().trim();
      if (key.equals("scale")) {
        scale = parseScale(value);
        continue;
      }
      String table = key.startsWith("rows.") ? key.substring("rows.".length()) : key;
      if (!tableNames.contains(table)) {
        List<String> accepted = new ArrayList<>(List.of("scale"));
        tableNames.forEach(t -> accepted.add("rows." + t));
        throw usage(
            "Unknown template parameter '"
                + key
                + "'"
                + DidYouMean.inlineSuggestion(key, accepted)
                + " (accepted: "
                + String.join(", ", accepted)
                + ")");
      }
      explicitRows.put(table, parseRows(key, value));
    }
    for (String name : tableNames) {
      ObjectNode table = (ObjectNode) tables.get(name);
      long rows;
      if (explicitRows.containsKey(name)) {
        rows = explicitRows.get(name);
      } else {
        long base = table.path("row_count").asLong(0);
        rows =
            base == 0
                ? 0
                : Math.max(
                    1,
                    BigDecimal.valueOf(base)
                        .multiply(scale)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact());
      }
      table.put("row_count", rows);
    }
  }

  private static BigDecimal parseScale(String value) {
    try {
      BigDecimal scale = new BigDecimal(value);
      if (scale.signum() <= 0) {
        throw usage("Invalid template parameter scale=" + value + ": must be greater than 0");
      }
      return scale;
    } catch (NumberFormatException e) {
      throw usage(
          "Invalid template parameter scale="
              + value
              + ": not a number (e.g. scale=10 or scale=0.5)");
    }
  }

  private static long parseRows(String key, String value) {
    try {
      long rows = Long.parseLong(value.replace("_", ""));
      if (rows < 0) {
        throw usage(
            "Invalid template parameter " + key + "=" + value + ": row counts are 0 or more");
      }
      return rows;
    } catch (NumberFormatException e) {
      throw usage("Invalid template parameter " + key + "=" + value + ": not a whole number");
    }
  }

  private static DatagenException usage(String message) {
    return new DatagenException(ErrorCategory.USAGE, message);
  }
}
