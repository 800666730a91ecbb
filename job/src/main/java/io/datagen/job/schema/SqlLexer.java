package io.datagen.job.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL expression text from a schema file into tokens by PostgreSQL's lexical rules (the
 * server's scan.l, with {@code standard_conforming_strings} on, as archives set it): identifiers,
 * quoted identifiers, numbers, string constants in every spelling ({@code '…'}, {@code E'…'},
 * {@code U&'…'}, {@code B'…'}, {@code X'…'}, {@code N'…'}, {@code $tag$…$tag$}), comments ({@code
 * --} to the end of the line, nested {@code /* … *}{@code /}), operators and punctuation.
 *
 * <p>What matters here is where literals and comments start and end, since that decides which
 * {@code ;}, parenthesis or backslash is SQL and which is only text: an expression is copied into
 * the DDL of the archive, and must not be able to end its statement.
 */
final class SqlLexer {
  enum Kind {
    IDENTIFIER,
    QUOTED_IDENTIFIER,
    NUMBER,
    STRING,
    PARAMETER,
    COMMENT,
    OPERATOR,
    /** One of {@code ( ) [ ] , ; : .}. */
    PUNCTUATION,
    /** A character outside any literal that SQL does not use: a backslash, a NUL. */
    INVALID
  }

  /**
   * @param text the token as written (for identifiers, unquoted ones are not folded here)
   * @param offset position of its first character in the expression
   * @param closed false for a literal, quoted identifier or comment that the text ends inside
   */
  record Token(Kind kind, String text, int offset, boolean closed) {}

  private static final String OPERATOR_CHARS = "+-*/<>=~!@#%^&|`?";

  private final String text;
  private int position;

  private SqlLexer(String text) {
    this.text = text;
  }

  /** Every token of {@code text}, whitespace dropped; the last may be unclosed. */
  static List<Token> tokens(String text) {
    SqlLexer lexer = new SqlLexer(text);
    List<Token> tokens = new ArrayList<>();
    for (Token token = lexer.next(); token != null; token = lexer.next()) {
      tokens.add(token);
    }
    return tokens;
  }

  private Token next() {
    while (position < text.length() && isSpace(text.charAt(position))) {
      position++;
    }
    if (position >= text.length()) {
      return null;
    }
    int start = position;
    char c = text.charAt(position);
    if (c == '-' && text.startsWith("--", position)) {
      int end = text.indexOf('\n', position);
      position = end < 0 ? text.length() : end + 1;
      return token(Kind.COMMENT, start, end >= 0);
    }
    if (c == '/' && text.startsWith("/*", position)) {
      return blockComment(start);
    }
    if (c == '\'') {
      return quoted(start, position, '\'', false);
    }
    if (c == '"') {
      return quoted(start, position, '"', false);
    }
    if (c == '$') {
      return dollar(start);
    }
    if (isIdentifierStart(c)) {
      return identifierOrPrefixedLiteral(start);
    }
    if (Character.isDigit(c) || (c == '.' && nextIsDigit(position + 1))) {
      return number(start);
    }
    if (OPERATOR_CHARS.indexOf(c) >= 0) {
      while (position < text.length()
          && OPERATOR_CHARS.indexOf(text.charAt(position)) >= 0
          && !text.startsWith("--", position)
          && !text.startsWith("/*", position)) {
        position++;
      }
      return token(Kind.OPERATOR, start, true);
    }
    position++;
    if ("()[],;:.".indexOf(c) >= 0) {
      return token(Kind.PUNCTUATION, start, true);
    }
    return token(Kind.INVALID, start, true);
  }

  /** {@code /* … *}{@code /}, nested as PostgreSQL nests them. */
  private Token blockComment(int start) {
    int depth = 0;
    while (position < text.length()) {
      if (text.startsWith("/*", position)) {
        depth++;
        position += 2;
      } else if (text.startsWith("*/", position)) {
        depth--;
        position += 2;
        if (depth == 0) {
          return token(Kind.COMMENT, start, true);
        }
      } else {
        position++;
      }
    }
    return token(Kind.COMMENT, start, false);
  }

  /**
   * A literal or quoted identifier from {@code quote} at {@code open}: a doubled quote is part of
   * the text; with {@code backslashEscapes} (E'…') so is a backslash and the character after it.
   */
  private Token quoted(int start, int open, char quote, boolean backslashEscapes) {
    position = open + 1;
    while (position < text.length()) {
      char c = text.charAt(position);
      if (backslashEscapes && c == '\\') {
        position += 2;
      } else if (c == quote) {
        if (position + 1 < text.length() && text.charAt(position + 1) == quote) {
          position += 2;
        } else {
          position++;
          return token(quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, start, true);
        }
      } else {
        position++;
      }
    }
    position = text.length();
    return token(quote == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, start, false);
  }

  /** {@code $1} (a parameter) or a dollar-quoted string {@code $tag$…$tag$}. */
  private Token dollar(int start) {
    int i = position + 1;
    if (nextIsDigit(i)) {
      while (nextIsDigit(i)) {
        i++;
      }
      position = i;
      return token(Kind.PARAMETER, start, true);
    }
    // The tag: an identifier without '$' (digits only after its first character), or nothing.
    while (i < text.length()
        && (isIdentifierStart(text.charAt(i))
            || (i > position + 1 && Character.isDigit(text.charAt(i))))) {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '$') {
      String delimiter = text.substring(position, i + 1);
      int end = text.indexOf(delimiter, i + 1);
      position = end < 0 ? text.length() : end + delimiter.length();
      return token(Kind.STRING, start, end >= 0);
    }
    position++;
    return token(Kind.INVALID, start, true);
  }

  /**
   * An identifier, unless it is a one-letter prefix glued to a quote: {@code E'…'}, {@code B'…'},
   * {@code X'…'}, {@code N'…'}, {@code U&'…'} and {@code U&"…"}.
   */
  private Token identifierOrPrefixedLiteral(int start) {
    int end = position + 1;
    while (end < text.length() && isIdentifierPart(text.charAt(end))) {
      end++;
    }
    if (end == position + 1 && end < text.length()) {
      char prefix = Character.toUpperCase(text.charAt(position));
      char after = text.charAt(end);
      if (after == '\'' && "EBXN".indexOf(prefix) >= 0) {
        return quoted(start, end, '\'', prefix == 'E');
      }
      if (prefix == 'U' && text.startsWith("&'", end)) {
        return quoted(start, end + 1, '\'', false);
      }
      if (prefix == 'U' && text.startsWith("&\"", end)) {
        return quoted(start, end + 1, '"', false);
      }
    }
    position = end;
    return token(Kind.IDENTIFIER, start, true);
  }

  /** Digits with an optional fraction and exponent; letters glued on count as part of it. */
  private Token number(int start) {
    while (position < text.length()) {
      char c = text.charAt(position);
      if ((c == '+' || c == '-')
          && (text.charAt(position - 1) == 'e' || text.charAt(position - 1) == 'E')) {
        position++;
      } else if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
        if (c == '.' && text.startsWith("..", position)) {
          break;
        }
        position++;
      } else {
        break;
      }
    }
    return token(Kind.NUMBER, start, true);
  }

  private boolean nextIsDigit(int index) {
    return index < text.length() && Character.isDigit(text.charAt(index));
  }

  private Token token(Kind kind, int start, boolean closed) {
    return new Token(kind, text.substring(start, position), start, closed);
  }

  /** PostgreSQL's {@code ident_start}: a letter, an underscore or any non-ASCII character. */
  static boolean isIdentifierStart(char c) {
    return Character.isLetter(c) || c == '_' || c >= 0x80;
  }

  /** PostgreSQL's {@code ident_cont}: also digits and {@code $}. */
  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || Character.isDigit(c) || c == '$';
  }

  /** PostgreSQL's {@code space}: blank, tab, newline, carriage return, form feed, vertical tab. */
  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
  }
}
