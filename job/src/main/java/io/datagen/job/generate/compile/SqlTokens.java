package io.datagen.job.generate.compile;

import io.datagen.job.generate.compile.CheckConstraints.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits a CHECK expression into tokens; casts ({@code ::type}) are dropped, length(col) is one
 * token.
 */
final class SqlTokens {
  static final Set<String> KEYWORDS =
      Set.of(
          "AND", "OR", "NOT", "IS", "NULL", "IN", "BETWEEN", "TRUE", "FALSE", "LIKE", "ILIKE",
          "SIMILAR", "ANY", "ALL", "CASE", "WHEN", "THEN", "ELSE", "END");
  static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
  private static final Set<String> LENGTH_FUNCTIONS =
      Set.of("length", "char_length", "character_length");

  private SqlTokens() {}

  static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == ':' && sql.startsWith("::", i)) {
        i = skipType(sql, i + 2);
      } else if (c == '\'') {
        StringBuilder text = new StringBuilder();
        i++;
        while (true) {
          if (i >= sql.length()) {
            throw new IllegalArgumentException("unterminated string literal");
          }
          if (sql.charAt(i) == '\'' && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
            text.append('\'');
            i += 2;
          } else if (sql.charAt(i) == '\'') {
            i++;
            break;
          } else {
            text.append(sql.charAt(i++));
          }
        }
        tokens.add(new Token(text.toString(), Token.Kind.STRING, null));
      } else if (c == '"') {
        // A doubled quote inside stands for one: "quote""d" names the column quote"d.
        StringBuilder name = new StringBuilder();
        i = quotedEnd(sql, i, name);
        tokens.add(new Token(name.toString(), Token.Kind.QUOTED, null));
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))
          || ((c == '-' || c == '+')
              && negativeNumberAllowed(tokens)
              && i + 1 < sql.length()
              && (Character.isDigit(sql.charAt(i + 1)) || sql.charAt(i + 1) == '.'))) {
        int start = i++;
        while (i < sql.length()
            && (Character.isDigit(sql.charAt(i))
                || sql.charAt(i) == '.'
                || sql.charAt(i) == 'e'
                || sql.charAt(i) == 'E')) {
          i++;
        }
        tokens.add(new Token(sql.substring(start, i), Token.Kind.NUMBER, null));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < sql.length()
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        tokens.add(new Token(sql.substring(start, i), Token.Kind.WORD, null));
      } else if (c == '<' || c == '>' || c == '!' || c == '=') {
        int start = i++;
        if (i < sql.length() && (sql.charAt(i) == '=' || (c == '<' && sql.charAt(i) == '>'))) {
          i++;
        }
        tokens.add(new Token(sql.substring(start, i), Token.Kind.SYMBOL, null));
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(new Token(String.valueOf(c), Token.Kind.SYMBOL, null));
        i++;
      } else {
        tokens.add(new Token(String.valueOf(c), Token.Kind.SYMBOL, null));
        i++;
      }
    }
    return lengths(tokens);
  }

  /**
   * A sign starts a number at the start or after an operator, a comma or an opening parenthesis.
   */
  private static boolean negativeNumberAllowed(List<Token> tokens) {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return last.kind() == Token.Kind.SYMBOL && !last.is(")")
        || last.isWord("AND")
        || last.isWord("BETWEEN");
  }

  /**
   * The index just past the quoted identifier that opens at {@code open}; its name, with doubled
   * quotes undoubled, goes to {@code name}.
   */
  private static int quotedEnd(String sql, int open, StringBuilder name) {
    int i = open + 1;
    while (true) {
      if (i >= sql.length()) {
        throw new IllegalArgumentException("unterminated quoted identifier");
      }
      if (sql.charAt(i) == '"' && i + 1 < sql.length() && sql.charAt(i + 1) == '"') {
        name.append('"');
        i += 2;
      } else if (sql.charAt(i) == '"') {
        return i + 1;
      } else {
        name.append(sql.charAt(i++));
      }
    }
  }

  /** Skips a type name after {@code ::}: words, optional {@code (…)} and {@code []}. */
  private static int skipType(String sql, int from) {
    int i = from;
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    if (i < sql.length() && sql.charAt(i) == '"') {
      i = quotedEnd(sql, i, new StringBuilder());
    } else {
      while (i < sql.length()
          && (Character.isLetterOrDigit(sql.charAt(i))
              || sql.charAt(i) == '_'
              || sql.charAt(i) == '.')) {
        i++;
      }
      // Multi-word types: character varying, double precision, timestamp with time zone.
      for (String next :
          List.of(" varying", " precision", " with time zone", " without time zone")) {
        if (sql.regionMatches(true, i, next, 0, next.length())) {
          i += next.length();
        }
      }
    }
    if (i < sql.length() && sql.charAt(i) == '(') {
      int close = sql.indexOf(')', i);
      i = close < 0 ? sql.length() : close + 1;
    }
    while (sql.startsWith("[]", i)) {
      i += 2;
    }
    return i;
  }

  /** Folds {@code length ( col )} into one LENGTH token. */
  private static List<Token> lengths(List<Token> tokens) {
    List<Token> out = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind() == Token.Kind.WORD
          && LENGTH_FUNCTIONS.contains(t.text().toLowerCase(java.util.Locale.ROOT))
          && i + 3 < tokens.size()
          && tokens.get(i + 1).is("(")
          && tokens.get(i + 2).identifier()
          && tokens.get(i + 3).is(")")) {
        Token column = tokens.get(i + 2);
        out.add(
            new Token(
                t.text() + "(" + column.text() + ")",
                Token.Kind.LENGTH,
                column.kind() == Token.Kind.QUOTED ? column.text() : column.name()));
        i += 3;
      } else {
        out.add(t);
      }
    }
    return out;
  }

  /** The tokens as SQL-ish text, for messages. */
  static String text(List<Token> tokens) {
    StringBuilder out = new StringBuilder();
    for (Token t : tokens) {
      if (out.length() > 0 && !t.is(")") && !t.is(",") && !(out.charAt(out.length() - 1) == '(')) {
        out.append(' ');
      }
      out.append(
          t.kind() == Token.Kind.STRING
              ? "'" + t.text().replace("'", "''") + "'"
              : t.kind() == Token.Kind.QUOTED
                  ? '"' + t.text().replace("\"", "\"\"") + '"'
                  : t.text());
    }
    return out.toString();
  }

  /** The comparison seen from the other side: {@code k < col} ⇔ {@code col > k}. */
  static String flip(String op) {
    return switch (op) {
      case "<" -> ">";
      case "<=" -> ">=";
      case ">" -> "<";
      case ">=" -> "<=";
      default -> op;
    };
  }
}
