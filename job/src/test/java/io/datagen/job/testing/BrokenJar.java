package io.datagen.job.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A deliberately broken copy of a jar: every entry under one prefix left out, as if the build had
 * not packed one library. A test fixture for showing that a test setup notices the loss.
 */
public final class BrokenJar {
  private BrokenJar() {}

  /**
   * Copies {@code jar} to {@code target} without the entries whose names start with {@code prefix}.
   *
   * @return {@code target}
   * @throws IllegalArgumentException if {@code jar} has no such entry (the copy would not be
   *     broken)
   */
  public static Path without(Path jar, String prefix, Path target) throws IOException {
    int removed = 0;
    try (ZipFile source = new ZipFile(jar.toFile());
        OutputStream file = Files.newOutputStream(target);
        ZipOutputStream copy = new ZipOutputStream(file)) {
      Enumeration<? extends ZipEntry> entries = source.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.getName().startsWith(prefix)) {
          removed++;
          continue;
        }
        copy.putNextEntry(new ZipEntry(entry.getName()));
        try (InputStream in = source.getInputStream(entry)) {
          in.transferTo(copy);
        }
        copy.closeEntry();
      }
    }
    if (removed == 0) {
      throw new IllegalArgumentException(
          "Cannot break " + jar + ": no entry starts with " + prefix);
    }
    return target;
  }
}
