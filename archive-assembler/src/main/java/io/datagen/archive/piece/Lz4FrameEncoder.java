package io.datagen.archive.piece;

import io.datagen.archive.io.ArchiveOutput;
import io.datagen.archive.io.InMemorySink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Adler32;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FrameOutputStream;
import net.jpountz.xxhash.XXHashFactory;

/**
 * Custom-format lz4 piece (archive 1.15+, pg_restore 16+): one complete LZ4 frame (64 KiB
 * independent blocks, no checksums), framed as chunks. pg_restore 16–18 feed every byte of every
 * chunk to one LZ4F context, which starts a new frame after each end mark, so frames may simply
 * follow one another, whatever the chunking. Level 1 or 2: the fast compressor; 3 to 12: LZ4HC.
 */
final class Lz4FrameEncoder implements PieceEncoder {
  private final LZ4Compressor compressor;
  private final int chunkSize;
  private final Adler32 adler = new Adler32();
  private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

  Lz4FrameEncoder(int level, int chunkSize) {
    LZ4Factory factory = LZ4Factory.fastestInstance();
    this.compressor = level < 3 ? factory.fastCompressor() : factory.highCompressor(level);
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
    frame.reset();
    InMemorySink sink = new InMemorySink();
    try {
      try (LZ4FrameOutputStream lz4 =
          new LZ4FrameOutputStream(
              frame,
              LZ4FrameOutputStream.BLOCKSIZE.SIZE_64KB,
              -1L,
              compressor,
              XXHashFactory.fastestInstance().hash32(),
              LZ4FrameOutputStream.FLG.Bits.BLOCK_INDEPENDENCE)) {
        lz4.write(raw, offset, length);
      }
      ChunkFramer framer = new ChunkFramer(new ArchiveOutput(sink), chunkSize);
      framer.write(frame.toByteArray(), 0, frame.size());
      framer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot encode piece in memory", e);
    }
    return new EncodedPiece(sink.toByteArray(), length, checksum);
  }
}
