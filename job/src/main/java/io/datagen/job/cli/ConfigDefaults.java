package io.datagen.job.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.DidYouMean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from outside the command line, in this order of precedence: flags (picocli
 * itself) &gt; {@code DATAGEN_*} environment variables &gt; a config file &gt; built-in defaults.
 * The config file is {@code --config FILE} (YAML or JSON), else {@code .datagen.yaml} in the
 * working directory, else in the home directory. Its keys are option names without dashes ({@code
 * seed}, {@code format}, {@code segment-rows} or {@code segment_rows} …); the environment variable
 * of an option is {@code DATAGEN_} + its name in upper case ({@code DATAGEN_SEED}, {@code
 * DATAGEN_SEGMENT_ROWS}).
 */
final class ConfigDefaults implements CommandLine.IDefaultValueProvider {
  static final String FILE_NAME = ".datagen.yaml";

  /** Options that make no sense as defaults: they name per-run inputs or outputs. */
  private static final Set<String> NOT_CONFIGURABLE =
      Set.of(
          "config",
          "input",
          "output",
          "help",
          "version",
          "json",
          "dry-run",
          "tables",
          "tables-only",
          "schema-only",
          "data-only",
          "no-data",
          "short",
          "verbose");

  /**
   * What the original Go tool's config keys mean here: an option of ours (the value converted when
   * it has to be), or a reason the key is ignored. Keys as {@link #read} normalises them.
   */
  private record Legacy(
      String option, java.util.function.UnaryOperator<String> value, String ignored) {
    static Legacy mapped(String option) {
      return new Legacy(option, v -> v, null);
    }

    static Legacy ignored(String reason) {
      return new Legacy(null, null, reason);
    }
  }

  private static final String NO_SETTING = "datagen has no such setting";

  private static final Map<String, Legacy> LEGACY_KEYS =
      Map.ofEntries(
          Map.entry("default-seed", new Legacy("seed", ConfigDefaults::legacySeed, null)),
          Map.entry("default-format", Legacy.mapped("format")),
          Map.entry("default-batch-size", Legacy.mapped("rows-per-insert")),
          Map.entry("workers", Legacy.mapped("jobs")),
          Map.entry("quiet-mode", new Legacy("quiet", v -> v, null)),
          Map.entry(
              "default-row-count",
              Legacy.ignored(
                  "a table's rows come from its row_count (--rows N sets every table's)")),
          Map.entry("verbose", Legacy.ignored("pass --verbose (-v) to the command")),
          Map.entry("log-level", Legacy.ignored("pass --verbose (-v) for Spark's log messages")),
          Map.entry("log-format", Legacy.ignored(NO_SETTING)),
          Map.entry("log-file", Legacy.ignored("redirect stderr instead")),
          Map.entry("json-output", Legacy.ignored("pass --json to the command")),
          Map.entry("templates", Legacy.ignored("pass --template-param KEY=VALUE to generate")),
          Map.entry("enable-cache", Legacy.ignored(NO_SETTING)),
          Map.entry("cache-size", Legacy.ignored(NO_SETTING)),
          Map.entry("stream-writes", Legacy.ignored(NO_SETTING)),
          Map.entry("color-output", Legacy.ignored(NO_SETTING)),
          Map.entry("progress-bar", Legacy.ignored("progress shows unless --quiet")),
          Map.entry("pretty-print", Legacy.ignored(NO_SETTING)),
          Map.entry("show-timestamp", Legacy.ignored(NO_SETTING)));

  /**
   * The original tool's {@code DATAGEN_*} variables that are not ours: theirs → our key, or why
   * not.
   */
  private static final Map<String, Legacy> LEGACY_VARIABLES =
      Map.of(
          "DATAGEN_DEFAULT_SEED", new Legacy("seed", ConfigDefaults::legacySeed, null),
          "DATAGEN_DEFAULT_FORMAT", Legacy.mapped("format"),
          "DATAGEN_WORKERS", Legacy.mapped("jobs"),
          "DATAGEN_VERBOSE", Legacy.ignored("pass --verbose (-v) to the command"),
          "DATAGEN_LOG_LEVEL", Legacy.ignored("pass --verbose (-v) for Spark's log messages"),
          "DATAGEN_LOG_FILE", Legacy.ignored("redirect stderr instead"));

