package io.datagen.job.generate.types;

/**
 * A small fixed vocabulary (lower-case ASCII) for type defaults that need words: tsvector, XML,
 * JSON.
 */
final class Words {
  static final String[] WORDS = {
    "amber", "anchor", "apple", "atlas", "autumn", "beacon", "birch", "breeze", "bridge", "canyon",
    "cedar", "cloud", "coast", "copper", "coral", "crystal", "dawn", "delta", "desert", "drift",
    "eagle", "echo", "ember", "field", "forest", "frost", "garden", "granite", "harbor", "hazel",
    "horizon", "island", "ivory", "jade", "lake", "lantern", "maple", "meadow", "mesa", "moon",
    "north", "ocean", "olive", "orchid", "pearl", "pine", "prairie", "quartz", "rain", "raven",
    "reef", "ridge", "river", "sage", "shadow", "silver", "slate", "snow", "spring", "spruce",
    "stone", "storm", "summit", "thunder", "timber", "trail", "valley", "velvet", "vista", "wave",
    "willow", "winter"
  };

  /** The same words with a capital first letter. */
  static final String[] CAPITALIZED = capitalized();

  private Words() {}

  private static String[] capitalized() {
    String[] out = new String[WORDS.length];
    for (int i = 0; i < WORDS.length; i++) {
      out[i] = Character.toUpperCase(WORDS[i].charAt(0)) + WORDS[i].substring(1);
    }
    return out;
  }
}
