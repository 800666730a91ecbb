package io.datagen.job.generate.compile;

import io.datagen.job.generate.ColumnGenerator;
import io.datagen.job.generate.ForeignKeyColumnGenerator;
import io.datagen.job.generate.KeyedColumnGenerator;
import io.datagen.job.generate.NullColumnGenerator;
import io.datagen.job.generate.NullableColumnGenerator;
import io.datagen.job.generate.ParentRowPicker;
import io.datagen.job.generate.RandomColumnGenerator;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.RowDependentSource;
import io.datagen.job.generate.RowMemo;
import io.datagen.job.generate.SequenceColumn;
import io.datagen.job.generate.Streams;
import io.datagen.job.generate.TableRowGenerator;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Turns a schema into column generators, table by table and on demand: a foreign-key column needs
 * the parent's generator of the referenced column, which is planned here too (with the same seed,
 * hence the same values as when the parent itself is generated). Problems are collected, not
 * thrown.
 */
final class GeneratorCompiler {
  private static final ColumnGenerator BROKEN = new NullColumnGenerator();

  private final Schema schema;
  private final long seed;
  private final Instant referenceTime;
  private final Problems problems = new Problems();
  private final Map<QualifiedName, TablePlan> plans = new HashMap<>();
  private final Map<ColumnRef, ColumnGenerator> generators = new HashMap<>();
  private final Map<ColumnRef, ColumnGenerator> reads = new HashMap<>();
  private final Set<ColumnRef> inProgress = new HashSet<>();

  private record ColumnRef(QualifiedName table, int column) {}

  GeneratorCompiler(Schema schema, long seed, Instant referenceTime) {
    this.schema = Objects.requireNonNull(schema, "schema");
    this.seed = seed;
    this.referenceTime = Objects.requireNonNull(referenceTime, "referenceTime");
  }

  Problems problems() {
    return problems;
  }

  /** The plan of a table, or null when the schema has no such table. */
  TablePlan plan(QualifiedName name) {
    TablePlan plan = plans.get(name);
    if (plan == null) {
      TableSpec table = schema.table(name).orElse(null);
      if (table == null) {
        return null;
      }
      plan = TablePlan.build(schema, table, seed, referenceTime, problems);
      plans.put(name, plan);
    }
    return plan;
  }

  TableRowGenerator table(TablePlan plan) {
    List<ColumnSpec> columns = plan.table.columns();
    ColumnGenerator[] generators = new ColumnGenerator[columns.size()];
    List<String> names = new ArrayList<>(columns.size());
    List<SequenceColumn> sequences = new ArrayList<>();
    for (int i = 0; i < generators.length; i++) {
      generators[i] = column(plan, i);
      names.add(columns.get(i).name());
      if (plan.sequences[i] != null) {
        sequences.add(plan.sequences[i]);
      }
    }
    return new TableRowGenerator(plan.table.name(), names, generators, sequences);
  }

  /** The generator of one column (memoized); a placeholder after reporting a problem. */
  ColumnGenerator column(TablePlan plan, int index) {
    ColumnRef ref = new ColumnRef(plan.table.name(), index);
    ColumnGenerator done = generators.get(ref);
    if (done != null) {
      return done;
    }
    if (!inProgress.add(ref)) {
      ColumnSpec column = plan.table.columns().get(index);
      problems.error(
          column.path(),
          "Cannot generate column '"
              + column.name()
              + "' of table "
              + plan.table.name()
              + ": foreign keys form a cycle through it (a key column that references, through other tables, itself)");
      return BROKEN;
    }
    ColumnGenerator generator =
        plan.foreignKeyOfColumn[index] >= 0
            ? foreignKeyColumn(plan, index)
            : ownColumn(plan, index);
    inProgress.remove(ref);
    generators.put(ref, generator);
    return generator;
  }

  /**
   * How another column of the same row reads column {@code index}: one {@link RowMemo} per column,
   * shared by all its readers, so each row computes it once.
   */
  private ColumnGenerator read(TablePlan plan, int index) {
    ColumnRef ref = new ColumnRef(plan.table.name(), index);
    ColumnGenerator memo = reads.get(ref);
    if (memo == null) {
      memo = new RowMemo(column(plan, index));
      reads.put(ref, memo);
    }
    return memo;
  }

  private ColumnGenerator ownColumn(TablePlan plan, int index) {
    ValueSource source = plan.sources[index];
    if (source == null) {
      return BROKEN;
    }
    if (source instanceof RowDependentSource dependent) {
      dependent.bind(read(plan, dependent.dependsOnColumn()));
    }
    ColumnSpec column = plan.table.columns().get(index);
    long key = Streams.column(seed, plan.table.name(), column.name());
    ColumnGenerator values =
        plan.columnKeyPlan[index] != null
            ? new KeyedColumnGenerator(
                source, plan.columnKeyPlan[index], plan.columnKeyComponent[index])
            : new RandomColumnGenerator(source, new RandomSource(key));
    values = RowDependencies.wrap(plan, index, values, j -> read(plan, j), key);
    if (column.nullable() && column.nullRatio() > 0 && !plan.checks[index].notNull()) {
      return new NullableColumnGenerator(
          values, new RandomSource(Streams.derive(key, "null")), column.nullRatio());
    }
    return values;
  }

  private ColumnGenerator foreignKeyColumn(TablePlan plan, int index) {
    int f = plan.foreignKeyOfColumn[index];
    if (!plan.foreignKeyValid[f]) {
      return BROKEN;
    }
    TableSpec table = plan.table;
    ForeignKeySpec fk = table.foreignKeys().get(f);
    TablePlan parent = plan(fk.referencedTable());
    long parentRows = parent.table.rowCount();
    if (parentRows == 0) {
      return BROKEN; // nullable columns into an empty table: always NULL (else reported by the
      // checks)
    }
    String referenced =
        fk.referencedColumns().get(fk.columns().indexOf(table.columns().get(index).name()));
    ColumnGenerator parentColumn = column(parent, parent.table.columnIndex(referenced));
    ParentRowPicker picker =
        plan.foreignKeyPlan[f] != null
            ? ParentRowPicker.keyed(plan.foreignKeyPlan[f], plan.foreignKeyComponent[f])
            : ParentRowPicker.uniform(
                new RandomSource(Streams.key(seed, table.name(), "fk", fk.name())), parentRows);
    if (fk.distribution() != null) {
      picker = SkewedParents.picker(plan, f, parentRows, picker, seed, problems, index);
    }
    double nullRatio = fk.nullRatio();
    ColumnSpec column = table.columns().get(index);
    if (nullRatio == 0 && fk.columns().size() == 1 && column.nullable()) {
      nullRatio = column.nullRatio();
    }
    RandomSource nulls = new RandomSource(Streams.key(seed, table.name(), "fk-null", fk.name()));
    return new ForeignKeyColumnGenerator(picker, parentColumn, nulls, nullRatio);
  }
}
