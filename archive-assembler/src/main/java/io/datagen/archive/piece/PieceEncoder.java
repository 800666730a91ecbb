package io.datagen.archive.piece;

import io.datagen.archive.Compression;
import io.datagen.archive.text.TextBuffer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns a byte range of table data (COPY text or INSERT text) into a self-contained piece, on an
 * executor. Instances keep a reusable compressor and are not thread-safe: use one per thread. The
 * encoders are deterministic: the same input gives the same bytes.
 */
public interface PieceEncoder {
  /** pg_dump's zlib chunk size (ZLIB_OUT_SIZE); also our default for uncompressed chunks. */
  int DEFAULT_CHUNK_SIZE = 4096;

  /** Upper bound keeping pg_restore's per-chunk buffer moderate. */
  int MAX_CHUNK_SIZE = 1 << 20;

  EncodedPiece encode(byte[] raw, int offset, int length);

  /**
   * Encodes {@code raw[offset, offset + length)} straight into {@code out}: the same stored bytes
   * as {@link #encode}, without holding them in an array of their own. For executors, whose pieces
   * are megabytes: a multi-megabyte array per piece is a humongous allocation for the JVM's G1
   * collector, and those made the collector, not the encoders, the bottleneck. {@code out} is not
   * closed.
   *
   * @return the Adler-32 of the raw bytes
   */
  default int encodeTo(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    EncodedPiece piece = encode(raw, offset, length);
    out.write(piece.bytes());
    return piece.adler32();
  }

  default EncodedPiece encode(byte[] raw) {
    return encode(raw, 0, raw.length);
  }

  default EncodedPiece encode(TextBuffer text) {
    return encode(text.array(), 0, text.length());
  }

  /** For custom archives with default 4 KiB chunks. */
  static PieceEncoder forCustomArchive(Compression compression) {
    return forCustomArchive(compression, DEFAULT_CHUNK_SIZE);
  }

  /**
   * For custom archives: gzip → sync-flushed raw deflate, zstd or lz4 → one frame, none → raw
   * bytes; all framed as chunks of at most {@code chunkSize} bytes.
   */
  static PieceEncoder forCustomArchive(Compression compression, int chunkSize) {
    if (chunkSize < 1 || chunkSize > MAX_CHUNK_SIZE) {
      throw new IllegalArgumentException(
          "Cannot use chunk size: " + chunkSize + " (expected 1 to " + MAX_CHUNK_SIZE + ")");
    }
    return switch (compression.algorithm()) {
      case NONE -> new StoredChunksEncoder(chunkSize);
      case GZIP -> new SyncFlushDeflateEncoder(compression.level(), chunkSize);
      case ZSTD -> new ZstdFrameEncoder(compression.effectiveLevel(), chunkSize);
      case LZ4 -> new Lz4FrameEncoder(compression.effectiveLevel(), chunkSize);
    };
  }

  /**
   * For the data files of a directory archive ({@code pg_dump -Fd}), which are the plain
   * concatenation of their pieces: none → the raw bytes, gzip → one complete gzip member (zlib's
   * gzread reads member after member), zstd → one zstd frame, lz4 → one LZ4 frame; no chunks.
   */
  static PieceEncoder forDirectoryArchive(Compression compression) {
    return switch (compression.algorithm()) {
      case NONE -> new RawBytesEncoder();
      case GZIP -> new GzipMemberEncoder(compression.level());
      case ZSTD ->
          new ZstdFrameEncoder(compression.effectiveLevel(), CompressingPieceEncoder.NOT_CHUNKED);
      case LZ4 ->
          new Lz4FrameEncoder(compression.effectiveLevel(), CompressingPieceEncoder.NOT_CHUNKED);
    };
  }

  /** For plain scripts: none → the raw bytes, gzip → one complete gzip member. */
  static PieceEncoder forPlainScript(Compression compression) {
    return switch (compression.algorithm()) {
      case NONE -> new RawBytesEncoder();
      case GZIP -> new GzipMemberEncoder(compression.level());
      default ->
          throw new IllegalArgumentException(
              "Cannot encode script pieces with compression: " + compression);
    };
  }
}
