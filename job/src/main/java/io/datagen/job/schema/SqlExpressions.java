package io.datagen.job.schema;

import io.datagen.archive.text.SqlIdentifiers;
import io.datagen.job.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks SQL expression text from a schema file (a CHECK, a DEFAULT, an index predicate, a domain
 * constraint) before it is copied into the archive's DDL: it must be exactly one expression, so
 * that nothing in it can end the statement it is part of or run anything else. By the tokens of
 * {@link SqlLexer}: every literal, quoted identifier and comment closed; parentheses and brackets
 * balanced; no {@code ;} and no backslash outside quotes (in a psql script a backslash starts a
 * command).
 *
 * <p>This is not a parser: a well-formed token sequence can still be a wrong expression, which the
 * server then rejects as an error of that one statement.
 */
final class SqlExpressions {
  /**
   * Unreserved keywords that appear bare in expressions (type names, interval and time zone
   * syntax); the reserved ones are those {@link SqlIdentifiers#quote} quotes.
   */
  private static final Set<String> EXPRESSION_WORDS =
      Set.of(
          "at",
          "zone",
          "local",
          "double",
          "varying",
          "without",
          "year",
          "month",
          "day",
          "hour",
          "minute",
          "second",
          "text",
          "date",
          "uuid",
          "jsonb",
          "regclass",
          "name",
          "oid",
          "inet",
          "cidr",
          "bytea",
          "money",
          "citext",
          "unknown",
          "escape",
          "nfc",
          "nfd",
          "nfkc",
          "nfkd");

  private SqlExpressions() {}

  /**
   * Reports an error at {@code node} unless {@code text} is one expression.
   *
   * @param what the thing, for the message: "the check expression"
   * @return whether {@code text} is one expression
   */
  static boolean requireOneExpression(String what, String text, JsonValue node, Problems problems) {
    String problem = problem(text);
    if (problem != null) {
      problems.error(node, what + " must be one SQL expression, but " + problem);
      return false;
    }
    return true;
  }

  /** What is wrong with {@code expression} as one SQL expression, or null when nothing is. */
  static String problem(String expression) {
    if (expression.indexOf('\0') >= 0) {
      return "it contains a NUL character, which PostgreSQL text cannot hold";
    }
    Deque<SqlLexer.Token> open = new ArrayDeque<>();
    boolean empty = true;
    for (SqlLexer.Token token : SqlLexer.tokens(expression)) {
      if (!token.closed()) {
        return unclosed(token);
      }
      switch (token.kind()) {
        case COMMENT -> {
          continue;
        }
        case INVALID -> {
          return "it has "
              + quoteChar(token.text())
              + " at character "
              + (token.offset() + 1)
              + ", which SQL does not use outside quotes"
              + (token.text().equals("\\") ? " (in a psql script it would start a command)" : "");
        }
        case PUNCTUATION -> {
          String problem = punctuation(token, open);
          if (problem != null) {
            return problem;
          }
        }
        default -> {
          // identifiers, numbers, strings, operators: any sequence is one statement's business
        }
      }
      empty = false;
    }
    if (!open.isEmpty()) {
      SqlLexer.Token first = open.peekLast();
      return "the '" + first.text() + "' at character " + (first.offset() + 1) + " is never closed";
    }
    return empty ? "it is empty" : null;
  }

  /**
   * For a DEFAULT: the first unquoted word that reads as a column reference (not a function call, a
   * qualified name, a cast's type or a keyword), or null. A DEFAULT cannot use columns, so such a
   * word is almost always text written without its quotes ({@code active} for {@code 'active'}).
   */
  static String columnLikeWord(String expression) {
    List<SqlLexer.Token> tokens =
        SqlLexer.tokens(expression).stream()
            .filter(t -> t.kind() != SqlLexer.Kind.COMMENT)
            .toList();
    for (int i = 0; i < tokens.size(); i++) {
      SqlLexer.Token token = tokens.get(i);
      if (token.kind() != SqlLexer.Kind.IDENTIFIER) {
        continue;
      }
      String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
      String previous = i > 0 ? tokens.get(i - 1).text() : "";
      String word = token.text().toLowerCase(Locale.ROOT);
      boolean call = next.equals("(") || next.equals(".") || previous.equals(".");
      boolean castType = previous.equals(":");
      boolean keyword = !SqlIdentifiers.quote(word).equals(word) || EXPRESSION_WORDS.contains(word);
      if (!call && !castType && !keyword) {
        return token.text();
      }
    }
    return null;
  }

  private static String punctuation(SqlLexer.Token token, Deque<SqlLexer.Token> open) {
    String text = token.text();
    switch (text) {
      case ";" -> {
        return "it has a ';' at character "
            + (token.offset() + 1)
            + ", which would end the statement";
      }
      case "(", "[" -> open.push(token);
      case ")", "]" -> {
        String expected = text.equals(")") ? "(" : "[";
        if (open.isEmpty() || !open.peek().text().equals(expected)) {
          return "the '"
              + text
              + "' at character "
              + (token.offset() + 1)
              + (open.isEmpty()
                  ? " closes nothing"
                  : " does not match the '"
                      + open.peek().text()
                      + "' at character "
                      + (open.peek().offset() + 1));
        }
        open.pop();
      }
      default -> {
        // , : . are plain punctuation
      }
    }
    return null;
  }

  private static String unclosed(SqlLexer.Token token) {
    String where = " starting at character " + (token.offset() + 1);
    return switch (token.kind()) {
      case STRING ->
          "the string constant"
              + where
              + " is never closed (a quote inside text is written twice: 'it''s')";
      case QUOTED_IDENTIFIER -> "the quoted name" + where + " is never closed";
      default ->
          token.text().startsWith("--")
              ? "the -- comment"
                  + where
                  + " runs to the end of the expression; end it with a line break or write /* ... */"
              : "the /* comment" + where + " is never closed";
    };
  }

  private static String quoteChar(String c) {
    return c.equals("\0") ? "a NUL character" : "'" + c + "'";
  }
}
