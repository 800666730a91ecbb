package io.datagen.job.cli;

import io.datagen.archive.TocEntry;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.spark.RunSummary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * {@code generate --validate-output}: reads what the run wrote back, with datagen's own archive
 * reader, and checks it against the run: the archive's structure and TOC parse, the format is the
 * one asked for, every table's data decompresses to the end, and each table holds exactly its
 * planned rows (no table missing, none extra). A COPY script is checked the same way from its
 * {@code COPY … FROM stdin} blocks. A failure is exit 5 and names every difference.
 */
final class OutputCheck {
  /** The header pg_dump (and datagen) writes before each TOC entry of a script. */
  private static final Pattern DATA_HEADER =
      Pattern.compile("^-- (?:Data for )?Name: (.+); Type: TABLE DATA; Schema: ([^;]*);");

  private OutputCheck() {}

  /** Refuses, before any work, what cannot be read back. */
  static void requireCheckable(OutputFormat format, String output) {
    if (format == OutputFormat.SQL) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "--validate-output reads back archives and COPY scripts; an INSERT script (--format sql)"
              + " is not re-parsed: use --format copy, custom or directory, or"
              + " --validate-output=restore (which runs it with psql)");
    }
    requireLocalFile(output);
  }

  /** Refuses, before any work, an output that is not a local path (both checks re-read it). */
  static void requireLocalFile(String output) {
    if ("-".equals(output)) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "--validate-output reads the output back from a file; stdout (-o -) cannot be re-read");
    }
    if (output != null && (output.contains("://") || output.startsWith("file:"))) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "--validate-output reads the output back from a local path, not "
              + output
              + "; copy it here and run datagen inspect on it");
    }
  }

  /**
   * @param written the output the run wrote (a file, or a directory archive's directory)
   * @return one line per table checked
   */
  static List<String> check(
      Path written, OutputFormat format, CompressionOption compression, RunSummary summary) {
    Map<String, Long> planned = new LinkedHashMap<>();
    for (RunSummary.TableStats table : summary.tables()) {
      planned.put(table.table(), table.rows());
    }
    Map<String, Long> found;
    try {
      found = format.isArchive() ? archiveRows(written, format) : scriptRows(written, compression);
    } catch (IOException | RuntimeException e) {
      throw new DatagenException(
          ErrorCategory.VERIFY,
          "--validate-output: cannot read back " + written + ": " + e.getMessage(),
          e);
    }
    List<String> problems = new ArrayList<>();
    List<String> checked = new ArrayList<>();
    planned.forEach(
        (table, rows) -> {
          Long read = found.get(table);
          if (read == null && rows > 0) {
            problems.add("table " + table + " has no data (" + rows + " rows planned)");
          } else if (read != null && read.longValue() != rows) {
            problems.add("table " + table + " holds " + read + " rows, " + rows + " planned");
          } else {
            checked.add(table + ": " + rows + (rows == 1 ? " row" : " rows"));
          }
        });
    found.keySet().stream()
        .filter(table -> !planned.containsKey(table))
        .forEach(table -> problems.add("table " + table + " has data but was not planned"));
    if (!problems.isEmpty()) {
      throw new DatagenException(
          ErrorCategory.VERIFY,
          "--validate-output: "
              + written
              + " does not match the run: "
              + String.join("; ", problems)
              + " (the output is left in place for inspection)");
    }
    return checked;
  }

  private static Map<String, Long> archiveRows(Path written, OutputFormat format)
      throws IOException {
    ArchiveReader reader = ArchiveReader.open(written);
    if (reader.isDirectory() != (format == OutputFormat.DIRECTORY)) {
      throw new IOException(
          "it reads as a "
              + (reader.isDirectory() ? "directory" : "custom")
              + " archive, not "
              + format.id());
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    for (ReadTocEntry read : reader.entries()) {
      TocEntry entry = read.entry();
      if (!"TABLE DATA".equals(entry.desc()) || !entry.hadDumper()) {
        continue;
      }
      InspectCommand.DataStats stats = InspectCommand.dataStats(reader, entry);
      if (stats.rows() < 0) {
        throw new IOException("table " + entry.tag() + "'s data has no COPY statement");
      }
      String table = qualified(entry.namespace(), entry.tag());
      if (rows.put(table, stats.rows()) != null) {
        throw new IOException("table " + table + " has two TABLE DATA entries");
      }
    }
    return rows;
  }

  private static Map<String, Long> scriptRows(Path written, CompressionOption compression)
      throws IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (InputStream file = Files.newInputStream(written);
        InputStream in =
            compression.algorithm() == CompressionOption.NONE.algorithm()
                ? file
                : new GZIPInputStream(file, 1 << 16);
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
      String table = null;
      boolean inCopy = false;
      long count = 0;
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (inCopy) {
          if (line.equals("\\.")) {
            rows.merge(table, count, Long::sum);
            inCopy = false;
            table = null;
          } else {
            count++;
          }
          continue;
        }
        Matcher header = DATA_HEADER.matcher(line);
        if (header.find()) {
          table = qualified(header.group(2), header.group(1));
        } else if (table != null && line.startsWith("COPY ") && line.endsWith("FROM stdin;")) {
          inCopy = true;
          count = 0;
        }
      }
      if (inCopy) {
        throw new IOException("the COPY data of " + table + " ends without its \\. line");
      }
    }
    return rows;
  }

  /** As the schema names tables: unqualified in public. */
  private static String qualified(String namespace, String table) {
    return namespace == null || namespace.isEmpty() || namespace.equals("public")
        ? table
        : namespace + "." + table;
  }
}
