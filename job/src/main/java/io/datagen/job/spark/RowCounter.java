package io.datagen.job.spark;

import io.datagen.job.schema.Schema;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * Where segment writers count the rows they have written, per table (by schema position), and where
 * progress reads the counts. Spark tasks add to accumulators (merged on the driver as tasks end);
 * in-process threads add to shared atomic counters.
 */
interface RowCounter extends Serializable {
  void add(int tableIndex, long rows);

  /** Rows counted so far for a table; read on the driver only. */
  long value(int tableIndex);

  /** One accumulator per table, registered with the context so that tasks' counts reach it. */
  static RowCounter accumulators(JavaSparkContext spark, Schema schema) {
    LongAccumulator[] accumulators = new LongAccumulator[schema.tables().size()];
    for (int t = 0; t < accumulators.length; t++) {
      accumulators[t] = spark.sc().longAccumulator("datagen rows " + schema.tables().get(t).name());
    }
    return new Accumulators(accumulators);
  }

  /** Counters shared by the threads of one JVM. */
  static RowCounter inProcess(int tables) {
    return new Shared(new AtomicLongArray(tables));
  }

  /** Spark accumulators (serialized into each task, merged back on the driver). */
  record Accumulators(LongAccumulator[] perTable) implements RowCounter {
    @Override
    public void add(int tableIndex, long rows) {
      perTable[tableIndex].add(rows);
    }

    @Override
    public long value(int tableIndex) {
      return perTable[tableIndex].value();
    }
  }

  /** Atomic counters: the writers' threads and the progress thread share them. */
  record Shared(AtomicLongArray perTable) implements RowCounter {
    @Override
    public void add(int tableIndex, long rows) {
      perTable.addAndGet(tableIndex, rows);
    }

    @Override
    public long value(int tableIndex) {
      return perTable.get(tableIndex);
    }
  }
}
