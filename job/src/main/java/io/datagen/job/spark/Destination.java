package io.datagen.job.spark;

import java.io.IOException;
import org.apache.hadoop.fs.Path;

/**
 * Where a run's output goes, whatever its shape (one file: {@link OutputTarget}; a directory
 * archive: {@link DirectoryTarget}). Lifecycle: the output is written, then exactly one of {@link
 * #commit()} or {@link #abort()}.
 */
interface Destination {
  /** Finishes the output and makes it visible under its final name. */
  void commit() throws IOException;

  /** Discards whatever was written; nothing appears under the final name. Never throws. */
  void abort();

  String describe();

  /**
   * What {@link #abort()} would discard now, in words for the message of an interrupted run ("the
   * partial output NAME", "the incomplete upload to KEY"); null while nothing that can be discarded
   * has been written.
   */
  String partial();

  /**
   * The directory beside the output, where staging goes by default; null when the output has none
   * that may be written (stdout, a device, a FIFO).
   */
  Path stagingParent();
}
