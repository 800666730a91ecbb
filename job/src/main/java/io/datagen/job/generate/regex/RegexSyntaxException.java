package io.datagen.job.generate.regex;

/**
 * A regular expression datagen cannot parse or cannot generate from; {@code index} is where in the
 * pattern.
 */
public final class RegexSyntaxException extends Exception {
  private final int index;

  public RegexSyntaxException(String message, int index) {
    super(message);
    this.index = index;
  }

  public int index() {
    return index;
  }
}
