package io.datagen.job.generate.compile;

import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.TemplateValues;
import io.datagen.job.generate.values.TemplateValues.Part;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.Problems;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text templates with placeholders — the {@code template} generator ({@code {{…}}}) and the
 * column-level {@code pattern} key ({@code {…}}); both spellings are accepted in both places. Dates
 * come from the run's reference time (UTC), never the clock. Unknown placeholders are errors.
 */
final class Templates {
  static final String TEMPLATE = "template";
  static final String VARIABLES = "variables";

  /** Characters of {@code {random:N}}, {@code {hex:N}}, … when N is not given. */
  static final int DEFAULT_RANDOM_LENGTH = 4;

  static final int MAX_RANDOM_LENGTH = 1000;
  static final List<String> PLACEHOLDERS =
      List.of(
          "year",
          "month",
          "month:name",
          "day",
          "timestamp",
          "seq",
          "sequence",
          "rand",
          "random",
          "hex",
          "alpha",
          "alphanumeric",
          "uuid",
          "row",
          "table");
  private static final String DIGITS = "0123456789";
  private static final String HEX = "0123456789abcdef";
  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private Templates() {}

  /** The {@code template} generator: {@code generator_config: {template, variables?}}. */
  static ValueSource generator(ColumnContext ctx, ConfigReader config, Problems problems) {
    config.allowOnly(TEMPLATE, VARIABLES);
    JsonString template = config.string(TEMPLATE, true);
    JsonValue variables = config.get(VARIABLES);
    if (variables != null && !(variables instanceof JsonObject)) {
      config.error(
          variables,
          "Invalid 'variables' of generator 'template': expected an object {name: value}");
      return null;
    }
    return template == null
        ? null
        : compile(template, (JsonObject) variables, ctx, "generator 'template'", problems);
  }

  /**
   * The column-level {@code pattern}: a template string, or {@code {template, variables?,
   * comment?}}.
   */
  static ValueSource columnPattern(ColumnContext ctx, Problems problems) {
    JsonValue pattern = ctx.column().pattern();
    if (pattern instanceof JsonString template) {
      return compile(template, null, ctx, "pattern", problems);
    }
    JsonObject object = (JsonObject) pattern;
    Settings settings = new Settings(object, "pattern of " + ctx.describe(), problems);
    settings.allowOnly(TEMPLATE, VARIABLES);
    JsonString template = settings.string(TEMPLATE, true);
    JsonValue variables = settings.get(VARIABLES);
    if (variables != null && !(variables instanceof JsonObject)) {
      settings.error(
          variables,
          "Invalid 'variables' in the " + settings.what() + ": expected an object {name: value}");
      return null;
    }
    return template == null
        ? null
        : compile(template, (JsonObject) variables, ctx, "pattern", problems);
  }

  private static ValueSource compile(
      JsonString template,
      JsonObject variables,
      ColumnContext ctx,
      String where,
      Problems problems) {
    if (!ColumnTypes.isText(ctx.type().kind())) {
      problems.error(
          template,
          "Cannot fill "
              + ctx.describe()
              + " of type "
              + ColumnTypes.describe(ctx.type())
              + " from a "
              + where
              + " template: it makes text (varchar, char, text or citext)");
      return null;
    }
    Map<String, List<String>> vars = variables(variables, problems);
    if (vars == null) {
      return null;
    }
    List<Part> parts = parse(template, vars, ctx, problems);
    if (parts == null) {
      return null;
    }
    TemplateValues values = new TemplateValues(parts);
    int max = ColumnTypes.maxLength(ctx.type());
    int longest = values.maxLength(ctx.rowCount());
    if (max != ColumnTypes.UNBOUNDED && longest > max) {
      problems.error(
          template,
          "Cannot fill "
              + ctx.describe()
              + " of type "
              + ColumnTypes.describe(ctx.type())
              + " from template '"
              + template.value()
              + "': its text reaches "
              + longest
              + " characters over "
              + ctx.rowCount()
              + " rows");
      return null;
    }
    return values;
  }

  /** name → its values: a string or number is one value, an array a uniform choice. */
  private static Map<String, List<String>> variables(JsonObject variables, Problems problems) {
    Map<String, List<String>> vars = new LinkedHashMap<>();
    if (variables == null) {
      return vars;
    }
    boolean ok = true;
    for (Map.Entry<String, JsonValue> entry : variables.members().entrySet()) {
      List<JsonValue> nodes =
          entry.getValue() instanceof JsonArray array
              ? array.elements()
              : List.of(entry.getValue());
      List<String> values = new ArrayList<>();
      for (JsonValue node : nodes) {
        String text =
            node instanceof JsonString s
                ? s.value()
                : node instanceof io.datagen.job.json.JsonNumber n
                    ? n.value().toPlainString()
                    : null;
        if (text == null) {
          problems.error(
              node,
              "Invalid value of template variable '"
                  + entry.getKey()
                  + "': expected a string, a number or an array of them, got "
                  + Literals.show(node));
          ok = false;
        } else {
          values.add(text);
        }
      }
      if (values.isEmpty() && ok) {
        problems.error(
            entry.getValue(), "Invalid template variable '" + entry.getKey() + "': no values");
        ok = false;
      }
      vars.put(entry.getKey(), values);
    }
    return ok ? vars : null;
  }

