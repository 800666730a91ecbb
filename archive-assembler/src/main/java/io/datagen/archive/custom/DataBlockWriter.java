package io.datagen.archive.custom;

import io.datagen.archive.BlockType;
import io.datagen.archive.Compression;
import io.datagen.archive.CompressionAlgorithm;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.piece.Adler32Combiner;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.ZlibStream;
import java.io.IOException;
import java.util.List;

/**
 * Writes one BLK_DATA block (pg_backup_custom.c {@code _StartData}/{@code _EndData}): block type,
 * dumpId, chunks, Int 0. With gzip the chunks form one zlib stream: the header chunk, the pieces'
 * sync-flushed deflate chunks, and a trailer chunk (empty final block + combined Adler-32). With
 * zstd each piece is one whole frame whose last chunk ends with the frame (pg_restore's reader
 * drops the rest of a chunk once a frame ends), so the pieces are copied as they are.
 */
final class DataBlockWriter {
  private DataBlockWriter() {}

  /**
   * @param pieces the table's pieces in order, its terminator piece last
   */
  static void write(
      ArchiveOutput out,
      int dumpId,
      Compression compression,
      List<DataPiece> pieces,
      PieceCopier copier)
      throws IOException {
    out.writeByte(BlockType.BLK_DATA.code()); // block type
    out.writeInt(dumpId); // must match the TOC entry
    boolean zlib = compression.algorithm() == CompressionAlgorithm.GZIP;
    if (zlib) {
      byte[] header = ZlibStream.header(compression.level());
      out.writeChunk(header, 0, header.length); // zlib header (CMF, FLG)
    }
    int adler = Adler32Combiner.INITIAL;
    for (int i = 0; i < pieces.size(); i++) {
      DataPiece piece = pieces.get(i);
      copier.copy(out, dumpId, i, piece); // the piece's framed chunks, verbatim
      adler = Adler32Combiner.combine(adler, piece.adler32(), piece.rawLength());
    }
    if (zlib) {
      byte[] trailer = ZlibStream.trailer(adler);
      out.writeChunk(trailer, 0, trailer.length); // empty final block + Adler-32 of the whole table
    }
    out.writeEndOfBlock(); // Int 0
  }
}
