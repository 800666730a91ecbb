package io.datagen.job.leftovers;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One {@code generate} run's identity in the names of its staging directory and temporary outputs:
 * a random id, shared by all of them, and the time the run started (to the second, UTC). {@code
 * datagen clean} reads both back from a leftover's name ({@link LeftoverName#parse}).
 *
 * @param id 12 lowercase hex digits; for a name written before names carried the time, the UUID it
 *     carried
 * @param started when the run started, or null for such an older name
 */
public record RunId(String id, Instant started) {
  private static final SecureRandom RANDOM = new SecureRandom();

  public RunId {
    Objects.requireNonNull(id, "id");
    if (started != null) {
      started = started.truncatedTo(ChronoUnit.SECONDS);
    }
  }

  /** A new run's id, started now by {@code clock}. */
  public static RunId start(Clock clock) {
    byte[] random = new byte[6];
    RANDOM.nextBytes(random);
    return new RunId(HexFormat.of().formatHex(random), clock.instant());
  }

  /** The name of this run's staging directory. */
  public String stagingName() {
    return LeftoverName.staging(this).fileName();
  }

  /** The temporary name this run writes {@code outputName} under, beside it. */
  public String temporaryName(String outputName) {
    return LeftoverName.temporary(outputName, this).fileName();
  }
}
