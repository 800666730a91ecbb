package io.datagen.archive.directory;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Where the files of a directory archive go. What the directory is belongs to the caller: a local
 * temporary directory renamed when complete, or an object-store prefix.
 */
public interface DirectoryOutput {
  /**
   * A new file of the archive. The writer writes it whole and closes it before it creates the next
   * one; closing is what completes the file.
   *
   * @param fileName a plain file name, no separators ({@code toc.dat}, {@code 3001.dat.zst})
   */
  OutputStream create(String fileName) throws IOException;
}
