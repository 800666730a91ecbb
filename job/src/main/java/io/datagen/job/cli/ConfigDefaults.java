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

  private final Map<String, String> environment;
  private final Map<String, String> file;
  private final Path fileSource;

  private ConfigDefaults(
      Map<String, String> environment, Map<String, String> file, Path fileSource) {
    this.environment = environment;
    this.file = file;
    this.fileSource = fileSource;
  }

  /**
   * @param explicitConfig the {@code --config} argument, or null to look for {@value #FILE_NAME}
   * @param knownKeys the configurable option names, to reject typos in the file
   */
  static ConfigDefaults load(CliEnvironment env, String explicitConfig, Set<String> knownKeys) {
    Path source = null;
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
    Map<String, String> file = source == null ? Map.of() : read(source, knownKeys);
    return new ConfigDefaults(env.variables(), file, source);
  }

  private static Map<String, String> read(Path source, Set<String> knownKeys) {
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
      return "environment variable " + environmentVariable(key);
    }
    return file.containsKey(key) ? "'" + key + "' in config file " + fileSource : null;
  }

  Path fileSource() {
    return fileSource;
  }
}