  /** Splits the template at its placeholders, {@code {name[:arg]}} or {@code {{name[:arg]}}}. */
  static List<Part> parse(
      JsonString node, Map<String, List<String>> vars, ColumnContext ctx, Problems problems) {
    String template = node.value();
    List<Part> parts = new ArrayList<>();
    StringBuilder fixed = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c != '{') {
        fixed.append(c);
        i++;
        continue;
      }
      boolean doubled = template.startsWith("{{", i);
      String close = doubled ? "}}" : "}";
      int start = i + (doubled ? 2 : 1);
      int end = template.indexOf(close, start);
      if (end < 0) {
        problems.error(
            node,
            "Invalid template '"
                + template
                + "': placeholder at index "
                + i
                + " is not closed with '"
                + close
                + "'");
        return null;
      }
      String content = template.substring(start, end).trim();
      Object part = placeholder(content, vars, ctx);
      if (part instanceof String error) {
        problems.error(node, "Invalid template '" + template + "': " + error);
        return null;
      }
      if (part instanceof TemplateValues.Fixed f) {
        fixed.append(f.text());
      } else {
        if (fixed.length() > 0) {
          parts.add(new TemplateValues.Fixed(fixed.toString()));
          fixed.setLength(0);
        }
        parts.add((Part) part);
      }
      i = end + close.length();
    }
    if (fixed.length() > 0) {
      parts.add(new TemplateValues.Fixed(fixed.toString()));
    }
    return parts;
  }

  /** The part for one placeholder, or an error message. */
  private static Object placeholder(
      String content, Map<String, List<String>> vars, ColumnContext ctx) {
    List<String> values = vars.get(content);
    if (values != null) {
      return values.size() == 1
          ? new TemplateValues.Fixed(values.get(0))
          : new TemplateValues.Choice(values);
    }
    int colon = content.indexOf(':');
    String name =
        (colon < 0 ? content : content.substring(0, colon)).trim().toLowerCase(Locale.ROOT);
    String arg = colon < 0 ? null : content.substring(colon + 1).trim();
    LocalDateTime reference = LocalDateTime.ofInstant(ctx.referenceTime(), ZoneOffset.UTC);
    if (name.equals("month") && arg != null && arg.equalsIgnoreCase("name")) {
      return new TemplateValues.Fixed(
          reference.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
    }
    switch (name) {
      case "year", "month", "day", "timestamp", "uuid", "row", "table":
        if (arg != null) {
          return "placeholder {" + content + "} takes no ':' argument";
        }
        return switch (name) {
          case "year" -> new TemplateValues.Fixed(String.format("%04d", reference.getYear()));
          case "month" ->
              new TemplateValues.Fixed(String.format("%02d", reference.getMonthValue()));
          case "day" -> new TemplateValues.Fixed(String.format("%02d", reference.getDayOfMonth()));
          case "timestamp" ->
              new TemplateValues.Fixed(Long.toString(ctx.referenceTime().getEpochSecond()));
          case "uuid" -> new TemplateValues.RandomUuid();
          case "row" -> new TemplateValues.RowNumber(1);
          default -> new TemplateValues.Fixed(ctx.table().name().name());
        };
      case "seq", "sequence":
        Integer width = width(arg, 1);
        return width == null
            ? "invalid width in {" + content + "}: expected a whole number 1.." + 30
            : new TemplateValues.RowNumber(width);
      case "rand", "random", "hex", "alpha", "alphanumeric":
        Integer count = arg == null ? Integer.valueOf(DEFAULT_RANDOM_LENGTH) : width(arg, 0);
        if (count == null || count > MAX_RANDOM_LENGTH) {
          return "invalid length in {"
              + content
              + "}: expected a whole number 1.."
              + MAX_RANDOM_LENGTH;
        }
        String alphabet =
            switch (name) {
              case "hex" -> HEX;
              case "alpha" -> LETTERS;
              case "alphanumeric" -> LETTERS + DIGITS;
              default -> DIGITS;
            };
        return new TemplateValues.RandomChars(alphabet, count);
      default:
        List<String> known = new ArrayList<>(PLACEHOLDERS);
        known.addAll(vars.keySet());
        return "unknown placeholder {"
            + content
            + "}; known: "
            + known
            + DidYouMean.inlineSuggestion(content.toLowerCase(Locale.ROOT), known)
            + (vars.isEmpty() ? " (or a name from 'variables')" : "");
    }
  }

  /** A width 1..30 (or 1..MAX for counts); {@code fallback} when absent; null when invalid. */
  private static Integer width(String arg, int fallback) {
    if (arg == null) {
      return fallback == 0 ? DEFAULT_RANDOM_LENGTH : fallback;
    }
    if (!arg.matches("\\d{1,4}")) {
      return null;
    }
    int n = Integer.parseInt(arg);
    return n < 1 || (fallback == 1 && n > 30) ? null : n;
  }
}
