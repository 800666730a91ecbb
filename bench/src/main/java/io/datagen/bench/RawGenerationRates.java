package io.datagen.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Raw generation of a benchmark table through {@link RawGeneration}: once on one thread (the rate
 * per core), then on one thread per core at once, each generating the whole table (the rate of all
 * cores: the threads' own rates, measured side by side, added up). An unreported pass runs first.
 */
public final class RawGenerationRates {
  /**
   * Rows of an unreported first pass: RawGeneration warms up on its own table before measuring, but
   * the first of several passes still runs before the JIT has settled, which made the single-thread
   * rate (measured first) look slower than the threads' rates measured after it.
   */
  static final long WARM_UP_ROWS = 1_000_000;

  private RawGenerationRates() {}

  public static RawGenerationRate measure(BenchSchema schema, long seed, int threads)
      throws Exception {
    RawGeneration.Result alone =
        only(schema, RawGeneration.measure(schema.file(), seed, schema.rows()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    double allCores = 0;
    try {
      List<Callable<List<RawGeneration.Result>>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(() -> RawGeneration.measure(schema.file(), seed, schema.rows()));
      }
      for (Future<List<RawGeneration.Result>> worker : pool.invokeAll(workers)) {
        allCores += only(schema, worker.get()).megabytesPerSecond();
      }
    } finally {
      pool.shutdownNow();
    }
    return new RawGenerationRate(
        schema.name(), alone.rows(), alone.bytes(), alone.megabytesPerSecond(), threads, allCores);
  }

  private static RawGeneration.Result only(BenchSchema schema, List<RawGeneration.Result> results) {
    if (results.size() != 1) {
      throw new IllegalStateException(
          "Cannot measure raw generation of "
              + schema.file()
              + ": expected one table, got "
              + results.size());
    }
    return results.get(0);
  }
}
