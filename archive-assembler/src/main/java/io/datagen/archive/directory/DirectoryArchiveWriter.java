package io.datagen.archive.directory;

import io.datagen.archive.ArchiveFormat;
import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.CompressionAlgorithm;
import io.datagen.archive.TocEntry;
import io.datagen.archive.custom.HeaderWriter;
import io.datagen.archive.custom.TocEntryWriter;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.piece.TableDataPieces;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@code pg_dump -Fd} archive (pg_backup_directory.c): one data file per TABLE DATA entry,
 * then {@code toc.dat}.
 *
 * <ul>
 *   <li>A data file is named {@code <dumpId>.dat} plus the codec's suffix ({@code .gz}, {@code
 *       .zst}, {@code .lz4}; none for uncompressed data): pg_restore finds the suffix on disk. Its
 *       content is the plain concatenation of the table's pieces, as encoded by {@link
 *       PieceEncoder#forDirectoryArchive}, and a terminator piece: gzip members, zstd frames or LZ4
 *       frames, which every reader takes one after another as one stream.
 *   <li>{@code toc.dat} is the custom format's header and TOC, uncompressed, with format byte 3
 *       (the tar code; pg_restore expects it for a directory) and, in place of each entry's offset,
 *       the Str name of its data file ({@code "3001.dat"}, or {@code ""} without data). Nothing
 *       follows the TOC.
 * </ul>
 *
 * <p>{@code toc.dat} is written last, so its presence means every data file is complete: on an
 * object store, where files appear one by one, it is the archive's commit marker.
 */
public final class DirectoryArchiveWriter {
  /** The TOC file's name; pg_restore recognizes a directory archive by it. */
  public static final String TOC_FILE = "toc.dat";

  private DirectoryArchiveWriter() {}

  /** What was written: a file's name and size, in the order written ({@code toc.dat} last). */
  public record WrittenFile(String name, long bytes) {}

  /** The name toc.dat gives an entry's data file: {@code "<dumpId>.dat"}. */
  public static String dataFileName(int dumpId) {
    return dumpId + ".dat";
  }

  /** The data file's name on disk: {@link #dataFileName} plus the codec's suffix. */
  public static String storedFileName(int dumpId, CompressionAlgorithm algorithm) {
    return dataFileName(dumpId) + suffix(algorithm);
  }

  /** The suffix pg_restore 16–18 look for (12–15 know {@code .gz} only). */
  public static String suffix(CompressionAlgorithm algorithm) {
    return switch (algorithm) {
      case NONE -> "";
      case GZIP -> ".gz";
      case LZ4 -> ".lz4";
      case ZSTD -> ".zst";
    };
  }

  /**
   * Writes the whole archive: the data files in TOC order, then {@code toc.dat}.
   *
   * @param header the oldest version that carries its compression ({@link ArchiveHeader#of})
   * @param piecesByDumpId for every entry with {@code hadDumper}, its pieces in order (possibly
   *     none), encoded by {@link PieceEncoder#forDirectoryArchive} with the header's compression;
   *     no other keys
   * @return the files written, {@code toc.dat} last
   */
  public static List<WrittenFile> write(
      DirectoryOutput output,
      ArchiveHeader header,
      List<TocEntry> entries,
      Map<Integer, List<DataPiece>> piecesByDumpId)
      throws IOException {
    header.requireOldestVersion("directory archive writer");
    CompressionAlgorithm algorithm = header.compression().algorithm();
    Map<Integer, List<DataPiece>> files =
        TableDataPieces.withTerminators(
            entries, piecesByDumpId, PieceEncoder.forDirectoryArchive(header.compression()));
    List<WrittenFile> written = new ArrayList<>();
    for (Map.Entry<Integer, List<DataPiece>> file : files.entrySet()) {
      String name = storedFileName(file.getKey(), algorithm);
      long size = 0;
      try (OutputStream out = output.create(name)) {
        List<DataPiece> pieces = file.getValue();
        for (int i = 0; i < pieces.size(); i++) {
          String pieceName = "piece " + i + " of " + name;
          DataPiece piece = pieces.get(i);
          PieceMagic magic = new PieceMagic(algorithm, pieceName);
          piece.copyTo(
              pieceName,
              (bytes, offset, length) -> {
                magic.accept(bytes, offset, length);
                out.write(bytes, offset, length);
              });
          magic.finish();
          size += piece.storedLength();
        }
      }
      written.add(new WrittenFile(name, size));
    }
    try (OutputStream out = output.create(TOC_FILE)) {
      PositionedSink sink = PositionedSink.of(out);
      writeToc(new ArchiveOutput(sink), header, entries);
      sink.flush();
      written.add(new WrittenFile(TOC_FILE, sink.position()));
    }
    return List.copyOf(written);
  }

  /** Header (format byte 3) and TOC, each data entry naming its file. */
  static void writeToc(ArchiveOutput out, ArchiveHeader header, List<TocEntry> entries)
      throws IOException {
    HeaderWriter.write(out, header, ArchiveFormat.TAR); // a directory's toc.dat says 3 (tar)
    out.writeInt(entries.size()); // TOC entry count
    for (TocEntry entry : entries) {
      String fileName = entry.hadDumper() ? dataFileName(entry.dumpId()) : "";
      TocEntryWriter.writeWithFileName(out, header.version(), entry, fileName);
    }
  }
}
