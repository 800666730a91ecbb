package io.datagen.job.schema;

import io.datagen.job.json.JsonPath;
import io.datagen.job.json.JsonString;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The semantic checks that need the whole schema: names that must exist (with a did-you-mean),
 * foreign keys PostgreSQL would accept and datagen can fill, identifiers PostgreSQL would truncate,
 * keys whose values cannot all be distinct. All problems are reported at once.
 */
public final class SchemaValidator {
  private static final Pattern NEXTVAL =
      Pattern.compile("(?i)nextval\\s*\\(\\s*'((?:[^']|'')+)'(?:\\s*::\\s*regclass)?\\s*\\)");
  private static final String SEQUENCE_GENERATOR = "sequence";
  private static final String SEQUENCE_CONFIG_KEY = "sequence";

  private final Schema schema;
  private final ParseDamage damage;
  private final Locator locator;
  private final Problems problems;
  private final ForeignKeyChecks foreignKeys;

  private SchemaValidator(Schema schema, ParseDamage damage, Locator locator, Problems problems) {
    this.schema = schema;
    this.damage = damage;
    this.locator = locator;
    this.problems = problems;
    this.foreignKeys = new ForeignKeyChecks(schema, damage, this::error, this::warning);
  }

  /** Checks a schema built or changed in code; problems carry paths but no line:column. */
  public static List<SchemaProblem> validate(Schema schema) {
    Problems problems = new Problems();
    validate(schema, ParseDamage.none(), Locator.none(), problems);
    return problems.all();
  }

  static void validate(Schema schema, ParseDamage damage, Locator locator, Problems problems) {
    new SchemaValidator(schema, damage, locator, problems).run();
  }

  private void run() {
    identifierLength(
        JsonPath.member(JsonPath.ROOT, SchemaParser.DATABASE) + ".name",
        "database name",
        schema.database().name());
    schema.customTypes().forEach(this::customType);
    schema.sequences().forEach(s -> qualifiedNameLength(s.path(), "sequence", s.name()));
    relationNames();
    for (TableSpec table : schema.tables()) {
      table(table);
    }
    extensionsForTypes();
    totalRows();
  }

  /**
   * Row counts are added in many places (plans, summaries, manifests): their sum must be a long.
   */
  private void totalRows() {
    long total = 0;
    for (TableSpec table : schema.tables()) {
      try {
        total = Math.addExact(total, table.rowCount());
      } catch (ArithmeticException e) {
        error(
            JsonPath.member(JsonPath.ROOT, SchemaParser.TABLES),
            "the tables have more than "
                + String.format(java.util.Locale.ROOT, "%,d", Long.MAX_VALUE)
                + " rows together, more than any count can hold; lower the row counts");
        return;
      }
    }
  }

  private void table(TableSpec table) {
    qualifiedNameLength(table.path(), "table", table.name());
    for (ColumnSpec column : table.columns()) {
      column(table, column);
    }
    String keyPath = JsonPath.member(table.path(), TableParser.PRIMARY_KEY);
    columnsExist(table, table.primaryKey(), keyPath, "primary key");
    Set<String> constraintNames = new HashSet<>();
    for (UniqueSpec unique : table.uniqueConstraints()) {
      columnsExist(
          table,
          unique.columns(),
          JsonPath.member(unique.path(), ConstraintParser.COLUMNS),
          "unique constraint");
      distinctColumns(unique.columns(), unique.path(), "unique constraint");
      constraintName(constraintNames, unique.name(), unique.path());
      if (unique.columns().equals(table.primaryKey())) {
        warning(
            unique.path(),
            "unique constraint \""
                + unique.name()
                + "\" repeats the primary key of table \""
                + table.name()
                + "\"; it is redundant");
      }
    }
    for (CheckSpec check : table.checkConstraints()) {
      constraintName(constraintNames, check.name(), check.path());
    }
    for (ForeignKeySpec fk : table.foreignKeys()) {
      constraintName(constraintNames, fk.name(), fk.path());
      columnsExist(
          table, fk.columns(), JsonPath.member(fk.path(), ConstraintParser.COLUMNS), "foreign key");
      foreignKeys.check(table, fk);
    }
    for (IndexSpec index : table.indexes()) {
      identifierLength(index.path(), "index name", index.name());
      columnsExist(
          table, index.columns(), JsonPath.member(index.path(), ConstraintParser.COLUMNS), "index");
      List<PgType> types = new ArrayList<>();
      for (String name : index.columns()) {
        table.column(name).ifPresent(c -> types.add(foreignKeys.resolve(c.type())));
      }
      if (types.size() == index.columns().size()) {
        String problem = IndexMethods.problem(index, types, schema.extensions());
        if (problem != null) {
          error(
              JsonPath.member(index.path(), ConstraintParser.TYPE),
              "index \"" + index.name() + "\": " + problem);
        }
      }
    }
    UniquenessCheck.check(schema, table, this::error);
    keysHaveBtree(table);
  }

