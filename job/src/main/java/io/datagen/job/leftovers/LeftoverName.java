package io.datagen.job.leftovers;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The name of something a {@code generate} run writes only while it runs, and removes when it ends:
 * the one place where these names are made and read back (docs/operations.md, "Leftovers").
 *
 * <ul>
 *   <li>{@code .datagen-staging-<run id>-<yyyyMMddTHHmmssZ>}: the run's staging directory;
 *   <li>{@code .<output name>.datagen-<run id>-<yyyyMMddTHHmmssZ>.tmp}: an output (file or
 *       directory archive) being written, beside its final name.
 * </ul>
 *
 * <p>Names written before they carried the time ({@code .datagen-staging-<uuid>}, {@code .<output
 * name>.datagen-<uuid>.tmp}) are read too, with no start time.
 *
 * @param kind staging directory or temporary output
 * @param outputName the final name of a temporary output; null for staging
 * @param run the run that wrote it
 */
public record LeftoverName(Kind kind, String outputName, RunId run) {
  /** What a leftover is. */
  public enum Kind {
    STAGING,
    TEMPORARY
  }

  static final String STAGING_PREFIX = ".datagen-staging-";
  private static final String TEMPORARY_INFIX = ".datagen-";
  private static final String TEMPORARY_SUFFIX = ".tmp";

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String ID = "[0-9a-f]{12}";
  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
  private static final String STAMP = "\\d{8}T\\d{6}Z";
  private static final Pattern STAGING =
      Pattern.compile(
          Pattern.quote(STAGING_PREFIX)
              + "(?:(?<id>"
              + ID
              + ")-(?<time>"
              + STAMP
              + ")|(?<uuid>"
              + UUID
              + "))");
  private static final Pattern TEMPORARY =
      Pattern.compile(
          "\\.(?<output>.+)"
              + Pattern.quote(TEMPORARY_INFIX)
              + "(?:(?<id>"
              + ID
              + ")-(?<time>"
              + STAMP
              + ")|(?<uuid>"
              + UUID
              + "))"
              + Pattern.quote(TEMPORARY_SUFFIX));

  public LeftoverName {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(run, "run");
    if ((kind == Kind.TEMPORARY) != (outputName != null)) {
      throw new IllegalArgumentException("Only a temporary output has an output name: " + kind);
    }
    if (outputName != null && (outputName.isEmpty() || outputName.contains("/"))) {
      throw new IllegalArgumentException("Invalid output name: '" + outputName + "'");
    }
  }

  static LeftoverName staging(RunId run) {
    return new LeftoverName(Kind.STAGING, null, run);
  }

  static LeftoverName temporary(String outputName, RunId run) {
    return new LeftoverName(Kind.TEMPORARY, outputName, run);
  }

  /** The file name: what {@link #parse} reads back. */
  public String fileName() {
    String stamp = run.started() == null ? run.id() : run.id() + "-" + TIME.format(run.started());
    return kind == Kind.STAGING
        ? STAGING_PREFIX + stamp
        : "." + outputName + TEMPORARY_INFIX + stamp + TEMPORARY_SUFFIX;
  }

  /** The leftover a file name stands for; empty for any other name (a user's own files). */
  public static Optional<LeftoverName> parse(String fileName) {
    Matcher staging = STAGING.matcher(fileName);
    if (staging.matches()) {
      return runOf(staging).map(LeftoverName::staging);
    }
    Matcher temporary = TEMPORARY.matcher(fileName);
    if (temporary.matches()) {
      String output = temporary.group("output");
      return runOf(temporary).map(run -> temporary(output, run));
    }
    return Optional.empty();
  }

  private static Optional<RunId> runOf(Matcher name) {
    if (name.group("uuid") != null) {
      return Optional.of(new RunId(name.group("uuid"), null));
    }
    try {
      return Optional.of(new RunId(name.group("id"), Instant.from(TIME.parse(name.group("time")))));
    } catch (DateTimeParseException e) {
      return Optional.empty(); // digits that are no time (month 13): not one of ours
    }
  }

  @Override
  public String toString() {
    return fileName();
  }
}
