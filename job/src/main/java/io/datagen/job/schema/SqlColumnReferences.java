package io.datagen.job.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A small SQL scanner: the identifiers of an expression that may name columns. */
final class SqlColumnReferences {
  private SqlColumnReferences() {}

  /**
   * Identifiers outside string literals that are not function names: unquoted ones folded to lower
   * case (as PostgreSQL does), quoted ones exactly as written.
   */
  static List<String> columnReferences(String expression) {
    List<String> identifiers = new ArrayList<>();
    int i = 0;
    int n = expression.length();
    while (i < n) {
      char c = expression.charAt(i);
      if (c == '\'') {
        i = skipQuoted(expression, i, '\'');
      } else if (c == '"') {
        int end = skipQuoted(expression, i, '"');
        boolean closed = end - 1 > i && expression.charAt(end - 1) == '"';
        String quoted = expression.substring(i + 1, closed ? end - 1 : end).replace("\"\"", "\"");
        if (!followedByParenthesis(expression, end)) {
          identifiers.add(quoted);
        }
        i = end;
      } else if (Character.isLetter(c) || c == '_') {
        int end = i;
        while (end < n
            && (Character.isLetterOrDigit(expression.charAt(end))
                || expression.charAt(end) == '_'
                || expression.charAt(end) == '$')) {
          end++;
        }
        boolean castTarget = i >= 2 && expression.startsWith("::", i - 2);
        if (!followedByParenthesis(expression, end) && !castTarget) {
          identifiers.add(expression.substring(i, end).toLowerCase(Locale.ROOT));
        }
        i = end;
      } else if (Character.isDigit(c)) {
        while (i < n
            && (Character.isLetterOrDigit(expression.charAt(i)) || expression.charAt(i) == '.')) {
          i++;
        }
      } else {
        i++;
      }
    }
    return identifiers;
  }

  /** The index just past the closing quote (doubled quotes are part of the text). */
  private static int skipQuoted(String text, int start, char quote) {
    int i = start + 1;
    while (i < text.length()) {
      if (text.charAt(i) == quote) {
        if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
          i += 2;
          continue;
        }
        return i + 1;
      }
      i++;
    }
    return text.length();
  }

  private static boolean followedByParenthesis(String text, int index) {
    int i = index;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length() && text.charAt(i) == '(';
  }
}
