package io.datagen.archive.piece;

import io.datagen.archive.TocEntry;
import io.datagen.archive.text.CopyText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The data of an archive's entries, as every archive writer takes it: each entry with {@code
 * hadDumper} gets its pieces in order followed by a terminator piece the writer encodes itself,
 * {@code \.\n\n\n} when the entry has a copyStmt (COPY data, pg_dump's {@code dumpTableData_copy}),
 * {@code \n\n} otherwise (INSERT data, {@code dumpTableData_insert}).
 */
public final class TableDataPieces {
  /**
   * Terminator of INSERT-style data (pg_dump's dumpTableData_insert ends with a blank line pair).
   */
  static final String INSERT_DATA_END = "\n\n";

  private TableDataPieces() {}

  /**
   * Each data entry's pieces with its terminator, in TOC order.
   *
   * @param piecesByDumpId for every entry with {@code hadDumper}, its data pieces in order
   *     (possibly none); no other keys
   * @param terminatorEncoder the encoder of the archive's pieces, for the terminator
   * @throws IllegalArgumentException for a duplicate dumpId, a data entry without pieces, or pieces
   *     for an entry without data
   */
  public static Map<Integer, List<DataPiece>> withTerminators(
      List<TocEntry> entries,
      Map<Integer, List<DataPiece>> piecesByDumpId,
      PieceEncoder terminatorEncoder) {
    Map<Integer, List<DataPiece>> blocks = new LinkedHashMap<>();
    Set<Integer> seen = new HashSet<>();
    for (TocEntry entry : entries) {
      if (!seen.add(entry.dumpId())) {
        throw new IllegalArgumentException("Cannot write TOC: duplicate dumpId " + entry.dumpId());
      }
      if (!entry.hadDumper()) {
        continue;
      }
      List<DataPiece> pieces = piecesByDumpId.get(entry.dumpId());
      if (pieces == null) {
        throw new IllegalArgumentException(
            "Cannot write TOC: no data pieces given for dumpId "
                + entry.dumpId()
                + " ("
                + entry.desc()
                + " "
                + entry.tag()
                + ")");
      }
      List<DataPiece> withTerminator = new ArrayList<>(pieces);
      String terminator = entry.copyStmt() != null ? CopyText.END_OF_DATA : INSERT_DATA_END;
      withTerminator.add(
          terminatorEncoder.encode(terminator.getBytes(StandardCharsets.UTF_8)).toDataPiece());
      blocks.put(entry.dumpId(), List.copyOf(withTerminator));
    }
    for (int dumpId : piecesByDumpId.keySet()) {
      if (!blocks.containsKey(dumpId)) {
        throw new IllegalArgumentException(
            "Cannot write TOC: data pieces given for dumpId "
                + dumpId
                + ", which is not an entry with hadDumper");
      }
    }
    return blocks;
  }
}
