package io.datagen.archive.piece;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.IOException;
import java.io.OutputStream;

/**
 * zstd piece (archive 1.15+, pg_restore 16+): one complete zstd frame, without a checksum.
 *
 * <p>In a custom archive it is framed as chunks. pg_restore reads a zstd block with one
 * decompression stream and, once a frame is complete, drops whatever is left of the current chunk;
 * the chunks of one piece end exactly where its frame ends, so the next piece's frame always starts
 * a chunk and frames simply follow one another. In a directory archive's {@code .dat.zst} file the
 * frames are not chunked: pg_restore's file reader carries on from one frame into the next.
 */
final class ZstdFrameEncoder extends CompressingPieceEncoder {
  private final ZstdCompressCtx compressor = new ZstdCompressCtx();
  private byte[] frame = new byte[0];

  ZstdFrameEncoder(int level, int chunkSize) {
    super(chunkSize);
    compressor.setLevel(level);
    compressor.setChecksum(false);
  }

  @Override
  void compress(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    int bound = (int) Zstd.compressBound(length);
    if (frame.length < bound) {
      frame = new byte[bound];
    }
    int size = compressor.compressByteArray(frame, 0, frame.length, raw, offset, length);
    out.write(frame, 0, size);
  }
}
