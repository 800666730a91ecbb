package io.datagen.job.generate.compile;

import io.datagen.job.generate.NumberBounds;
import io.datagen.job.json.JsonNumber;
import io.datagen.job.json.JsonString;
import io.datagen.job.json.JsonValue;
import io.datagen.job.json.SourceLocation;
import io.datagen.job.schema.CheckSpec;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a table's CHECK constraints into what each column must satisfy. Understood shapes, alone or
 * joined with {@code AND} (parentheses and casts such as {@code ::numeric} allowed): {@code col >=
 * k}, {@code col > k}, {@code col <= k}, {@code col < k} (either side), {@code col BETWEEN a AND
 * b}, {@code col IN (…)}, {@code col = k}, {@code col_a <= col_b} (and {@code <}, {@code >=},
 * {@code >}), {@code length(col) <= n} / {@code < n} (also {@code char_length}), {@code col IS NOT
 * NULL}. Any other part is reported as a warning — the check stays in the DDL, and a row that
 * violates it would make the restore fail.
 */
final class CheckConstraints {
  private final TableSpec table;
  private final Problems problems;
  private final Builder[] columns;

  private CheckConstraints(TableSpec table, Problems problems) {
    this.table = table;
    this.problems = problems;
    this.columns = new Builder[table.columns().size()];
    for (int i = 0; i < columns.length; i++) {
      columns[i] = new Builder();
    }
  }

  /** What the checks demand of each column (warnings for what is not understood). */
  static ColumnChecks[] read(TableSpec table, Problems problems) {
    CheckConstraints reader = new CheckConstraints(table, problems);
    for (CheckSpec check : table.checkConstraints()) {
      reader.read(check);
    }
    reader.boundLowersByTheirUppers();
    ColumnChecks[] result = new ColumnChecks[reader.columns.length];
    for (int i = 0; i < result.length; i++) {
      result[i] = reader.columns[i].build();
    }
    return result;
  }

  /**
   * {@code low < high} (or {@code <=}) on whole-number columns also bounds {@code low} from above:
   * below the largest value {@code high} can take, by its own checks and its type. Without this a
   * {@code low} near the top of the type leaves no room for {@code high}, which would be raised
   * past its type (a smallint 32767 < 65339). Repeated so chains {@code a < b < c} carry through.
   */
  private void boundLowersByTheirUppers() {
    for (int round = 0; round < columns.length; round++) {
      boolean changed = false;
      for (int i = 0; i < columns.length; i++) {
        TypeKind kind = table.columns().get(i).type().kind();
        if (!kind.isInteger()) {
          continue;
        }
        long highest = Math.min(ColumnTypes.maxInteger(kind), columns[i].bounds.highestUnscaled(0));
        changed |=
            limit(columns[i].strictlyAbove, highest == Long.MIN_VALUE ? highest : highest - 1);
        changed |= limit(columns[i].notBelow, highest);
      }
      if (!changed) {
        return;
      }
    }
  }

  /** Bounds each named whole-number column by {@code at most}; whether any bound got tighter. */
  private boolean limit(List<String> names, long atMost) {
    boolean changed = false;
    for (String name : names) {
      int index = table.columnIndex(name);
      if (index < 0 || !table.columns().get(index).type().kind().isInteger()) {
        continue;
      }
      NumberBounds before = columns[index].bounds;
      NumberBounds after =
          before.intersect(new NumberBounds(null, false, BigDecimal.valueOf(atMost), false));
      if (!after.equals(before)) {
        columns[index].bounds = after;
        changed = true;
      }
    }
    return changed;
  }

  private static final class Builder {
    NumberBounds bounds = NumberBounds.ALL;
    List<JsonValue> allowed;
    int maxLength = -1;
    boolean notNull;
    final List<String> notBelow = new ArrayList<>();
    final List<String> strictlyAbove = new ArrayList<>();

    ColumnChecks build() {
      return new ColumnChecks(bounds, allowed, maxLength, notNull, notBelow, strictlyAbove);
    }
  }

  private void read(CheckSpec check) {
    List<List<Token>> parts;
    try {
      parts = conjuncts(SqlTokens.tokenize(check.expression()));
    } catch (IllegalArgumentException e) {
      warn(check, check.expression(), e.getMessage());
      return;
    }
    for (List<Token> part : parts) {
      String problem = apply(check, part);
      if (problem != null) {
        warn(check, SqlTokens.text(part), problem);
      }
    }
  }