  /**
   * Primary keys and unique constraints are btree indexes: a column whose type has no btree
   * operator class (json, xml, point) cannot be in one, and the restore would fail at the
   * constraint.
   */
  private void keysHaveBtree(TableSpec table) {
    Set<String> keyed = new java.util.LinkedHashSet<>(table.primaryKey());
    table.columns().stream().filter(ColumnSpec::unique).forEach(c -> keyed.add(c.name()));
    table.uniqueConstraints().forEach(u -> keyed.addAll(u.columns()));
    for (String name : keyed) {
      ColumnSpec column = table.column(name).orElse(null);
      if (column == null) {
        continue; // reported as a missing column
      }
      PgType type = foreignKeys.resolve(column.type());
      if (!IndexMethods.hasDefaultOperatorClass("btree", type, schema.extensions())) {
        error(
            column.path(),
            "column \""
                + column.name()
                + "\" ("
                + ForeignKeyChecks.describe(column.type())
                + ") cannot be in a primary key or unique constraint: its type has no btree"
                + " operator class, so PostgreSQL cannot build the index"
                + (type.kind() == TypeKind.JSON ? "; use jsonb" : "; use another column or type"));
      }
    }
  }

  private void column(TableSpec table, ColumnSpec column) {
    identifierLength(column.path(), "column name", column.name());
    if (!column.nullable() && column.nullRatio() > 0) {
      error(
          JsonPath.member(column.path(), ColumnParser.NULL_RATIO),
          "column \""
              + column.name()
              + "\" is NOT NULL"
              + (column.primaryKey() ? " (it is in the primary key)" : "")
              + " but has null_ratio "
              + column.nullRatio()
              + "; remove null_ratio or make the column nullable");
    }
    PgType type = column.type();
    if (type.customName() != null
        && schema.customType(type.customName()).isEmpty()
        && !damage.isBrokenType(type.customName())) {
      error(
          JsonPath.member(column.path(), ColumnParser.TYPE),
          "custom type \"" + type.customName() + "\" is not defined; add it under custom_types");
    }
    if (column.defaultExpression() != null) {
      extensionFunctions(
          column.defaultExpression(), JsonPath.member(column.path(), ColumnParser.DEFAULT));
      Matcher nextval = NEXTVAL.matcher(column.defaultExpression());
      while (nextval.find()) {
        sequenceExists(
            table,
            nextval.group(1).replace("''", "'"),
            JsonPath.member(column.path(), ColumnParser.DEFAULT));
      }
    }
    if (SEQUENCE_GENERATOR.equals(column.generator())
        && column.generatorConfig() != null
        && column.generatorConfig().get(SEQUENCE_CONFIG_KEY).orElse(null)
            instanceof JsonString name) {
      sequenceExists(table, name.value(), name.path());
    }
  }

  private void customType(CustomTypeSpec type) {
    qualifiedNameLength(type.path(), "type", type.name());
    switch (type.kind()) {
      case ENUM -> {
        String valuesPath = JsonPath.member(type.path(), CustomTypeParser.VALUES);
        if (type.enumValues().isEmpty()) {
          error(
              valuesPath,
              "enum \"" + type.name() + "\" has no labels; list at least one in \"values\"");
        }
        Set<String> seen = new HashSet<>();
        for (String label : type.enumValues()) {
          if (!seen.add(label)) {
            error(
                valuesPath, "enum \"" + type.name() + "\" lists the label \"" + label + "\" twice");
          }
          identifierLength(valuesPath, "enum label", label);
        }
      }
      case COMPOSITE -> {
        Set<String> seen = new HashSet<>();
        for (CustomTypeSpec.Field field : type.fields()) {
          if (!seen.add(field.name())) {
            error(
                type.path(),
                "composite type \""
                    + type.name()
                    + "\" has two fields named \""
                    + field.name()
                    + "\"");
          }
          identifierLength(type.path(), "field name", field.name());
          if (type.name().equals(field.type().customName())) {
            error(
                type.path(),
                "composite type \""
                    + type.name()
                    + "\" cannot contain itself (field \""
                    + field.name()
                    + "\")");
          }
          typeDefined(field.type(), type.path());
        }
      }
      default ->
          typeDefined(type.baseType(), JsonPath.member(type.path(), CustomTypeParser.BASE_TYPE));
    }
  }