  /** The variable naming the config file, as {@code --config} does (the original tool's). */
  static final String CONFIG_VARIABLE = "DATAGEN_CONFIG";

  private final Map<String, String> environment;
  private final Map<String, String> environmentNames;
  private final Map<String, String> file;
  private final Path fileSource;
  private final List<String> notes;

  private ConfigDefaults(
      Map<String, String> environment,
      Map<String, String> environmentNames,
      Map<String, String> file,
      Path fileSource,
      List<String> notes) {
    this.environment = environment;
    this.environmentNames = environmentNames;
    this.file = file;
    this.fileSource = fileSource;
    this.notes = List.copyOf(notes);
  }

  /** The old tool's seed 0 meant "a random seed", which is ours without one. */
  private static String legacySeed(String value) {
    return value.strip().equals("0") ? null : value;
  }

  /**
   * One line for each of the original tool's settings that was mapped to ours or ignored (printed
   * before the command runs): old files and variables keep working, and say how to move on.
   */
  List<String> notes() {
    return notes;
  }

  /**
   * @param explicitConfig the {@code --config} argument, or null to look for {@value #FILE_NAME}
   * @param knownKeys the configurable option names, to reject typos in the file
   */
  static ConfigDefaults load(CliEnvironment env, String explicitConfig, Set<String> knownKeys) {
    List<String> notes = new java.util.ArrayList<>();
    Path source = null;
    String fromVariable = env.variables().get(CONFIG_VARIABLE);
    if (explicitConfig == null && fromVariable != null && !fromVariable.isBlank()) {
      explicitConfig = fromVariable;
    }
    if (explicitConfig != null) {
      source = env.workingDirectory().resolve(explicitConfig);
      if (!Files.isRegularFile(source)) {
        throw new DatagenException(
            ErrorCategory.USAGE, "Cannot read config file " + explicitConfig + ": no such file");
      }
    } else {
      for (Path candidate :
          List.of(env.workingDirectory().resolve(FILE_NAME), env.home().resolve(FILE_NAME))) {
        if (Files.isRegularFile(candidate)) {
          source = candidate;
          break;
        }
      }
    }
    Map<String, String> file = source == null ? Map.of() : read(source, knownKeys, notes);
    Map<String, String> variables = new java.util.HashMap<>(env.variables());
    Map<String, String> names = new java.util.HashMap<>();
    for (String name : new java.util.TreeSet<>(LEGACY_VARIABLES.keySet())) {
      String value = env.variables().get(name);
      if (value == null || value.isBlank()) {
        continue;
      }
      Legacy legacy = LEGACY_VARIABLES.get(name);
      if (legacy.option() == null) {
        notes.add("datagen: ignoring environment variable " + name + ": " + legacy.ignored());
        continue;
      }
      String ours = environmentVariable(legacy.option());
      String converted = legacy.value().apply(value);
      if (variables.containsKey(ours)) {
        notes.add("datagen: ignoring environment variable " + name + ": " + ours + " is set");
      } else if (converted != null) {
        variables.put(ours, converted);
        names.put(ours, name);
        notes.add(
            "datagen: environment variable "
                + name
                + " is the old spelling of "
                + ours
                + "; read as such");
      }
    }
    return new ConfigDefaults(variables, names, file, source, notes);
  }

