package io.datagen.job.schema;

import io.datagen.job.json.InvalidJsonException;
import io.datagen.job.json.JsonArray;
import io.datagen.job.json.JsonObject;
import io.datagen.job.json.JsonPath;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonTreeReader;
import io.datagen.job.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a schema file (docs/schema-format.md) into the {@link Schema} model: the top level, the
 * {@code database} object, {@code custom_types}, {@code sequences}, {@code extensions} and the
 * tables, collecting every problem with its JSON path and line:column instead of stopping at the
 * first. Unnamed constraints get the names PostgreSQL would give them. Semantic cross-checks (do
 * referenced tables exist? ...) are {@link SchemaValidator}'s job.
 */
public final class SchemaParser {
  static final String VERSION = "version";
  static final String DATABASE = "database";
  static final String TABLES = "tables";
  static final String SEQUENCES = "sequences";
  static final String CUSTOM_TYPES = "custom_types";
  static final String EXTENSIONS = "extensions";
  static final String DATABASE_NAME = "name";
  static final String ENCODING = "encoding";
  static final String LOCALE = "locale";

  /** The versions of the schema format this parser reads. */
  public static final List<String> SUPPORTED_VERSIONS = List.of("1.0");

  public static final String DEFAULT_ENCODING = "UTF8";

  /**
   * Database encodings whose databases hold every text datagen writes: the archive's text is UTF-8,
   * and a SQL_ASCII database stores its bytes as they are.
   */
  static final java.util.Set<String> HONOURED_ENCODINGS = java.util.Set.of("UTF8", "SQL_ASCII");

  private static final Set<String> KEYS =
      Set.of(VERSION, DATABASE, TABLES, SEQUENCES, CUSTOM_TYPES, EXTENSIONS);
  private static final Set<String> DATABASE_KEYS = Set.of(DATABASE_NAME, ENCODING, LOCALE);
  private static final Pattern DATABASE_NAME_PATTERN = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  static final List<String> ENCODINGS =
      List.of(
          "UTF8",
          "SQL_ASCII",
          "LATIN1",
          "LATIN2",
          "LATIN3",
          "LATIN4",
          "LATIN5",
          "LATIN6",
          "LATIN7",
          "LATIN8",
          "LATIN9",
          "LATIN10",
          "WIN1250",
          "WIN1251",
          "WIN1252",
          "WIN1253",
          "WIN1254",
          "WIN1255",
          "WIN1256",
          "WIN1257",
          "WIN1258",
          "WIN866",
          "WIN874",
          "KOI8R",
          "KOI8U",
          "EUC_JP",
          "EUC_CN",
          "EUC_KR",
          "EUC_TW",
          "EUC_JIS_2004",
          "ISO_8859_5",
          "ISO_8859_6",
          "ISO_8859_7",
          "ISO_8859_8",
          "MULE_INTERNAL");

  /** A schema as far as it could be read, with everything found wrong so far. */
  record Outcome(Schema schema, Problems problems, ParseDamage damage, Locator locator) {}

  private final Problems problems = new Problems();
  private final ParseDamage damage = new ParseDamage();

  private SchemaParser() {}

  /**
   * Parses schema text without the semantic checks of {@link SchemaValidator} (use {@link
   * SchemaLoader} for both).
   *
   * @return the schema and the warnings found while reading it
   * @throws SchemaException listing every problem, if the text is not a valid schema
   */
  public static LoadedSchema parse(String text, String source) {
    Outcome outcome = read(text, source);
    if (outcome.problems().hasErrors()) {
      throw new SchemaException(source, outcome.problems().all());
    }
    return new LoadedSchema(outcome.schema(), outcome.problems().warnings());
  }

  /** Reads the text; JSON syntax errors become a {@link SchemaException} at once. */
  static Outcome read(String text, String source) {
    JsonValue root;
    try {
      root = JsonTreeReader.read(text, source);
    } catch (InvalidJsonException e) {
      List<SchemaProblem> syntax =
          e.problems().stream()
              .map(p -> SchemaProblem.error(p.path(), p.location(), "invalid JSON: " + p.message()))
              .toList();
      SchemaException schemaException = new SchemaException(source, syntax);
      schemaException.initCause(e);
      throw schemaException;
    }
    return fromJson(root);
  }

  /**
   * PostgreSQL text cannot hold a NUL character (U+0000), and every string of a schema ends up in
   * the database as a name, a value or SQL text: refuse it wherever it is, key or value.
   */
  private void refuseNulCharacters(JsonValue node) {
    if (node instanceof JsonString string && string.value().indexOf('\0') >= 0) {
      problems.error(
          string,
          "the text contains a NUL character (\\u0000), which PostgreSQL cannot store; remove it");
    } else if (node instanceof JsonObject object) {
      object
          .members()
          .forEach(
              (key, value) -> {
                if (key.indexOf('\0') >= 0) {
                  problems.error(
                      value,
                      "the key of this member contains a NUL character (\\u0000), which"
                          + " PostgreSQL cannot store; remove it");
                }
                refuseNulCharacters(value);
              });
    } else if (node instanceof JsonArray array) {
      array.elements().forEach(this::refuseNulCharacters);
    }
  }