  private void warn(CheckSpec check, String part, String why) {
    problems.warning(
        check.path(),
        SourceLocation.UNKNOWN,
        "Check constraint "
            + check.name()
            + " of table "
            + table.name()
            + ": '"
            + part
            + "' is not taken into account by the generators ("
            + why
            + "); it stays in"
            + " the DDL, and a row that violates it would make the restore fail");
  }

  /** Splits at top-level AND (not the AND of BETWEEN), removing enclosing parentheses. */
  static List<List<Token>> conjuncts(List<Token> tokens) {
    List<Token> t = unwrap(tokens);
    List<List<Token>> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean between = false;
    for (int i = 0; i < t.size(); i++) {
      Token token = t.get(i);
      if (token.is("(")) {
        depth++;
      } else if (token.is(")")) {
        depth--;
      } else if (depth == 0 && token.isWord("BETWEEN")) {
        between = true;
      } else if (depth == 0 && token.isWord("AND") && between) {
        between = false;
      } else if (depth == 0 && token.isWord("AND")) {
        parts.addAll(conjuncts(t.subList(start, i)));
        start = i + 1;
      }
    }
    if (start == 0) {
      parts.add(t);
    } else {
      parts.addAll(conjuncts(t.subList(start, t.size())));
    }
    return parts;
  }

  private static List<Token> unwrap(List<Token> tokens) {
    List<Token> t = tokens;
    while (t.size() >= 2 && t.get(0).is("(") && closing(t, 0) == t.size() - 1) {
      t = t.subList(1, t.size() - 1);
    }
    return t;
  }

