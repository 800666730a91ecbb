package io.datagen.archive.piece;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where a piece's stored bytes live: a known length and a way to stream them. Lets the driver copy
 * pieces from staging storage (local file, HDFS, S3, memory) without holding them.
 */
public interface PieceSource {

  /** The number of bytes {@link #open()} yields. */
  long length();

  /** A fresh stream over the bytes; the caller closes it. */
  InputStream open() throws IOException;
}