  private static Map<String, String> read(Path source, Set<String> knownKeys, List<String> notes) {
    JsonNode root;
    try {
      // A key given twice is a mistake whichever value was meant: refuse it, never pick one.
      root =
          new ObjectMapper(new YAMLFactory())
              .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
              .readTree(source.toFile());
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Invalid config file "
              + source
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Cannot read config file " + source + ": " + e.getMessage(), e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return Map.of();
    }
    if (!root.isObject()) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Invalid config file "
              + source
              + ": expected a mapping of option names to values, e.g. 'seed: 42'");
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey().toLowerCase(Locale.ROOT).replace('_', '-');
      Legacy legacy = knownKeys.contains(key) ? null : LEGACY_KEYS.get(key);
      if (legacy != null && legacy.option() == null) {
        notes.add(
            "datagen: ignoring '"
                + field.getKey()
                + "' in config file "
                + source
                + " (a setting of the original datagen): "
                + legacy.ignored());
        continue;
      }
      if (legacy != null) {
        String converted =
            field.getValue().isContainerNode()
                ? null
                : legacy.value().apply(field.getValue().asText());
        if (converted == null || root.has(legacy.option()) || values.containsKey(legacy.option())) {
          notes.add(
              "datagen: ignoring '"
                  + field.getKey()
                  + "' in config file "
                  + source
                  + (converted == null
                      ? " (the original datagen's value " + field.getValue() + " means the default)"
                      : " ('" + legacy.option() + "' is given too)"));
          continue;
        }
        notes.add(
            "datagen: '"
                + field.getKey()
                + "' in config file "
                + source
                + " is the original datagen's name for '"
                + legacy.option()
                + "'; read as such");
        values.put(legacy.option(), converted);
        continue;
      }
      if (key.equals("compress") && field.getValue().isBoolean()) {
        // The original tool's compress: true/false.
        values.put(key, field.getValue().asBoolean() ? "gzip" : "none");
        continue;
      }
      if (!knownKeys.contains(key)) {
        throw new DatagenException(
            ErrorCategory.USAGE,
            "Invalid config file "
                + source
                + ": unknown option '"
                + field.getKey()
                + "'"
                + DidYouMean.inlineSuggestion(key, knownKeys)
                + " (known: "
                + String.join(", ", new java.util.TreeSet<>(knownKeys))
                + ")");
      }
      if (values.containsKey(key)) {
        throw new DatagenException(
            ErrorCategory.USAGE,
            "Invalid config file "
                + source
                + ": option '"
                + key
                + "' is given twice (as '"
                + field.getKey()
                + "' too); keep one");
      }
      JsonNode value = field.getValue();
      if (value.isContainerNode()) {
        throw new DatagenException(
            ErrorCategory.USAGE,
            "Invalid config file "
                + source
                + ": option '"
                + field.getKey()
                + "' needs a single value");
      }
      values.put(key, value.asText());
    }
    return values;
  }

  /** The name of a configurable option ({@code --segment-rows} → {@code segment-rows}), or null. */
  static String keyOf(OptionSpec option) {
    String longest = option.longestName();
    if (!longest.startsWith("--")) {
      return null;
    }
    String key = longest.substring(2);
    return NOT_CONFIGURABLE.contains(key) ? null : key;
  }

  static String environmentVariable(String key) {
    return "DATAGEN_" + key.toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String key = keyOf(option);
    if (key == null) {
      return null;
    }
    String fromEnvironment = environment.get(environmentVariable(key));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return file.get(key);
  }

  /**
   * Where this provider's default for {@code option} comes from, for messages ("environment
   * variable DATAGEN_SEED", "'seed' in config file /home/me/.datagen.yaml"), or null when it gives
   * none.
   */
  String sourceOf(OptionSpec option) {
    String key = keyOf(option);
    if (key == null) {
      return null;
    }
    String fromEnvironment = environment.get(environmentVariable(key));
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      String ours = environmentVariable(key);
      return "environment variable " + environmentNames.getOrDefault(ours, ours);
    }
    return file.containsKey(key) ? "'" + key + "' in config file " + fileSource : null;
  }

  Path fileSource() {
    return fileSource;
  }
}