  private void typeDefined(PgType type, String path) {
    if (type.customName() != null
        && schema.customType(type.customName()).isEmpty()
        && !damage.isBrokenType(type.customName())) {
      error(
          path,
          "custom type \"" + type.customName() + "\" is not defined; add it under custom_types");
    }
  }

  /** Tables, sequences, indexes and index-backed constraints share one name space per schema. */
  private void relationNames() {
    Map<String, String> owners = new HashMap<>();
    for (TableSpec table : schema.tables()) {
      claim(
          owners,
          table.name().schema(),
          table.name().name(),
          "table \"" + table.name() + "\"",
          table.path());
      for (ColumnSpec column : table.columns()) {
        if (column.type().serial()) {
          owners.putIfAbsent(
              table.name().schema()
                  + "."
                  + PostgresNames.serialSequenceName(table.name().name(), column.name()),
              "the sequence of serial column " + table.name() + "." + column.name());
        }
      }
    }
    for (SequenceSpec sequence : schema.sequences()) {
      claim(
          owners,
          sequence.name().schema(),
          sequence.name().name(),
          "sequence \"" + sequence.name() + "\"",
          sequence.path());
    }
    for (TableSpec table : schema.tables()) {
      if (!table.primaryKey().isEmpty()) {
        claim(
            owners,
            table.name().schema(),
            table.primaryKeyName(),
            "the primary key of table \"" + table.name() + "\"",
            table.path());
      }
      for (UniqueSpec unique : table.uniqueConstraints()) {
        claim(
            owners,
            table.name().schema(),
            unique.name(),
            "unique constraint \"" + unique.name() + "\"",
            unique.path());
      }
      for (IndexSpec index : table.indexes()) {
        claim(
            owners,
            table.name().schema(),
            index.name(),
            "index \"" + index.name() + "\"",
            index.path());
      }
    }
  }

  private void claim(
      Map<String, String> owners, String schemaName, String name, String owner, String path) {
    String previous = owners.putIfAbsent(schemaName + "." + name, owner);
    if (previous != null) {
      error(
          path,
          "the name \""
              + name
              + "\" of "
              + owner
              + " is already used by "
              + previous
              + "; PostgreSQL needs distinct names for tables, sequences and indexes in one schema, so rename one");
    }
  }

  private void constraintName(Set<String> names, String name, String path) {
    identifierLength(path, "constraint name", name);
    if (!names.add(name)) {
      error(path, "the table has two constraints named \"" + name + "\"; rename one");
    }
  }

  private void columnsExist(TableSpec table, List<String> columns, String path, String what) {
    List<String> names = table.columns().stream().map(ColumnSpec::name).toList();
    for (String column : columns) {
      if (table.column(column).isEmpty()) {
        error(
            path,
            "the "
                + what
                + " names column \""
                + column
                + "\", which table \""
                + table.name()
                + "\" does not have"
                + DidYouMean.suffix(column, names)
                + " Columns: "
                + String.join(", ", names));
      }
    }
  }

  private void distinctColumns(List<String> columns, String path, String what) {
    if (new HashSet<>(columns).size() != columns.size()) {
      error(path, "the " + what + " lists a column twice: " + columns);
    }
  }

  private void sequenceExists(TableSpec from, String text, String path) {
    if (schema.resolveSequence(text, from.name().schema()).isPresent()) {
      return;
    }
    String plain = text.replace("\"", "");
    List<QualifiedName> candidates =
        plain.indexOf('.') >= 0
            ? List.of(QualifiedName.parse(plain))
            : List.of(
                new QualifiedName(from.name().schema(), plain),
                new QualifiedName(QualifiedName.DEFAULT_SCHEMA, plain));
    for (TableSpec table : schema.tables()) {
      for (ColumnSpec column : table.columns()) {
        for (QualifiedName name : candidates) {
          if (column.type().serial()
              && table.name().schema().equals(name.schema())
              && PostgresNames.serialSequenceName(table.name().name(), column.name())
                  .equals(name.name())) {
            return;
          }
        }
      }
    }
    List<String> known = schema.sequences().stream().map(s -> s.name().toString()).toList();
    error(
        path,
        "sequence \""
            + text
            + "\" is not defined"
            + DidYouMean.suffix(text, known)
            + " Declare it under \"sequences\"");
  }

