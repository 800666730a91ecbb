package io.datagen.archive.custom;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.piece.DataPiece;
import java.io.IOException;

/** Puts one piece's stored bytes into the output: for real, or only counted in the dry run. */
interface PieceCopier {
  void copy(ArchiveOutput out, int dumpId, int pieceIndex, DataPiece piece) throws IOException;
}
