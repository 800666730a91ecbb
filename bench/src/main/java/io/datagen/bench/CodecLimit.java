package io.datagen.bench;

import io.datagen.archive.Compression;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.job.plan.CompressionOption;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A codec's own limit on this machine: the table's COPY text cut into independent 1 MiB pieces,
 * compressed by a pool of one thread per core, each with its own encoder of the archive-assembler
 * (the one the job uses for custom archives, chunk framing and Adler-32 included), at the same
 * level. Nothing else runs: no generation, no staging, no assembly.
 */
public final class CodecLimit {
  /** The piece size: large enough that per-piece overhead (a frame header, a flush) is small. */
  public static final int PIECE_SIZE = 1 << 20;

  /** Pieces compressed once before the clock starts (encoders and JIT warmed). */
  private static final int WARM_UP_PIECES = 16;

  /**
   * @param schema the benchmark schema's name
   * @param codec the {@code --compress} value
   * @param threads compressing threads (one per core)
   * @param inputBytes COPY text compressed
   * @param storedBytes what the encoders wrote
   * @param nanos wall time of compressing every piece
   */
  public record Result(
      String schema, String codec, int threads, long inputBytes, long storedBytes, long nanos) {

    /** Megabytes (10^6 bytes) of input per second, all threads together. */
    public double megabytesPerSecond() {
      return Units.megabytesPerSecond(inputBytes, nanos);
    }

    /** Input size over compressed size. */
    public double ratio() {
      return (double) inputBytes / storedBytes;
    }
  }

  private final String schema;
  private final List<byte[]> pieces;

  private CodecLimit(String schema, List<byte[]> pieces) {
    this.schema = schema;
    this.pieces = pieces;
  }

  /** The COPY text in {@code file}, held in memory as 1 MiB pieces (the last one shorter). */
  public static CodecLimit load(String schema, Path file) throws IOException {
    List<byte[]> pieces = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] piece;
      while ((piece = in.readNBytes(PIECE_SIZE)).length > 0) {
        pieces.add(piece);
      }
    }
    if (pieces.isEmpty()) {
      throw new IOException("Cannot measure codec limits on " + file + ": it is empty");
    }
    return new CodecLimit(schema, pieces);
  }

  public Result measure(CompressionOption codec, int threads)
      throws InterruptedException, ExecutionException {
    Compression compression = codec.toCompression();
    PieceEncoder warmUp = PieceEncoder.forCustomArchive(compression);
    for (int i = 0; i < Math.min(WARM_UP_PIECES, pieces.size()); i++) {
      warmUp.encode(pieces.get(i));
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      AtomicInteger next = new AtomicInteger();
      List<Callable<long[]>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(() -> compressUntilDone(PieceEncoder.forCustomArchive(compression), next));
      }
      long started = System.nanoTime();
      List<Future<long[]>> done = pool.invokeAll(workers);
      long nanos = System.nanoTime() - started;
      long input = 0;
      long stored = 0;
      for (Future<long[]> worker : done) {
        long[] bytes = worker.get();
        input += bytes[0];
        stored += bytes[1];
      }
      return new Result(schema, codec.toString(), threads, input, stored, nanos);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Takes pieces off the shared list until none is left; returns {input, stored} bytes. */
  private long[] compressUntilDone(PieceEncoder encoder, AtomicInteger next) {
    long input = 0;
    long stored = 0;
    for (int i = next.getAndIncrement(); i < pieces.size(); i = next.getAndIncrement()) {
      byte[] piece = pieces.get(i);
      input += piece.length;
      stored += encoder.encode(piece).storedLength();
    }
    return new long[] {input, stored};
  }
}