  /**
   * Functions an expression calls that only an extension provides: the restore fails unless the
   * schema lists the extension, which the archive then creates.
   */
  private void extensionFunctions(String expression, String path) {
    List<SqlLexer.Token> tokens = SqlLexer.tokens(expression);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      SqlLexer.Token token = tokens.get(i);
      if (token.kind() != SqlLexer.Kind.IDENTIFIER || !tokens.get(i + 1).text().equals("(")) {
        continue;
      }
      String function = token.text().toLowerCase(java.util.Locale.ROOT);
      String extension = EXTENSION_FUNCTIONS.get(function);
      if (extension != null && !schema.extensions().contains(extension)) {
        error(
            path,
            function
                + "() comes from the extension "
                + extension
                + ", which the schema does not list; add \"extensions\": [\""
                + extension
                + "\"] so the archive creates it");
      }
    }
  }

  /** Functions of the contrib extensions that defaults commonly call, and their extension. */
  private static final Map<String, String> EXTENSION_FUNCTIONS =
      Map.ofEntries(
          Map.entry("uuid_generate_v1", "uuid-ossp"),
          Map.entry("uuid_generate_v1mc", "uuid-ossp"),
          Map.entry("uuid_generate_v3", "uuid-ossp"),
          Map.entry("uuid_generate_v4", "uuid-ossp"),
          Map.entry("uuid_generate_v5", "uuid-ossp"),
          Map.entry("uuid_nil", "uuid-ossp"),
          Map.entry("gen_random_bytes", "pgcrypto"),
          Map.entry("gen_salt", "pgcrypto"),
          Map.entry("crypt", "pgcrypto"),
          Map.entry("digest", "pgcrypto"),
          Map.entry("hmac", "pgcrypto"));

  private void extensionsForTypes() {
    boolean usesCitext =
        schema.tables().stream()
            .flatMap(t -> t.columns().stream())
            .anyMatch(c -> c.type().kind() == TypeKind.CITEXT);
    if (usesCitext && !schema.extensions().contains("citext")) {
      warning(
          JsonPath.member(JsonPath.ROOT, SchemaParser.EXTENSIONS),
          "a column has type citext but \"citext\" is"
              + " not listed in \"extensions\"; the restore needs the extension (add \"extensions\": [\"citext\"])");
    }
  }

  private void qualifiedNameLength(String path, String what, QualifiedName name) {
    identifierLength(path, "schema name", name.schema());
    identifierLength(path, what + " name", name.name());
    String schemaName = name.schema().toLowerCase(java.util.Locale.ROOT);
    if (schemaName.startsWith("pg_") || schemaName.equals("information_schema")) {
      error(
          path,
          "the "
              + what
              + " "
              + name
              + " would be in schema "
              + name.schema()
              + ", which belongs to PostgreSQL (schemas named pg_* are reserved); put it in public"
              + " or a schema of your own");
    }
  }

  private void identifierLength(String path, String what, String identifier) {
    int bytes = PostgresNames.byteLength(identifier);
    if (bytes > PostgresNames.MAX_IDENTIFIER_BYTES) {
      error(
          path,
          "the "
              + what
              + " \""
              + identifier
              + "\" is "
              + bytes
              + " bytes long; PostgreSQL would truncate it"
              + " to \""
              + PostgresNames.clip(identifier, PostgresNames.MAX_IDENTIFIER_BYTES)
              + "\" ("
              + PostgresNames.MAX_IDENTIFIER_BYTES
              + " bytes at most), so shorten it");
    }
  }

  private void error(String path, String message) {
    problems.error(path, locator.locate(path), message);
  }

  private void warning(String path, String message) {
    problems.warning(path, locator.locate(path), message);
  }

  /** Number of distinct values a key can take, for messages. */
  static String count(BigInteger value) {
    return String.format("%,d", value);
  }
}
