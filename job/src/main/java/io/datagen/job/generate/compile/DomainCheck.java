package io.datagen.job.generate.compile;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a domain's CHECK expression allows, when it has one of the usual shapes — a conjunction
 * ({@code AND}, parentheses) of {@code VALUE op k} / {@code k op VALUE} (op: {@code > >= < <= =}),
 * {@code VALUE BETWEEN a AND b}, {@code VALUE IN (...)}, {@code VALUE IS NOT NULL}, {@code VALUE <>
 * ''}, and {@code length(VALUE)} / {@code char_length(VALUE)} compared with a whole number or
 * BETWEEN. Anything else: {@link #parse} returns null and the column is reported as unsupported,
 * never filled with values the restore would reject.
 *
 * @param min lower bound of numbers, or null
 * @param minExclusive whether {@code min} itself is excluded
 * @param max upper bound of numbers, or null
 * @param maxExclusive whether {@code max} itself is excluded
 * @param allowed the only values allowed ({@code IN}, {@code =}), as written; null when not
 *     restricted
 * @param minLength the shortest length allowed (0 when not restricted)
 * @param maxLength the longest length allowed, or null
 */
record DomainCheck(
    BigDecimal min,
    boolean minExclusive,
    BigDecimal max,
    boolean maxExclusive,
    List<String> allowed,
    int minLength,
    Integer maxLength) {

  static final DomainCheck NONE = new DomainCheck(null, false, null, false, null, 0, null);

  boolean restrictsNumbers() {
    return min != null || max != null;
  }

  /** The check of {@code expression}, or null when its shape is not one of the usual ones. */
  static DomainCheck parse(String expression) {
    try {
      Parser parser = new Parser(tokens(expression));
      DomainCheck check = parser.conjunction(NONE);
      return parser.atEnd() ? check : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private DomainCheck withMin(BigDecimal value, boolean exclusive) {
    if (min != null && (min.compareTo(value) > 0 || (min.compareTo(value) == 0 && minExclusive))) {
      return this;
    }
    return new DomainCheck(value, exclusive, max, maxExclusive, allowed, minLength, maxLength);
  }

  private DomainCheck withMax(BigDecimal value, boolean exclusive) {
    if (max != null && (max.compareTo(value) < 0 || (max.compareTo(value) == 0 && maxExclusive))) {
      return this;
    }
    return new DomainCheck(min, minExclusive, value, exclusive, allowed, minLength, maxLength);
  }

  private DomainCheck withAllowed(List<String> values) {
    if (allowed != null) {
      List<String> both = new ArrayList<>(allowed);
      both.retainAll(values);
      values = both;
    }
    return new DomainCheck(
        min, minExclusive, max, maxExclusive, List.copyOf(values), minLength, maxLength);
  }

  private DomainCheck withLength(int low, Integer high) {
    Integer newMax =
        high == null
            ? maxLength
            : maxLength == null ? high : Integer.valueOf(Math.min(high, maxLength));
    return new DomainCheck(
        min, minExclusive, max, maxExclusive, allowed, Math.max(low, minLength), newMax);
  }

  // ---- a tiny tokenizer and recursive-descent parser for the shapes above

  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        StringBuilder literal = new StringBuilder("'");
        i++;
        while (true) {
          if (i >= text.length()) {
            throw new IllegalArgumentException("unterminated string");
          }
          if (text.charAt(i) == '\'') {
            if (i + 1 < text.length() && text.charAt(i + 1) == '\'') {
              literal.append('\'');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          literal.append(text.charAt(i++));
        }
        tokens.add(literal.toString());
      } else if (c == ':' && i + 1 < text.length() && text.charAt(i + 1) == ':') {
        // A cast such as 'a'::text or VALUE::numeric changes nothing here: skip it.
        i += 2;
        while (i < text.length()
            && (Character.isLetterOrDigit(text.charAt(i))
                || text.charAt(i) == '_'
                || text.charAt(i) == ' '
                    && i + 1 < text.length()
                    && Character.isLetter(text.charAt(i + 1))
                    && text.substring(i + 1).toLowerCase(Locale.ROOT).startsWith("varying"))) {
          i++;
        }
      } else if ("<>=!".indexOf(c) >= 0) {
        int end = i + 1;
        while (end < text.length() && "<>=".indexOf(text.charAt(end)) >= 0) {
          end++;
        }
        tokens.add(text.substring(i, end));
        i = end;
      } else if (c == '(' || c == ')' || c == ',') {
        tokens.add(String.valueOf(c));
        i++;
      } else if (Character.isDigit(c) || c == '-' || c == '+' || c == '.') {
        int end = i + 1;
        while (end < text.length()
            && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
          end++;
        }
        tokens.add(text.substring(i, end));
        i = end;
      } else if (Character.isLetter(c) || c == '_' || c == '"') {
        int end = i + 1;
        while (end < text.length()
            && (Character.isLetterOrDigit(text.charAt(end))
                || text.charAt(end) == '_'
                || text.charAt(end) == '"')) {
          end++;
        }
        tokens.add(text.substring(i, end).replace("\"", "").toLowerCase(Locale.ROOT));
        i = end;
      } else {
        throw new IllegalArgumentException("unexpected " + c);
      }
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int at;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return at == tokens.size();
    }

    private String peek() {
      return at < tokens.size() ? tokens.get(at) : "";
    }

    private String next() {
      if (atEnd()) {
        throw new IllegalArgumentException("unexpected end");
      }
      return tokens.get(at++);
    }

    private void expect(String token) {
      if (!next().equals(token)) {
        throw new IllegalArgumentException("expected " + token);
      }
    }

    DomainCheck conjunction(DomainCheck check) {
      check = term(check);
      while (peek().equals("and")) {
        next();
        check = term(check);
      }
      return check;
    }

    private DomainCheck term(DomainCheck check) {
      if (peek().equals("(") && !isLengthCall()) {
        next();
        check = conjunction(check);
        expect(")");
        return check;
      }
      if (isLengthCall()) {
        next();
        expect("(");
        expect("value");
        expect(")");
        return lengthTerm(check);
      }
      if (peek().equals("value")) {
        next();
        return valueTerm(check);
      }
      // k op VALUE
      String constant = next();
      String op = next();
      expect("value");
      return compare(check, flip(op), constant);
    }

    private boolean isLengthCall() {
      String t = peek();
      return t.equals("length") || t.equals("char_length") || t.equals("character_length");
    }

    private DomainCheck valueTerm(DomainCheck check) {
      String op = next();
      switch (op) {
        case "between" -> {
          String low = next();
          expect("and");
          String high = next();
          return check.withMin(number(low), false).withMax(number(high), false);
        }
        case "in" -> {
          expect("(");
          List<String> values = new ArrayList<>();
          values.add(unquote(next()));
          while (peek().equals(",")) {
            next();
            values.add(unquote(next()));
          }
          expect(")");
          return check.withAllowed(values);
        }
        case "is" -> {
          expect("not");
          expect("null");
          return check;
        }
        case "<>", "!=" -> {
          if (!next().equals("'")) {
            throw new IllegalArgumentException("only <> '' is understood");
          }
          return check.withLength(1, null);
        }
        default -> {
          return compare(check, op, next());
        }
      }
    }

    private DomainCheck lengthTerm(DomainCheck check) {
      String op = next();
      if (op.equals("between")) {
        int low = whole(next());
        expect("and");
        return check.withLength(low, whole(next()));
      }
      int n = whole(next());
      return switch (op) {
        case "<" -> check.withLength(0, n - 1);
        case "<=" -> check.withLength(0, n);
        case ">" -> check.withLength(n + 1, null);
        case ">=" -> check.withLength(n, null);
        case "=" -> check.withLength(n, n);
        default -> throw new IllegalArgumentException("operator " + op);
      };
    }

    private static DomainCheck compare(DomainCheck check, String op, String constant) {
      if (op.equals("=")) {
        return check.withAllowed(List.of(unquote(constant)));
      }
      BigDecimal k = number(constant);
      return switch (op) {
        case ">" -> check.withMin(k, true);
        case ">=" -> check.withMin(k, false);
        case "<" -> check.withMax(k, true);
        case "<=" -> check.withMax(k, false);
        default -> throw new IllegalArgumentException("operator " + op);
      };
    }

    private static String flip(String op) {
      return switch (op) {
        case ">" -> "<";
        case ">=" -> "<=";
        case "<" -> ">";
        case "<=" -> ">=";
        default -> op;
      };
    }

    private static BigDecimal number(String token) {
      return new BigDecimal(unquote(token).strip());
    }

    private static int whole(String token) {
      return number(token).intValueExact();
    }

    private static String unquote(String token) {
      return token.startsWith("'") ? token.substring(1) : token;
    }
  }
}
