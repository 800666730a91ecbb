package io.datagen.job.spark;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.plain.PlainScriptWriter;
import io.datagen.job.plan.OutputFormat;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The plain-script outputs: the same TOC and the same staged pieces, printed as a psql script. For
 * {@code sql} the TABLE DATA entries lose their COPY statement, since their pieces are INSERTs.
 */
final class ScriptAssembly {
  private ScriptAssembly() {}

  static void write(
      PositionedSink sink,
      ArchiveHeader header,
      OutputFormat format,
      List<TocEntry> entries,
      Map<Integer, List<DataPiece>> pieces)
      throws IOException {
    List<TocEntry> scriptEntries =
        format == OutputFormat.SQL
            ? entries.stream()
                .map(e -> e.isTableData() ? e.toBuilder().copyStmt(null).build() : e)
                .toList()
            : entries;
    PlainScriptWriter.write(sink, header.compression(), header, scriptEntries, pieces);
  }
}
