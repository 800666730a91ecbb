package io.datagen.archive;

/**
 * An archive version {@code major.minor.rev}, as stored in bytes 5–7 of the header.
 *
 * <p>pg_restore reads the three bytes into a signed {@code char}; a byte of 128 or more turns
 * negative and makes pg_restore misparse the TOC (it segfaulted in tests), so each part is limited
 * to 0–127.
 */
public record ArchiveVersion(int major, int minor, int rev) implements Comparable<ArchiveVersion> {

  /** Large objects as separate BLOB entries (PG 9.0+). Oldest version the reader accepts. */
  public static final ArchiveVersion K_VERS_1_12 = new ArchiveVersion(1, 12, 0);

  /** search_path change (2018); no layout change. */
  public static final ArchiveVersion K_VERS_1_13 = new ArchiveVersion(1, 13, 0);

  /** {@code tableam} in each TOC entry (PG 12–15). What our writer produces. */
  public static final ArchiveVersion K_VERS_1_14 = new ArchiveVersion(1, 14, 0);

  /** Header compression becomes a one-byte algorithm (PG 16). */
  public static final ArchiveVersion K_VERS_1_15 = new ArchiveVersion(1, 15, 0);

  /** {@code relkind} in each TOC entry (PG 17–18). */
  public static final ArchiveVersion K_VERS_1_16 = new ArchiveVersion(1, 16, 0);

  /** Largest value of a version byte that pg_restore reads correctly (signed char). */
  public static final int MAX_VERSION_BYTE = 127;

  public ArchiveVersion {
    checkByte("major", major);
    checkByte("minor", minor);
    checkByte("revision", rev);
  }

  private static void checkByte(String part, int value) {
    if (value < 0 || value > MAX_VERSION_BYTE) {
      throw new IllegalArgumentException(
          "Cannot use archive version "
              + part
              + " byte: "
              + value
              + " (pg_restore reads version bytes as signed char; use 0 to "
              + MAX_VERSION_BYTE
              + ")");
    }
  }

  /** The integer pg_restore compares: {@code (major * 256 + minor) * 256 + rev}. */
  public int packed() {
    return (major * 256 + minor) * 256 + rev;
  }

  public boolean isAtLeast(ArchiveVersion other) {
    return compareTo(other) >= 0;
  }

  @Override
  public int compareTo(ArchiveVersion other) {
    return Integer.compare(packed(), other.packed());
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + rev;
  }
}
