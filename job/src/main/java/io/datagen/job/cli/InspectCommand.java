package io.datagen.job.cli;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.TocEntry;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "inspect",
    description =
        "Lists an archive's TOC like pg_restore -l, with the rows and sizes of each table's data."
            + " Reads custom (-Fc) and directory (-Fd) archives, datagen's and pg_dump's own"
            + " (1.12 to 1.16; none, gzip, zstd or lz4).")
public final class InspectCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "ARCHIVE",
      description =
          "A custom-format archive file, or a directory archive's directory (pg_dump or"
              + " datagen).")
  Path archive;

  @CommandLine.Option(
      names = "--no-data",
      description = "Only the TOC: do not decompress data to count rows.")
  boolean noData;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try {
      ArchiveReader reader = ArchiveReader.open(archive);
      printHeader(out, reader, reader.entries().size());
      long totalRows = 0;
      for (ReadTocEntry read : reader.entries()) {
        TocEntry entry = read.entry();
        out.printf(
            Locale.ROOT,
            "%d; %s %s %s %s %s %s%n",
            entry.dumpId(),
            entry.tableOid(),
            entry.oid(),
            entry.desc(),
            entry.namespace() == null ? "-" : entry.namespace(),
            entry.tag(),
            entry.owner() == null || entry.owner().isEmpty() ? "" : entry.owner());
        if (entry.hadDumper() && !noData) {
          DataStats stats = dataStats(reader, entry);
          totalRows += Math.max(stats.rows(), 0);
          out.printf(
              Locale.ROOT,
              ";     data: %s rows, %,d bytes, %,d bytes stored%n",
              stats.rows() < 0 ? "-" : String.format(Locale.ROOT, "%,d", stats.rows()),
              stats.rawBytes(),
              stats.storedBytes());
        }
      }
      if (!noData) {
        out.printf(Locale.ROOT, ";%n; Total rows: %,d%n", totalRows);
      }
      out.flush();
      return 0;
    } catch (NoSuchFileException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Cannot inspect " + archive + ": no such file", e);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.VERIFY, "Cannot inspect " + archive + ": " + e.getMessage(), e);
    }
  }

  private static void printHeader(PrintWriter out, ArchiveReader reader, int entries) {
    ArchiveHeader header = reader.header();
    out.println(";");
    out.printf(
        Locale.ROOT,
        "; Archive created at %s UTC%n",
        header
            .creationTime()
            .format(java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")));
    out.printf(Locale.ROOT, ";     dbname: %s%n", header.databaseName());
    out.printf(Locale.ROOT, ";     TOC Entries: %d%n", entries);
    out.printf(Locale.ROOT, ";     Compression: %s%n", header.compression());
    out.printf(
        Locale.ROOT,
        ";     Dump Version: %d.%d-%d%n",
        header.version().major(),
        header.version().minor(),
        header.version().rev());
    out.printf(Locale.ROOT, ";     Format: %s%n", reader.isDirectory() ? "DIRECTORY" : "CUSTOM");
    out.printf(Locale.ROOT, ";     Dumped from database version: %s%n", header.serverVersion());
    out.printf(Locale.ROOT, ";     Dumped by: %s%n", header.dumpVersion());
    out.println(";");
  }

  /**
   * @param rows COPY rows (lines before the {@code \.} terminator), or -1 for INSERT-style data
   */
  record DataStats(long rows, long rawBytes, long storedBytes) {}

  static DataStats dataStats(ArchiveReader reader, TocEntry entry) throws IOException {
    LineCounter counter = new LineCounter();
    reader.copyData(entry.dumpId(), counter);
    long stored = reader.storedBytes(entry.dumpId());
    // COPY data ends with the terminator line "\." and two empty lines.
    long rows = entry.copyStmt() == null ? -1 : Math.max(0, counter.lines - 3);
    return new DataStats(rows, counter.bytes, stored);
  }

  /** Counts bytes and newlines without keeping the data. */
  private static final class LineCounter extends OutputStream {
    long lines;
    long bytes;

    @Override
    public void write(int b) {
      bytes++;
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
      bytes += length;
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          lines++;
        }
      }
    }
  }
}
