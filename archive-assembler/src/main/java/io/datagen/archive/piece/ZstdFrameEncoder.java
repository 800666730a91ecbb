package io.datagen.archive.piece;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;

/**
 * Custom-format zstd piece (archive 1.15+, pg_restore 16+): one complete zstd frame, without a
 * checksum, framed as chunks. pg_restore reads a zstd block with one decompression stream and, once
 * a frame is complete, drops whatever is left of the current chunk; the chunks of one piece end
 * exactly where its frame ends, so the next piece's frame always starts a chunk and frames simply
 * follow one another. The Adler-32 is of the raw text, for the manifest.
 */
final class ZstdFrameEncoder implements PieceEncoder {
  private final ZstdCompressCtx compressor = new ZstdCompressCtx();
  private final int chunkSize;
  private final Adler32 adler = new Adler32();
  private byte[] frame = new byte[0];

  ZstdFrameEncoder(int level, int chunkSize) {
    compressor.setLevel(level);
    compressor.setChecksum(false);
    this.chunkSize = chunkSize;
  }

  @Override
  public EncodedPiece encode(byte[] raw, int offset, int length) {
    adler.reset();
    adler.update(raw, offset, length);
    int checksum = (int) adler.getValue();
    if (length == 0) {
      return new EncodedPiece(new byte[0], 0, checksum);
    }
    int bound = (int) Zstd.compressBound(length);
    if (frame.length < bound) {
      frame = new byte[bound];
    }
    int size = compressor.compressByteArray(frame, 0, frame.length, raw, offset, length);
    InMemorySink sink = new InMemorySink();
    ChunkFramer framer = new ChunkFramer(new ArchiveOutput(sink), chunkSize);
    try {
      framer.write(frame, 0, size);
      framer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
    return new EncodedPiece(sink.toByteArray(), length, checksum);
  }
}
