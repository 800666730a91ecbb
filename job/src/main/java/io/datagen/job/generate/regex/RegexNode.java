package io.datagen.job.generate.regex;

import java.util.List;

/**
 * The parsed form of a regular expression, reduced to what generation needs: character sets,
 * sequences, alternations and bounded repetitions (anchors and non-capturing details vanish). Each
 * node knows the shortest and longest string it produces, which lets generation respect a length
 * budget (a {@code varchar(n)}) without ever retrying.
 */
public sealed interface RegexNode {

  int minLength();

  /** Longest string, saturated at {@link Integer#MAX_VALUE}. */
  int maxLength();

  /** One character out of {@code chars} (sorted, distinct, non-empty). */
  record CharSet(char[] chars) implements RegexNode {
    public CharSet {
      if (chars.length == 0) {
        throw new IllegalArgumentException("Cannot create an empty character set");
      }
    }

    @Override
    public int minLength() {
      return 1;
    }

    @Override
    public int maxLength() {
      return 1;
    }
  }

  /** The children one after the other (the empty sequence matches the empty string). */
  record Sequence(List<RegexNode> children) implements RegexNode {
    public Sequence {
      children = List.copyOf(children);
    }

    @Override
    public int minLength() {
      return children.stream().mapToInt(RegexNode::minLength).reduce(0, RegexNode::saturatedAdd);
    }

    @Override
    public int maxLength() {
      return children.stream().mapToInt(RegexNode::maxLength).reduce(0, RegexNode::saturatedAdd);
    }
  }

  /** One of the branches. */
  record Alternation(List<RegexNode> branches) implements RegexNode {
    public Alternation {
      branches = List.copyOf(branches);
    }

    @Override
    public int minLength() {
      return branches.stream().mapToInt(RegexNode::minLength).min().orElse(0);
    }

    @Override
    public int maxLength() {
      return branches.stream().mapToInt(RegexNode::maxLength).max().orElse(0);
    }
  }

  /**
   * {@code node} repeated min..max times (max finite: unbounded quantifiers are capped by the
   * parser).
   */
  record Repeat(RegexNode node, int min, int max) implements RegexNode {
    public Repeat {
      if (min < 0 || max < min) {
        throw new IllegalArgumentException("Cannot repeat " + min + ".." + max + " times");
      }
    }

    @Override
    public int minLength() {
      return saturatedMultiply(node.minLength(), min);
    }

    @Override
    public int maxLength() {
      return saturatedMultiply(node.maxLength(), max);
    }
  }

  static int saturatedAdd(int a, int b) {
    long sum = (long) a + b;
    return sum > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) sum;
  }

  static int saturatedMultiply(int a, int b) {
    long product = (long) a * b;
    return product > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) product;
  }
}
