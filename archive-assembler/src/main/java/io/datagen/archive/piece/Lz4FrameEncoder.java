package io.datagen.archive.piece;

import java.io.IOException;
import java.io.OutputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHash32;
import net.jpountz.xxhash.XXHashFactory;

/**
 * lz4 piece (archive 1.15+, pg_restore 16+): one complete LZ4 frame (64 KiB independent blocks, no
 * checksums), framed as chunks in a custom archive, unchunked in a directory archive's {@code
 * .dat.lz4} file. pg_restore 16–18 feed every byte to one LZ4F context, which starts a new frame
 * after each end mark, so frames may simply follow one another, whatever the chunking. Level 1 or
 * 2: the fast compressor; 3 to 12: LZ4HC.
 */
final class Lz4FrameEncoder extends CompressingPieceEncoder {
  private final LZ4Compressor compressor;
  private final XXHash32 hash = XXHashFactory.fastestInstance().hash32();

  Lz4FrameEncoder(int level, int chunkSize) {
    super(chunkSize);
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = level < 3 ? factory.fastCompressor() : factory.highCompressor(level);
  }

  @Override
  void compress(byte[] raw, int offset, int length, OutputStream out) throws IOException {
    // Closing the frame stream writes the end mark; closing the framer is a no-op (finish() ends
    // it).
    try (LZ4FrameOutputStream lz4 =
        new LZ4FrameOutputStream(
            out,
            LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
            -1L,
            compressor,
            hash,
            LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
      lz4.write(raw, offset, length);
    }
  }
}
