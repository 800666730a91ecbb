package io.datagen.job.generate.regex;

import io.datagen.job.generate.RandomSource;

/**
 * Generates strings of a parsed regular expression by walking it once: each class picks a
 * character, each alternation a branch, each repetition a count, from successive draws of the row.
 * A length budget (a {@code varchar(n)}) is honoured by construction: every choice leaves room for
 * the shortest completion of what follows, so no string is ever rejected or cut.
 *
 * <p>When the expression has a fixed shape (no alternation, fixed repetition counts) its strings
 * can also be enumerated: index → string by mixed-radix digits over the classes, distinct indexes
 * giving distinct strings — that makes unique pattern columns possible.
 *
 * <p>Not thread-safe (the draw counter is a field): one instance per task.
 */
public final class RegexGenerator {
  private static final long MAX_COUNT = 1L << 62;

  private final RegexNode root;
  private final int budget;
  private final long count;
  private RandomSource rng;
  private long row;
  private int draw;

  /**
   * @param budget longest string allowed (≥ the expression's minimum length)
   */
  public RegexGenerator(RegexNode root, int budget) {
    if (root.minLength() > budget) {
      throw new IllegalArgumentException(
          "Cannot fit strings of at least " + root.minLength() + " characters in " + budget);
    }
    this.root = root;
    this.budget = budget;
    this.count = root.maxLength() <= budget ? count(root) : 0;
  }

  /** Appends a random string of the expression for {@code row} to {@code out}. */
  public void generate(RandomSource rng, long row, StringBuilder out) {
    this.rng = rng;
    this.row = row;
    this.draw = 0;
    walk(root, budget, out);
    this.rng = null;
  }

  /** How many distinct strings {@link #emit} enumerates; 0 when the shape is not fixed. */
  public long count() {
    return count;
  }

  /** Appends string number {@code index} ({@code 0 ≤ index < count()}). */
  public void emit(long index, StringBuilder out) {
    // Fixed shape ⇒ fixed length: lay the string out, then write digits from the last character
    // backwards, so distinct indexes below the full product differ in some character.
    int end = out.length() + root.maxLength();
    out.setLength(end);
    fill(root, index, out, end);
  }

  /** Generates into {@code out} within {@code room} characters; returns the characters written. */
  private int walk(RegexNode node, int room, StringBuilder out) {
    if (node instanceof RegexNode.CharSet set) {
      char[] chars = set.chars();
      out.append(chars.length == 1 ? chars[0] : chars[rng.nextInt(row, draw++, chars.length)]);
      return 1;
    }
    if (node instanceof RegexNode.Sequence sequence) {
      int used = 0;
      int reserved = sequence.minLength();
      for (RegexNode child : sequence.children()) {
        int childMin = child.minLength();
        reserved -= childMin;
        used += walk(child, room - used - reserved, out);
      }
      return used;
    }
    if (node instanceof RegexNode.Alternation alternation) {
      int eligible = 0;
      for (RegexNode branch : alternation.branches()) {
        if (branch.minLength() <= room) {
          eligible++;
        }
      }
      int pick = eligible == 1 ? 0 : rng.nextInt(row, draw++, eligible);
      for (RegexNode branch : alternation.branches()) {
        if (branch.minLength() <= room && pick-- == 0) {
          return walk(branch, room, out);
        }
      }
      throw new IllegalStateException("no branch fits " + room + " characters");
    }
    RegexNode.Repeat repeat = (RegexNode.Repeat) node;
    int unit = repeat.node().minLength();
    int max = repeat.max();
    if (unit > 0) {
      max = Math.min(max, room / unit);
    }
    int times =
        max == repeat.min() ? max : repeat.min() + rng.nextInt(row, draw++, max - repeat.min() + 1);
    int used = 0;
    for (int i = 0; i < times; i++) {
      used += walk(repeat.node(), room - used - (times - i - 1) * unit, out);
    }
    return used;
  }

  /** Number of strings of a fixed-shape node (saturated at 2^62), or 0 when its shape varies. */
  private static long count(RegexNode node) {
    if (node instanceof RegexNode.CharSet set) {
      return set.chars().length;
    }
    if (node instanceof RegexNode.Sequence sequence) {
      long product = 1;
      for (RegexNode child : sequence.children()) {
        product = saturatedMultiply(product, count(child));
      }
      return product;
    }
    if (node instanceof RegexNode.Repeat repeat && repeat.min() == repeat.max()) {
      long product = 1;
      long unit = count(repeat.node());
      for (int i = 0; i < repeat.min() && product > 0 && product < MAX_COUNT; i++) {
        product = saturatedMultiply(product, unit);
      }
      return repeat.min() == 0 ? 1 : product;
    }
    return 0;
  }

  private static long saturatedMultiply(long a, long b) {
    if (a == 0 || b == 0) {
      return 0;
    }
    return a > MAX_COUNT / b ? MAX_COUNT : Math.min(MAX_COUNT, a * b);
  }

  /**
   * Fills the characters of {@code node} ending just before {@code end}; returns the remaining
   * index.
   */
  private static long fill(RegexNode node, long index, StringBuilder out, int end) {
    if (node instanceof RegexNode.CharSet set) {
      char[] chars = set.chars();
      out.setCharAt(end - 1, chars[(int) (index % chars.length)]);
      return index / chars.length;
    }
    if (node instanceof RegexNode.Sequence sequence) {
      long rest = index;
      int position = end;
      for (int i = sequence.children().size() - 1; i >= 0; i--) {
        RegexNode child = sequence.children().get(i);
        rest = fill(child, rest, out, position);
        position -= child.maxLength();
      }
      return rest;
    }
    RegexNode.Repeat repeat = (RegexNode.Repeat) node;
    long rest = index;
    int position = end;
    int unit = repeat.node().maxLength();
    for (int i = 0; i < repeat.min(); i++) {
      rest = fill(repeat.node(), rest, out, position);
      position -= unit;
    }
    return rest;
  }
}