  private static int closing(List<Token> t, int open) {
    int depth = 0;
    for (int i = open; i < t.size(); i++) {
      if (t.get(i).is("(")) {
        depth++;
      } else if (t.get(i).is(")") && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Applies one conjunct; returns why it is not understood, or null. */
  private String apply(CheckSpec check, List<Token> t) {
    if (t.isEmpty()) {
      return "empty expression";
    }
    if (t.stream().anyMatch(x -> x.isWord("OR"))) {
      return "OR is not supported";
    }
    // col IS NOT NULL
    if (t.size() == 4
        && t.get(0).identifier()
        && t.get(1).isWord("IS")
        && t.get(2).isWord("NOT")
        && t.get(3).isWord("NULL")) {
      Builder column = column(t.get(0));
      if (column == null) {
        return "unknown column " + t.get(0).text();
      }
      column.notNull = true;
      return null;
    }
    // col BETWEEN a AND b
    if (t.size() == 5
        && t.get(0).identifier()
        && t.get(1).isWord("BETWEEN")
        && t.get(3).isWord("AND")) {
      BigDecimal low = t.get(2).number();
      BigDecimal high = t.get(4).number();
      if (low == null || high == null) {
        return "BETWEEN is understood with numbers only";
      }
      return bound(check, t.get(0), new NumberBounds(low, false, high, false));
    }
    // col IN (a, b, …)
    if (t.size() >= 4
        && t.get(0).identifier()
        && t.get(1).isWord("IN")
        && t.get(2).is("(")
        && t.get(t.size() - 1).is(")")) {
      List<JsonValue> values = new ArrayList<>();
      for (int i = 3; i < t.size() - 1; i++) {
        Token v = t.get(i);
        if (i % 2 == 0) {
          if (!v.is(",")) {
            return "expected a list of constants";
          }
        } else if (v.constant()) {
          values.add(v.json(check.path()));
        } else {
          return "IN is understood with constants only";
        }
      }
      return allow(t.get(0), values);
    }
    if (t.size() != 3 || !t.get(1).comparison()) {
      return "not one of the understood shapes";
    }
    Token left = t.get(0);
    String op = t.get(1).text();
    Token right = t.get(2);
    if (left.constant() && !right.constant()) {
      Token swap = left;
      left = right;
      right = swap;
      op = SqlTokens.flip(op);
    }
    if (left.lengthOf() != null && right.number() != null) {
      return length(left.lengthOf(), op, right.number());
    }
    if (left.identifier() && right.constant()) {
      if (op.equals("=")) {
        return allow(left, List.of(right.json(check.path())));
      }
      BigDecimal k = right.number();
      if (k == null || op.equals("<>") || op.equals("!=")) {
        return "only numeric bounds and equality are understood";
      }
      return bound(
          check,
          left,
          switch (op) {
            case ">=" -> new NumberBounds(k, false, null, false);
            case ">" -> new NumberBounds(k, true, null, false);
            case "<=" -> new NumberBounds(null, false, k, false);
            default -> new NumberBounds(null, false, k, true);
          });
    }
    if (left.identifier()
        && right.identifier()
        && !op.equals("=")
        && !op.equals("<>")
        && !op.equals("!=")) {
      return order(left, op, right);
    }
    return "not one of the understood shapes";
  }

  private Builder column(Token name) {
    int index = index(name);
    return index < 0 ? null : columns[index];
  }

  /**
   * The column a name refers to: as written, else (unquoted) folded to lower case as PostgreSQL
   * does.
   */
  private int index(Token name) {
    int index = table.columnIndex(name.text());
    return index >= 0 || name.kind() == Token.Kind.QUOTED ? index : table.columnIndex(name.name());
  }

  private ColumnSpec spec(Token name) {
    return table.columns().get(index(name));
  }

  private String bound(CheckSpec check, Token name, NumberBounds bounds) {
    Builder column = column(name);
    if (column == null) {
      return "unknown column " + name.text();
    }
    ColumnSpec spec = spec(name);
    if (!ColumnTypes.isNumber(spec.type().kind())
        && spec.type().kind() != io.datagen.job.schema.TypeKind.DOMAIN) {
      return "a numeric bound on column "
          + spec.name()
          + " of type "
          + ColumnTypes.describe(spec.type());
    }
    column.bounds = column.bounds.intersect(bounds);
    return null;
  }

  private String allow(Token name, List<JsonValue> values) {
    Builder column = column(name);
    if (column == null) {
      return "unknown column " + name.text();
    }
    if (column.allowed == null) {
      column.allowed = new ArrayList<>(values);
    } else {
      column.allowed.removeIf(
          v -> values.stream().noneMatch(w -> Literals.show(w).equals(Literals.show(v))));
    }
    return null;
  }

  private String length(Token name, String op, BigDecimal n) {
    Builder column = column(name);
    if (column == null) {
      return "unknown column " + name.text();
    }
    if (!op.equals("<=") && !op.equals("<") || n.stripTrailingZeros().scale() > 0) {
      return "only upper bounds of length are understood";
    }
    int max = n.intValue() - (op.equals("<") ? 1 : 0);
    column.maxLength = column.maxLength < 0 ? max : Math.min(column.maxLength, max);
    return null;
  }

  private String order(Token left, String op, Token right) {
    Builder a = column(left);
    Builder b = column(right);
    if (a == null || b == null) {
      return "unknown column " + (a == null ? left.text() : right.text());
    }
    ColumnSpec low = spec(op.startsWith("<") ? left : right);
    ColumnSpec high = spec(op.startsWith("<") ? right : left);
    if (!ColumnTypes.family(low.type().kind()).equals(ColumnTypes.family(high.type().kind()))
        || ColumnTypes.isText(low.type().kind())) {
      return "columns "
          + low.name()
          + " and "
          + high.name()
          + " are not both numbers, dates or timestamps";
    }
    Builder dependent = op.startsWith("<") ? b : a;
    (op.endsWith("=") ? dependent.notBelow : dependent.strictlyAbove).add(low.name());
    return null;
  }

  /** A token of a check expression. */
  record Token(String text, Kind kind, String lengthColumn) {
    enum Kind {
      WORD,
      QUOTED,
      NUMBER,
      STRING,
      SYMBOL,
      LENGTH
    }

    boolean is(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean identifier() {
      return (kind == Kind.WORD && !SqlTokens.KEYWORDS.contains(text.toUpperCase(Locale.ROOT)))
          || kind == Kind.QUOTED;
    }

    boolean constant() {
      return kind == Kind.NUMBER || kind == Kind.STRING || isWord("TRUE") || isWord("FALSE");
    }

    boolean comparison() {
      return kind == Kind.SYMBOL && SqlTokens.COMPARISONS.contains(text);
    }

    /**
     * The column name (quoted identifiers as written, bare ones lower-cased as PostgreSQL folds
     * them).
     */
    String name() {
      return kind == Kind.QUOTED ? text : text.toLowerCase(Locale.ROOT);
    }

    /** For length(col): a token naming the column. */
    Token lengthOf() {
      return kind == Kind.LENGTH ? new Token(lengthColumn, Kind.QUOTED, null) : null;
    }

    BigDecimal number() {
      try {
        return kind == Kind.NUMBER
            ? new BigDecimal(text)
            : kind == Kind.STRING ? new BigDecimal(text.trim()) : null;
      } catch (NumberFormatException e) {
        return null;
      }
    }

    JsonValue json(String path) {
      if (kind == Kind.NUMBER) {
        return new JsonNumber(path, SourceLocation.UNKNOWN, new BigDecimal(text));
      }
      return new JsonString(
          path, SourceLocation.UNKNOWN, kind == Kind.WORD ? text.toLowerCase(Locale.ROOT) : text);
    }
  }
}
