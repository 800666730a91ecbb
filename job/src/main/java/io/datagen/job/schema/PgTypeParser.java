package io.datagen.job.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a column type as written in SQL ({@code varchar(255)}, {@code NUMERIC( 10 , 2 )}, {@code
 * timestamp(3) with time zone}, {@code text[][]}, {@code integer ARRAY}, a custom type name) into a
 * {@link PgType}. Built-in names are case-insensitive; custom names are matched exactly first, then
 * case-insensitively (as an unquoted SQL name would be).
 */
public final class PgTypeParser {
  /** PostgreSQL's MAXDIM. */
  static final int MAX_ARRAY_DIMENSIONS = 6;

  static final int MAX_NUMERIC_PRECISION = 1000;
  static final int MAX_TIME_PRECISION = 6;
  static final int MAX_CHAR_LENGTH = 10_485_760;

  /** The type text is not a valid type; the message says why and what to write instead. */
  public static final class InvalidTypeException extends IllegalArgumentException {
    public InvalidTypeException(String message) {
      super(message);
    }
  }

  private enum Modifier {
    NONE,
    LENGTH,
    NUMERIC,
    FLOAT_BITS,
    TIME_PRECISION
  }

  private record BuiltIn(
      TypeKind kind, boolean serial, Modifier modifier, boolean timeZoneClause) {}

  private static final Map<String, BuiltIn> BUILT_INS = new LinkedHashMap<>();

  static {
    builtIn(TypeKind.SMALLINT, false, Modifier.NONE, "smallint", "int2");
    builtIn(TypeKind.INTEGER, false, Modifier.NONE, "integer", "int", "int4");
    builtIn(TypeKind.BIGINT, false, Modifier.NONE, "bigint", "int8");
    builtIn(TypeKind.INTEGER, true, Modifier.NONE, "serial", "serial4");
    builtIn(TypeKind.BIGINT, true, Modifier.NONE, "bigserial", "serial8");
    builtIn(TypeKind.SMALLINT, true, Modifier.NONE, "smallserial", "serial2");
    builtIn(TypeKind.NUMERIC, false, Modifier.NUMERIC, "numeric", "decimal");
    builtIn(TypeKind.REAL, false, Modifier.NONE, "real", "float4");
    builtIn(TypeKind.DOUBLE, false, Modifier.NONE, "double precision", "float8");
    builtIn(TypeKind.DOUBLE, false, Modifier.FLOAT_BITS, "float");
    builtIn(TypeKind.MONEY, false, Modifier.NONE, "money");
    builtIn(TypeKind.VARCHAR, false, Modifier.LENGTH, "varchar", "character varying");
    builtIn(TypeKind.CHAR, false, Modifier.LENGTH, "char", "character", "bpchar");
    builtIn(TypeKind.TEXT, false, Modifier.NONE, "text");
    builtIn(TypeKind.CITEXT, false, Modifier.NONE, "citext");
    builtIn(TypeKind.BOOLEAN, false, Modifier.NONE, "boolean", "bool");
    builtIn(TypeKind.DATE, false, Modifier.NONE, "date");
    BUILT_INS.put("time", new BuiltIn(TypeKind.TIME, false, Modifier.TIME_PRECISION, true));
    builtIn(TypeKind.TIMETZ, false, Modifier.TIME_PRECISION, "timetz");
    BUILT_INS.put(
        "timestamp", new BuiltIn(TypeKind.TIMESTAMP, false, Modifier.TIME_PRECISION, true));
    builtIn(TypeKind.TIMESTAMPTZ, false, Modifier.TIME_PRECISION, "timestamptz");
    builtIn(TypeKind.INTERVAL, false, Modifier.TIME_PRECISION, "interval");
    builtIn(TypeKind.UUID, false, Modifier.NONE, "uuid");
    builtIn(TypeKind.JSON, false, Modifier.NONE, "json");
    builtIn(TypeKind.JSONB, false, Modifier.NONE, "jsonb");
    builtIn(TypeKind.BYTEA, false, Modifier.NONE, "bytea");
    builtIn(TypeKind.INET, false, Modifier.NONE, "inet");
    builtIn(TypeKind.CIDR, false, Modifier.NONE, "cidr");
    builtIn(TypeKind.MACADDR, false, Modifier.NONE, "macaddr");
    builtIn(TypeKind.POINT, false, Modifier.NONE, "point");
    builtIn(TypeKind.TSVECTOR, false, Modifier.NONE, "tsvector");
    builtIn(TypeKind.XML, false, Modifier.NONE, "xml");
  }