  /** Reads an already parsed tree. */
  static Outcome fromJson(JsonValue root) {
    SchemaParser parser = new SchemaParser();
    Schema schema = parser.schema(root);
    return new Outcome(schema, parser.problems, parser.damage, Locator.of(root));
  }

  private Schema schema(JsonValue root) {
    refuseNulCharacters(root);
    JsonObject object = JsonFields.asObject(root, "the schema", problems);
    if (object == null) {
      return null;
    }
    JsonFields fields = new JsonFields(object, "the schema", KEYS, problems);
    String version = version(fields);
    DatabaseSpec database = database(fields);
    Map<QualifiedName, JsonValue> typeNodes =
        named(fields.optionalObject(CUSTOM_TYPES), "custom types");
    CustomTypeParser typeParser = new CustomTypeParser(problems);
    Map<QualifiedName, TypeKind> kinds = new LinkedHashMap<>();
    typeNodes.forEach(
        (name, node) -> {
          TypeKind kind = typeParser.kindOf(node);
          if (kind != null) {
            kinds.put(name, kind);
          }
        });
    PgTypeParser types = new PgTypeParser(kinds);
    List<CustomTypeSpec> customTypes = new ArrayList<>();
    typeNodes.forEach(
        (name, node) -> {
          CustomTypeSpec type = typeParser.fromJson(name, node, types);
          if (type == null) {
            damage.markBrokenType(name);
          } else {
            customTypes.add(type);
          }
        });
    SequenceParser sequenceParser = new SequenceParser(problems);
    List<SequenceSpec> sequences = new ArrayList<>();
    named(fields.optionalObject(SEQUENCES), "sequences")
        .forEach(
            (name, node) -> {
              SequenceSpec sequence = sequenceParser.fromJson(name, node);
              if (sequence != null) {
                sequences.add(sequence);
              }
            });
    List<String> extensions = extensions(fields);
    List<TableSpec> tables =
        ConstraintNamer.assignNames(tables(fields, types), sequences, customTypes);
    return new Schema(version, database, tables, sequences, customTypes, extensions);
  }

  private String version(JsonFields fields) {
    String version = fields.requiredString(VERSION, "\"1.0\"");
    if (version != null && !SUPPORTED_VERSIONS.contains(version.strip())) {
      problems.error(
          fields.get(VERSION).orElseThrow(),
          "unsupported version \""
              + version
              + "\"; this datagen reads version "
              + String.join(", ", SUPPORTED_VERSIONS)
              + " (write \"version\": \"1.0\")");
    }
    return SUPPORTED_VERSIONS.get(0);
  }

  private DatabaseSpec database(JsonFields top) {
    DatabaseSpec placeholder = new DatabaseSpec("datagen", DEFAULT_ENCODING, null);
    JsonValue node = top.get(DATABASE).orElse(null);
    if (node == null) {
      top.missing(DATABASE, "{\"name\": \"shop\"}");
      return placeholder;
    }
    JsonObject object = JsonFields.asObject(node, "\"database\"", problems);
    if (object == null) {
      return placeholder;
    }
    JsonFields fields = new JsonFields(object, "database", DATABASE_KEYS, problems);
    String name = fields.requiredString(DATABASE_NAME, "\"shop\"");
    if (name != null
        && (!DATABASE_NAME_PATTERN.matcher(name).matches()
            || PostgresNames.byteLength(name) > PostgresNames.MAX_IDENTIFIER_BYTES)) {
      problems.error(
          fields.get(DATABASE_NAME).orElseThrow(),
          "invalid database name \""
              + name
              + "\"; use up to "
              + PostgresNames.MAX_IDENTIFIER_BYTES
              + " letters, digits and underscores, starting with a letter or"
              + " underscore, e.g. \""
              + suggestIdentifier(name)
              + "\"");
      name = null;
    }
    String encoding = encoding(fields);
    String locale = fields.optionalString(LOCALE);
    return name == null ? placeholder : new DatabaseSpec(name, encoding, locale);
  }

  private String encoding(JsonFields fields) {
    String encoding = fields.optionalString(ENCODING);
    if (encoding == null) {
      return DEFAULT_ENCODING;
    }
    String normalized =
        encoding.strip().toUpperCase(Locale.ROOT).replace("UTF-8", "UTF8").replace('-', '_');
    if (!ENCODINGS.contains(normalized)) {
      problems.error(
          fields.get(ENCODING).orElseThrow(),
          "unknown encoding \""
              + encoding
              + "\""
              + DidYouMean.suffix(normalized, ENCODINGS)
              + " Use a PostgreSQL server encoding such as UTF8");
      return DEFAULT_ENCODING;
    }
    if (!HONOURED_ENCODINGS.contains(normalized)) {
      problems.error(
          fields.get(ENCODING).orElseThrow(),
          "database encoding "
              + normalized
              + " cannot be honoured: datagen writes UTF-8 text (dictionary words, names, your"
              + " values) that "
              + normalized
              + " cannot always hold. Use UTF8 (or SQL_ASCII); to fill a "
              + normalized
              + " database, restore the UTF8 archive into it with pg_restore, which converts"
              + " every character that fits and stops at the first that does not");
      return DEFAULT_ENCODING;
    }
    return normalized;
  }

