package io.datagen.archive.read;

import com.github.luben.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

/**
 * The files of a directory archive as pg_restore 16–18 find and read them (pg_backup_directory.c,
 * compress_io.c {@code InitDiscoverCompressFileHandle}).
 */
final class DirectoryFiles {
  static final String TOC_FILE = "toc.dat";

  /** Suffixes tried, in pg_restore's order, when the plain name does not exist. */
  private static final String[] SUFFIXES = {".gz", ".lz4", ".zst"};

  private DirectoryFiles() {}

  /** The archive's toc.dat; a missing one is named as such (it is written last). */
  static Path toc(Path directory) throws ArchiveFormatException {
    Path toc = directory.resolve(TOC_FILE);
    if (!Files.isRegularFile(toc)) {
      throw new ArchiveFormatException(
          "Cannot read directory archive "
              + directory
              + ": it has no "
              + TOC_FILE
              + " (not an archive, or an incomplete one: toc.dat is written last)");
    }
    return toc;
  }

  /** The data file toc.dat names: the name itself if it exists, else the first suffix found. */
  static Path find(Path directory, String fileName) throws ArchiveFormatException {
    if (fileName.indexOf('/') >= 0 || fileName.equals("..")) {
      throw new ArchiveFormatException(
          "Cannot read data file \"" + fileName + "\": not a plain file name");
    }
    Path plain = directory.resolve(fileName);
    if (Files.isRegularFile(plain)) {
      return plain;
    }
    for (String suffix : SUFFIXES) {
      Path compressed = directory.resolve(fileName + suffix);
      if (Files.isRegularFile(compressed)) {
        return compressed;
      }
    }
    throw new ArchiveFormatException(
        "Cannot read data file "
            + plain
            + ": neither it nor "
            + fileName
            + "{.gz,.lz4,.zst} exists in the archive directory");
  }

  /** Streams a data file's decompressed bytes, decoding by its suffix. */
  static void copyData(Path file, OutputStream out) throws IOException {
    String name = file.getFileName().toString();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        InputStream in = decoder(name, raw)) {
      in.transferTo(out);
    } catch (IOException e) {
      if (e instanceof ArchiveFormatException) {
        throw e;
      }
      throw new ArchiveFormatException("Cannot read data file " + file + ": " + e.getMessage(), e);
    }
  }

  /** gzip: member after member; zstd: frame after frame; lz4: frame after frame. */
  private static InputStream decoder(String name, InputStream raw) throws IOException {
    if (name.endsWith(".gz")) {
      return new GZIPInputStream(raw, 64 * 1024);
    }
    if (name.endsWith(".zst")) {
      return new ZstdInputStream(raw);
    }
    if (name.endsWith(".lz4")) {
      return new LZ4FrameInputStream(raw);
    }
    return raw;
  }
}