  private static void builtIn(TypeKind kind, boolean serial, Modifier modifier, String... names) {
    for (String name : names) {
      BUILT_INS.put(name, new BuiltIn(kind, serial, modifier, false));
    }
  }

  /** Types of other databases, and what to write in PostgreSQL instead. */
  private static final Map<String, String> FOREIGN_TYPE_HINTS =
      Map.ofEntries(
          Map.entry("datetime", "use timestamp (or timestamptz for a point in time)"),
          Map.entry("datetime2", "use timestamp (or timestamptz for a point in time)"),
          Map.entry("smalldatetime", "use timestamp"),
          Map.entry("tinyint", "use smallint (or boolean for a tinyint(1) flag)"),
          Map.entry("mediumint", "use integer"),
          Map.entry("tinytext", "use text"),
          Map.entry("mediumtext", "use text"),
          Map.entry("longtext", "use text"),
          Map.entry("ntext", "use text"),
          Map.entry("clob", "use text"),
          Map.entry("string", "use text (or varchar(n) to limit the length)"),
          Map.entry("double", "use double precision"),
          Map.entry("blob", "use bytea"),
          Map.entry("tinyblob", "use bytea"),
          Map.entry("mediumblob", "use bytea"),
          Map.entry("longblob", "use bytea"),
          Map.entry("binary", "use bytea"),
          Map.entry("varbinary", "use bytea"),
          Map.entry("nvarchar", "use varchar(n)"),
          Map.entry("varchar2", "use varchar(n)"),
          Map.entry("nvarchar2", "use varchar(n)"),
          Map.entry("nchar", "use char(n)"),
          Map.entry("number", "use numeric(p,s)"),
          Map.entry("year", "use smallint (or date)"),
          Map.entry("bit", "use boolean"),
          Map.entry("uniqueidentifier", "use uuid"),
          Map.entry(
              "enum",
              "declare the labels once under custom_types "
                  + "({\"kind\": \"enum\", \"definition\": {\"values\": [...]}}) and use that type's name"),
          Map.entry("set", "use an array such as text[]"));

