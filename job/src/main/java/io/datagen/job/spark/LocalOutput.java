package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.regex.Pattern;

/**
 * An output on the local file system, checked before any work starts: what the name the user gave
 * resolves to, and how it may be written. Nothing the user did not name as a regular file is ever
 * replaced:
 *
 * <ul>
 *   <li>a symbolic link is followed, and its final target is written (the link stays);
 *   <li>a device, FIFO or socket is written as a stream, in place;
 *   <li>a directory, a name ending in {@code /}, a missing or read-only parent directory are
 *       refused.
 * </ul>
 *
 * @param given the name as the user gave it, for messages
 * @param target the regular file to create or replace, or the special file to write into
 * @param special whether {@code target} is a device, FIFO or socket (written as a stream)
 */
record LocalOutput(String given, Path target, boolean special) {
  /**
   * A URI with a scheme ({@code s3a://…}, {@code hdfs:/…}, {@code file:/…}); anything else is a
   * path.
   */
  private static final Pattern URI_WITH_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:/.*");

  /** As Linux's SYMLOOP_MAX / the kernel's limit on links followed in one lookup. */
  private static final int MAX_LINKS = 40;

  /**
   * Whether {@code output} is a local path rather than a URI ({@code file:} URIs count as local).
   */
  static boolean isLocal(String output) {
    return !URI_WITH_SCHEME.matcher(output).matches() || output.startsWith("file:");
  }

  /**
   * Checks a local output name.
   *
   * @throws DatagenException USAGE for a name that is not a path, OUTPUT for one that cannot be
   *     written
   */
  static LocalOutput resolve(String given) {
    Path requested = parse(given);
    if (given.endsWith("/") || given.endsWith("/.") || given.endsWith("/..")) {
      throw cannot(
          given, "the name ends in '/', so it names a directory; name the archive file itself");
    }
    Path target = followLinks(given, requested);
    BasicFileAttributes attributes = attributesOrNull(given, target);
    if (attributes != null && attributes.isDirectory()) {
      throw cannot(
          given,
          "it is a directory; name a file, e.g. "
              + requested.resolve("data.dump")
              + " (a single-file format writes one file)");
    }
    if (attributes != null && attributes.isOther()) {
      if (!Files.isWritable(target)) {
        throw cannot(given, "no permission to write " + target);
      }
      return new LocalOutput(given, target, true);
    }
    Path parent = target.toAbsolutePath().getParent();
    if (!Files.exists(parent)) {
      throw cannot(given, "directory " + parent + " does not exist; create it first");
    }
    if (!Files.isDirectory(parent)) {
      throw cannot(given, parent + " is not a directory");
    }
    if (!Files.isWritable(parent)) {
      throw cannot(given, "no permission to create files in " + parent);
    }
    return new LocalOutput(given, target, false);
  }

  /**
   * Checks a local directory archive's name: a new directory, or an empty one, in a writable
   * parent. A non-empty directory is refused, as pg_dump -Fd refuses it: nothing is ever replaced
   * or mixed into.
   *
   * @throws DatagenException USAGE for a name that is not a path, OUTPUT for one that cannot be
   *     written
   */
  static LocalOutput resolveDirectory(String given) {
    Path target = followLinks(given, parse(given));
    BasicFileAttributes attributes = attributesOrNull(given, target);
    if (attributes != null && !attributes.isDirectory()) {
      throw cannot(
          given,
          "it exists and is not a directory; a directory archive is a directory of its own: name"
              + " a new one, or remove the file");
    }
    if (attributes != null) {
      try (var entries = Files.list(target)) {
        if (entries.findAny().isPresent()) {
          throw cannot(
              given,
              "the directory is not empty; a directory archive needs a directory of its own"
                  + " (as pg_dump -Fd does): remove it or name a new one");
        }
      } catch (IOException e) {
        throw cannot(given, e.getMessage());
      }
      return new LocalOutput(given, target, false);
    }
    Path parent = target.toAbsolutePath().normalize().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw cannot(given, "directory " + parent + " does not exist; create it first");
    }
    if (!Files.isWritable(parent)) {
      throw cannot(given, "no permission to create directories in " + parent);
    }
    return new LocalOutput(given, target, false);
  }

  /** The path itself for {@code file:} URIs and plain names; a usage error for anything else. */
  private static Path parse(String given) {
    if (given.isEmpty()) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Invalid output '': give a file name, a URI such as s3a://bucket/key, or - for stdout");
    }
    try {
      if (given.startsWith("file:")) {
        return Path.of(java.net.URI.create(given));
      }
      return Path.of(given);
    } catch (IllegalArgumentException e) { // InvalidPathException included
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Invalid output '"
              + printable(given)
              + "': not a file name or URI ("
              + e.getMessage()
              + ")");
    }
  }

  /**
   * The final target of a chain of symbolic links (relative links resolve against their own
   * directory); {@code path} itself when it is not a link. A dangling link gives the name the link
   * points at, which is then created.
   */
  private static Path followLinks(String given, Path path) {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == MAX_LINKS) {
        throw cannot(given, "too many levels of symbolic links (a loop?)");
      }
      try {
        Path link = Files.readSymbolicLink(current);
        Path directory = current.toAbsolutePath().getParent();
        current = directory == null ? link : directory.resolve(link);
      } catch (IOException e) {
        throw cannot(given, "cannot read the symbolic link " + current + ": " + e.getMessage());
      }
    }
    return current;
  }

  private static BasicFileAttributes attributesOrNull(String given, Path target) {
    try {
      return Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw cannot(given, e.getMessage());
    }
  }

  private static DatagenException cannot(String given, String why) {
    return new DatagenException(
        ErrorCategory.OUTPUT, "Cannot write " + printable(given) + ": " + why);
  }

  /** The name with control characters shown as {@code \\uXXXX}, so a message stays one line. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }
}
