package io.datagen.job.generate;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest known name for a misspelt one (Levenshtein distance, case-insensitive). */
final class DidYouMean {
  private DidYouMean() {}

  /** {@code "; did you mean 'x'?"} when a candidate is close enough, else {@code ""}. */
  static String suffix(String wrong, Collection<String> candidates) {
    String best = closest(wrong, candidates);
    return best == null ? "" : "; did you mean '" + best + "'?";
  }

  /** The closest candidate within max(2, length/3) edits, or null. */
  static String closest(String wrong, Collection<String> candidates) {
    String w = wrong.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, w.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(w, candidate.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
