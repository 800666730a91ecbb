package io.datagen.job.schema;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the closest known name to a misspelled one (optimal string alignment distance). */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * {@code "; did you mean 'x'?"} when a candidate is close enough, else {@code ""}: for
   * mid-sentence use.
   */
  public static String inlineSuggestion(String input, Collection<String> candidates) {
    return closest(input, candidates).map(best -> "; did you mean '" + best + "'?").orElse("");
  }

  /** The closest candidate, case-insensitively, if it is close enough to be a plausible typo. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String needle = input.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, needle.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? Optional.of(best) : Optional.empty();
  }

  /**
   * Ends the sentence of a message: {@code ". Did you mean \"x\"?"} when a candidate is close, else
   * {@code "."}; the caller's advice follows as the next sentence.
   */
  static String suffix(String input, Collection<String> candidates) {
    return closest(input, candidates).map(c -> ". Did you mean \"" + c + "\"?").orElse(".");
  }

  /** Damerau-Levenshtein distance restricted to adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, d[i - 2][j - 2] + 1);
        }
        d[i][j] = best;
      }
    }
    return d[a.length()][b.length()];
  }
}