  private static String suggestIdentifier(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
    if (cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0))) {
      cleaned = "db_" + cleaned;
    }
    return PostgresNames.clip(cleaned, PostgresNames.MAX_IDENTIFIER_BYTES);
  }

  private List<String> extensions(JsonFields fields) {
    JsonArray array = fields.optionalArray(EXTENSIONS);
    Set<String> extensions = new LinkedHashSet<>();
    if (array == null) {
      return List.of();
    }
    for (JsonValue element : array.elements()) {
      if (element instanceof JsonString name && !name.value().isBlank()) {
        if (!extensions.add(name.value().strip())) {
          problems.warning(element, "extension \"" + name.value() + "\" is listed twice");
        }
      } else {
        problems.error(
            element,
            "expected an extension name such as \"uuid-ossp\", got " + JsonFields.article(element));
      }
    }
    return List.copyOf(extensions);
  }

  /**
   * The members of an object of named things, by qualified name ({@code name} or {@code
   * schema.name}).
   */
  private Map<QualifiedName, JsonValue> named(JsonObject object, String what) {
    Map<QualifiedName, JsonValue> named = new LinkedHashMap<>();
    if (object == null) {
      return named;
    }
    object
        .members()
        .forEach(
            (text, node) -> {
              QualifiedName name = TableNames.parse(text, node, problems);
              if (name != null && named.putIfAbsent(name, node) != null) {
                problems.error(
                    node,
                    "\""
                        + text
                        + "\" names the same object as another entry of "
                        + what
                        + " (\""
                        + name.schema()
                        + "."
                        + name.name()
                        + "\"); keep only one");
              }
            });
    return named;
  }

  private List<TableSpec> tables(JsonFields fields, PgTypeParser types) {
    if (fields.get(TABLES).isEmpty()) {
      fields.missing(TABLES, "{\"users\": {\"columns\": {...}, \"row_count\": 1000}}");
    }
    JsonObject object = fields.optionalObject(TABLES);
    Map<QualifiedName, JsonValue> nodes = named(object, "tables");
    if (object != null && object.members().isEmpty()) {
      problems.error(object, "the schema has no tables; add at least one under \"tables\"");
    }
    TableParser tableParser = new TableParser(types, problems, damage);
    List<TableParser.ParsedTable> parsed = new ArrayList<>();
    nodes.forEach(
        (name, node) -> {
          TableParser.ParsedTable table = tableParser.fromJson(name, node);
          if (table == null) {
            damage.markBroken(name);
          } else {
            parsed.add(table);
          }
        });
    List<TableSpec> tables = new ArrayList<>();
    for (TableParser.ParsedTable table : parsed) {
      List<ForeignKeySpec> foreignKeys = new ArrayList<>();
      for (ConstraintParser.ForeignKeyDraft draft : table.foreignKeys()) {
        ForeignKeySpec fk = foreignKey(draft, parsed);
        if (fk != null) {
          foreignKeys.add(fk);
        }
      }
      TableSpec t = table.spec();
      tables.add(
          new TableSpec(
              t.name(),
              t.columns(),
              t.rowCount(),
              t.primaryKey(),
              foreignKeys,
              t.uniqueConstraints(),
              t.checkConstraints(),
              t.indexes(),
              t.comment(),
              t.path()));
    }
    return tables;
  }

  /** A foreign key whose referenced columns default to the referenced table's primary key. */
  private ForeignKeySpec foreignKey(
      ConstraintParser.ForeignKeyDraft draft, List<TableParser.ParsedTable> tables) {
    List<String> referenced = draft.referencedColumns();
    if (referenced == null) {
      TableSpec parent =
          tables.stream()
              .map(TableParser.ParsedTable::spec)
              .filter(t -> t.name().equals(draft.referencedTable()))
              .findFirst()
              .orElse(null);
      if (parent == null) {
        referenced = draft.columns(); // the validator reports the missing table
      } else if (parent.primaryKey().size() != draft.columns().size()) {
        problems.error(
            JsonPath.member(draft.path(), ConstraintParser.REFERENCED_COLUMNS),
            draft.location(),
            "the foreign key gives no referenced_columns and table \""
                + parent.name()
                + "\" has "
                + (parent.primaryKey().isEmpty()
                    ? "no primary key"
                    : "the primary key " + parent.primaryKey())
                + ", which does not match the "
                + draft.columns().size()
                + " column(s) "
                + draft.columns()
                + "; add \"referenced_columns\"");
        return null;
      } else {
        referenced = parent.primaryKey();
      }
    }
    return new ForeignKeySpec(
        draft.name(),
        draft.columns(),
        draft.referencedTable(),
        referenced,
        draft.onDelete(),
        draft.onUpdate(),
        draft.distribution(),
        draft.nullRatio(),
        draft.path());
  }
}
