package io.datagen.job.spark;

import io.datagen.job.plan.Segment;
import java.io.Serializable;
import java.util.Objects;

/**
 * What an executor reports for one written segment — small metadata only; the bytes stay in the
 * staging store.
 *
 * @param stagingPath the task attempt's staging file holding this piece
 * @param offset where the piece starts in that file
 * @param rawLength bytes of encoded text before compression
 * @param storedLength bytes of the piece as it goes into the archive
 * @param adler32 Adler-32 of the raw text (combined per table for the zlib trailer)
 * @param storedCrc32 CRC-32 of the stored bytes, checked when the driver copies them
 */
public record SegmentResult(
    Segment segment,
    String stagingPath,
    long offset,
    long rawLength,
    long storedLength,
    int adler32,
    int storedCrc32)
    implements Serializable {

  public SegmentResult {
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(stagingPath, "stagingPath");
  }
}