  private static final Pattern BRACKET_SUFFIX =
      Pattern.compile("^(.*?)\\s*\\[\\s*(\\d*)\\s*\\]$", Pattern.DOTALL);
  private static final Pattern ARRAY_KEYWORD =
      Pattern.compile(
          "^(.+?)\\s+array\\s*(\\[\\s*\\d*\\s*\\])?$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TIME_ZONE_CLAUSE =
      Pattern.compile("^(.*?)\\s+(with|without) time zone$");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  private final Map<QualifiedName, TypeKind> customTypes;

  /**
   * @param customTypes the names and kinds of the schema's {@code custom_types}
   */
  public PgTypeParser(Map<QualifiedName, TypeKind> customTypes) {
    this.customTypes = Map.copyOf(customTypes);
  }

  /** A parser that knows only the built-in types. */
  public static PgTypeParser builtInOnly() {
    return new PgTypeParser(Map.of());
  }

  /** The built-in type names this parser accepts, lower case. */
  public static List<String> builtInNames() {
    return List.copyOf(BUILT_INS.keySet());
  }

  /**
   * Parses {@code text}.
   *
   * @throws InvalidTypeException with a message that says what is wrong and what to write instead
   */
  public PgType parse(String text) {
    Objects.requireNonNull(text, "text");
    String rest = text.strip();
    if (rest.isEmpty()) {
      throw new InvalidTypeException(
          "the type is empty; write a PostgreSQL type such as \"integer\" or \"text\"");
    }
    int dimensions = 0;
    Matcher keyword = ARRAY_KEYWORD.matcher(rest);
    if (keyword.matches()) {
      rest = keyword.group(1).strip();
      dimensions = 1;
    } else {
      for (Matcher m = BRACKET_SUFFIX.matcher(rest);
          m.matches();
          m = BRACKET_SUFFIX.matcher(rest)) {
        rest = m.group(1).strip();
        dimensions++;
      }
    }
    if (dimensions > MAX_ARRAY_DIMENSIONS) {
      throw new InvalidTypeException(
          "type \""
              + text.strip()
              + "\" has "
              + dimensions
              + " array dimensions; PostgreSQL allows at most "
              + MAX_ARRAY_DIMENSIONS);
    }
    if (rest.isEmpty() || rest.contains("[") || rest.contains("]")) {
      throw new InvalidTypeException(
          "cannot read type \""
              + text.strip()
              + "\"; write arrays as an element type followed by [] per dimension, e.g. \"integer[]\" or \"text[][]\"");
    }
    PgType scalar = parseScalar(rest, text.strip());
    if (dimensions == 0) {
      return scalar;
    }
    if (scalar.serial()) {
      throw new InvalidTypeException(
          "type \""
              + text.strip()
              + "\" is not valid: serial types cannot be arrays; use integer[] / bigint[] / smallint[]");
    }
    return new PgType(
        scalar.kind(),
        scalar.customName(),
        scalar.length(),
        scalar.precision(),
        scalar.scale(),
        dimensions,
        false);
  }

  private PgType parseScalar(String written, String whole) {
    String name = written;
    String modifiers = null;
    String suffix = "";
    int open = written.indexOf('(');
    if (open >= 0) {
      int close = written.indexOf(')', open);
      if (close < 0) {
        throw new InvalidTypeException("type \"" + whole + "\" is missing a closing parenthesis");
      }
      name = written.substring(0, open).strip();
      modifiers = written.substring(open + 1, close).strip();
      suffix = normalize(written.substring(close + 1));
    }
    String normalized = normalize(name);
    if (normalized.startsWith("pg_catalog.")
        && BUILT_INS.containsKey(normalized.substring("pg_catalog.".length()))) {
      normalized = normalized.substring("pg_catalog.".length());
    }
    if (modifiers == null) {
      Matcher zone = TIME_ZONE_CLAUSE.matcher(normalized);
      if (zone.matches() && BUILT_INS.containsKey(zone.group(1))) {
        normalized = zone.group(1);
        suffix = zone.group(2) + " time zone";
      }
    }
    BuiltIn builtIn = BUILT_INS.get(normalized);
    if (builtIn != null) {
      return builtIn(builtIn, normalized, modifiers, suffix, whole);
    }
    if (modifiers == null && suffix.isEmpty()) {
      PgType custom = customType(name);
      if (custom != null) {
        return custom;
      }
    } else if (customType(name) != null) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: custom type \""
              + name
              + "\" does not take a modifier; write just \""
              + name
              + "\"");
    }
    throw new InvalidTypeException(unknownTypeMessage(whole, normalized));
  }

  private PgType builtIn(
      BuiltIn builtIn, String name, String modifiers, String suffix, String whole) {
    TypeKind kind = builtIn.kind();
    if (foreignTypeHint(suffix) != null) {
      throw new InvalidTypeException("unknown type \"" + whole + "\": " + foreignTypeHint(suffix));
    }
    if (!suffix.isEmpty()) {
      if (!builtIn.timeZoneClause()
          || !(suffix.equals("with time zone") || suffix.equals("without time zone"))) {
        throw new InvalidTypeException(
            "type \""
                + whole
                + "\" is not valid: unexpected \""
                + suffix
                + "\"; only time and timestamp take WITH/WITHOUT TIME ZONE");
      }
      if (suffix.equals("with time zone")) {
        kind = kind == TypeKind.TIME ? TypeKind.TIMETZ : TypeKind.TIMESTAMPTZ;
      }
    }
    List<Integer> values = modifiers == null ? List.of() : integers(modifiers, whole);
    if (modifiers != null && builtIn.modifier() == Modifier.NONE) {
      String hint =
          builtIn.kind().isInteger() && !builtIn.serial()
              ? " (a MySQL display width like int(11) means nothing in PostgreSQL); write just \""
                  + name
                  + "\""
              : "; write just \"" + name + "\"";
      throw new InvalidTypeException(
          "type \"" + whole + "\" is not valid: " + name + " does not take a modifier" + hint);
    }
    return switch (builtIn.modifier()) {
      case NONE -> new PgType(kind, null, null, null, null, 0, builtIn.serial());
      case LENGTH -> lengthType(kind, name, values, whole);
      case NUMERIC -> numericType(values, whole);
      case FLOAT_BITS -> floatType(values, whole);
      case TIME_PRECISION -> timeType(kind, name, values, whole);
    };
  }

  private static PgType lengthType(TypeKind kind, String name, List<Integer> values, String whole) {
    if (values.size() > 1) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: "
              + name
              + " takes one length, e.g. "
              + name
              + "(255)");
    }
    Integer length = values.isEmpty() ? null : values.get(0);
    if (length == null && (name.equals("char") || name.equals("character"))) {
      length = 1; // as in PostgreSQL: char without a length is char(1)
    }
    if (length != null && (length < 1 || length > MAX_CHAR_LENGTH)) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: the length of "
              + name
              + " must be between 1 and "
              + MAX_CHAR_LENGTH
              + ", got "
              + length);
    }
    return new PgType(kind, null, length, null, null, 0, false);
  }

  private static PgType numericType(List<Integer> values, String whole) {
    if (values.size() > 2) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: numeric takes a precision and an optional scale, e.g. numeric(10,2)");
    }
    Integer precision = values.isEmpty() ? null : values.get(0);
    Integer scale = values.size() == 2 ? values.get(1) : (precision == null ? null : 0);
    if (precision != null && (precision < 1 || precision > MAX_NUMERIC_PRECISION)) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: numeric precision must be between 1 and "
              + MAX_NUMERIC_PRECISION
              + ", got "
              + precision);
    }
    if (scale != null && (scale < 0 || scale > precision)) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: numeric scale must be between 0 and the"
              + " precision "
              + precision
              + ", got "
              + scale);
    }
    return new PgType(TypeKind.NUMERIC, null, null, precision, scale, 0, false);
  }

  private static PgType floatType(List<Integer> values, String whole) {
    if (values.isEmpty()) {
      return PgType.of(TypeKind.DOUBLE);
    }
    int bits = values.get(0);
    if (values.size() > 1 || bits < 1 || bits > 53) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: float(p) takes one precision in bits between 1 and 53");
    }
    return PgType.of(bits <= 24 ? TypeKind.REAL : TypeKind.DOUBLE); // as PostgreSQL maps float(p)
  }

  private static PgType timeType(TypeKind kind, String name, List<Integer> values, String whole) {
    if (values.size() > 1) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: "
              + name
              + " takes one fractional-seconds precision, e.g. "
              + name
              + "(3)");
    }
    Integer precision = values.isEmpty() ? null : values.get(0);
    if (precision != null && (precision < 0 || precision > MAX_TIME_PRECISION)) {
      throw new InvalidTypeException(
          "type \""
              + whole
              + "\" is not valid: the precision of "
              + name
              + " must be between 0 and "
              + MAX_TIME_PRECISION
              + ", got "
              + precision);
    }
    return new PgType(kind, null, null, precision, null, 0, false);
  }

  private static List<Integer> integers(String modifiers, String whole) {
    List<Integer> values = new ArrayList<>();
    for (String part : modifiers.split(",", -1)) {
      String trimmed = part.strip();
      if (!INTEGER.matcher(trimmed).matches() || trimmed.length() > 10) {
        throw new InvalidTypeException(
            "type \""
                + whole
                + "\" is not valid: the modifier \""
                + trimmed
                + "\" is not a whole number");
      }
      values.add(Integer.parseInt(trimmed));
    }
    return values;
  }

  private PgType customType(String written) {
    if (written.isEmpty() || written.chars().anyMatch(Character::isWhitespace)) {
      return null;
    }
    QualifiedName name = QualifiedName.parse(written);
    TypeKind kind = customTypes.get(name);
    if (kind != null) {
      return new PgType(kind, name, null, null, null, 0, false);
    }
    for (Map.Entry<QualifiedName, TypeKind> entry : customTypes.entrySet()) {
      QualifiedName candidate = entry.getKey();
      if (candidate.schema().equalsIgnoreCase(name.schema())
          && candidate.name().equalsIgnoreCase(name.name())) {
        return new PgType(entry.getValue(), candidate, null, null, null, 0, false);
      }
    }
    return null;
  }

  private String unknownTypeMessage(String whole, String normalized) {
    String hint = foreignTypeHint(normalized);
    if (hint != null) {
      return "unknown type \"" + whole + "\": " + hint;
    }
    List<String> known = new ArrayList<>(BUILT_INS.keySet());
    customTypes.keySet().forEach(n -> known.add(n.toString()));
    String suggestion = DidYouMean.suffix(normalized, known);
    String advice =
        "use a PostgreSQL type (see docs/schema-format.md) or a type declared under custom_types";
    return "unknown type \""
        + whole
        + "\""
        + suggestion
        + (suggestion.equals(".") ? " Use " : " Otherwise use ")
        + advice.substring("use ".length());
  }

  private static String foreignTypeHint(String normalized) {
    if (normalized.contains("auto_increment") || normalized.contains("autoincrement")) {
      return "PostgreSQL has no AUTO_INCREMENT; use serial or bigserial (an integer filled from a sequence)";
    }
    if (normalized.contains("unsigned")) {
      return "PostgreSQL has no unsigned integers; use the next wider type (smallint → integer, integer → bigint),"
          + " with a check constraint \"col >= 0\" if negatives must be excluded";
    }
    String hint = FOREIGN_TYPE_HINTS.get(normalized);
    return hint == null ? null : "PostgreSQL has no " + normalized + " type; " + hint;
  }

  private static String normalize(String text) {
    return text.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }
}
