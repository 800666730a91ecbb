package io.datagen.job.generate.compile;

import io.datagen.job.generate.KeyPlan;
import io.datagen.job.generate.SequenceColumn;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.DidYouMean;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.Problems;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SequenceSpec;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What one table's columns draw from, decided once per table: a value source per ordinary column,
 * the sequence behind sequence-backed columns, which foreign key fills which column, and the key
 * plans that make primary keys and unique constraints injective.
 */
final class TablePlan {
  final TableSpec table;
  final ValueSource[] sources;
  final SequenceColumn[] sequences;

  /** Index into table.foreignKeys() of the key that fills each column, or −1. */
  final int[] foreignKeyOfColumn;

  /** Per foreign key: whether its target resolved (parent table, referenced columns, types). */
  final boolean[] foreignKeyValid;

  final KeyPlan[] columnKeyPlan;
  final int[] columnKeyComponent;
  final KeyPlan[] foreignKeyPlan;
  final int[] foreignKeyComponent;

  /** What the table's check constraints demand of each column. */
  final ColumnChecks[] checks;

  /** The run's reference time (default dates end there). */
  Instant referenceTime = Instant.EPOCH;

  /** The compiled {@code rules} of each column, or null. */
  final Rules.ColumnRules[] rules;

  private TablePlan(TableSpec table) {
    this.table = table;
    int n = table.columns().size();
    int f = table.foreignKeys().size();
    this.sources = new ValueSource[n];
    this.sequences = new SequenceColumn[n];
    this.foreignKeyOfColumn = new int[n];
    this.foreignKeyValid = new boolean[f];
    this.columnKeyPlan = new KeyPlan[n];
    this.columnKeyComponent = new int[n];
    this.foreignKeyPlan = new KeyPlan[f];
    this.foreignKeyComponent = new int[f];
    this.rules = new Rules.ColumnRules[n];
    this.checks = new ColumnChecks[n];
    java.util.Arrays.fill(checks, ColumnChecks.NONE);
  }

  static TablePlan build(
      Schema schema, TableSpec table, long seed, Instant referenceTime, Problems problems) {
    TablePlan plan = new TablePlan(table);
    plan.referenceTime = referenceTime;
    plan.assignForeignKeys(problems);
    for (int f = 0; f < table.foreignKeys().size(); f++) {
      plan.foreignKeyValid[f] =
          ForeignKeyChecks.check(schema, table, table.foreignKeys().get(f), problems);
    }
    ColumnChecks[] checks = CheckConstraints.read(table, problems);
    System.arraycopy(checks, 0, plan.checks, 0, checks.length);
    Set<String> keyColumns = new HashSet<>();
    for (List<String> key : Keys.of(table)) {
      keyColumns.addAll(key);
    }
    for (int i = 0; i < table.columns().size(); i++) {
      ColumnSpec column = table.columns().get(i);
      if (plan.foreignKeyOfColumn[i] >= 0) {
        RowDependencies.ignoredOnForeignKey(table, column, plan.checks[i], problems);
        if (column.generator() != null) {
          problems.warning(
              column.path() + ".generator",
              io.datagen.job.json.SourceLocation.UNKNOWN,
              "Generator '"
                  + column.generator()
                  + "' of column '"
                  + column.name()
                  + "' is ignored: the values of a foreign-key"
                  + " column come from the referenced table");
        }
        continue;
      }
      ColumnContext ctx =
          context(
              schema, table, i, seed, referenceTime, keyColumns.contains(column.name()), problems);
      if (ctx != null) {
        ctx = ColumnFeatures.narrowed(ctx, plan.checks[i]);
        plan.chooseSource(ctx, problems);
        ColumnFeatures.verifyAllowed(ctx, plan.checks[i], plan.sources[i], problems);
        if (column.rules() != null) {
          plan.rules[i] = Rules.compile(ctx, plan.checks[i], problems);
        }
      }
    }
    new Keys(schema, plan, seed, problems).plan();
    OrderedColumns.checkEnforceable(plan, problems);
    RowDependencies.breakCycles(plan, problems);
    return plan;
  }

  private void assignForeignKeys(Problems problems) {
    java.util.Arrays.fill(foreignKeyOfColumn, -1);
    List<ForeignKeySpec> foreignKeys = table.foreignKeys();
    for (int f = 0; f < foreignKeys.size(); f++) {
      for (String name : foreignKeys.get(f).columns()) {
        int index = table.columnIndex(name);
        if (index < 0) {
          continue; // the schema validator reports unknown columns
        }
        if (foreignKeyOfColumn[index] >= 0) {
          problems.error(
              foreignKeys.get(f).path(),
              "Cannot fill column '"
                  + name
                  + "' of table "
                  + table.name()
                  + " from two foreign keys ("
                  + foreignKeys.get(foreignKeyOfColumn[index]).name()
                  + " and "
                  + foreignKeys.get(f).name()
                  + "): not supported yet");
        } else {
          foreignKeyOfColumn[index] = f;
        }
      }
    }
  }

  /** The column's context with its type resolved, or null after reporting an unsupported type. */
  private static ColumnContext context(
      Schema schema,
      TableSpec table,
      int index,
      long seed,
      Instant referenceTime,
      boolean inKey,
      Problems problems) {
    ColumnSpec column = table.columns().get(index);
    PgType type = column.type();
    List<String> labels = List.of();
    String where = column.path() + ".type";
    for (int depth = 0; type.kind() == TypeKind.DOMAIN || type.kind() == TypeKind.ENUM; depth++) {
      CustomTypeSpec custom = schema.customType(type.customName()).orElse(null);
      if (custom == null) {
        problems.error(
            where,
            "Cannot find custom type " + type.customName() + " of column '" + column.name() + "'");
        return null;
      }
      if (type.kind() == TypeKind.DOMAIN) {
        if (custom.baseType() == null || depth > 16) {
          problems.error(
              where,
              "Cannot find the base type of domain "
                  + type.customName()
                  + " of column '"
                  + column.name()
                  + "'");
          return null;
        }
        // A CHECK of the domain is satisfied by TypeSources (or reported there when its shape is
        // unknown).
        PgType base = custom.baseType();
        type =
            new PgType(
                base.kind(),
                base.customName(),
                base.length(),
                base.precision(),
                base.scale(),
                base.arrayDimensions() + type.arrayDimensions(),
                false);
      } else {
        labels = custom.enumValues();
        if (labels.isEmpty()) {
          problems.error(
              where,
              "Cannot generate values of enum type " + type.customName() + ": it has no labels");
          return null;
        }
        break;
      }
    }
    if (!ColumnTypes.SUPPORTED.contains(type.kind()) || type.kind() == TypeKind.DOMAIN) {
      problems.error(
          where,
          "Type "
              + ColumnTypes.describe(type)
              + " of column '"
              + column.name()
              + "' is not supported yet");
      return null;
    }
    if (type.kind() == TypeKind.NUMERIC && type.scale() != null && type.scale() < 0) {
      problems.error(
          where,
          "Type "
              + ColumnTypes.describe(type)
              + " (negative scale) of column '"
              + column.name()
              + "' is not supported yet");
      return null;
    }
    if (type.kind() == TypeKind.ENUM && labels.isEmpty()) {
      return null;
    }
    return new ColumnContext(
        schema, table, column, index, type, labels, seed, referenceTime, inKey);
  }

  private void chooseSource(ColumnContext ctx, Problems problems) {
    ColumnSpec column = ctx.column();
    if (column.nullRatio() > 0 && !column.nullable()) {
      problems.warning(
          column.path() + ".null_ratio",
          io.datagen.job.json.SourceLocation.UNKNOWN,
          "null_ratio of column '" + column.name() + "' is ignored: the column is NOT NULL");
    }
    int i = ctx.columnIndex();
    ColumnFeatures.Choice choice = ColumnFeatures.choose(ctx, checks[i], problems);
    if (choice != null) {
      sources[i] = choice.source();
      return;
    }
    if (column.generator() != null) {
      String name = column.generator().trim().toLowerCase(Locale.ROOT);
      ConfigReader config =
          new ConfigReader(name, column.generatorConfig(), column.path(), problems);
      TypeSources.warnUncheckedDomain(ctx, problems);
      if (name.equals("sequence")) {
        sequences[i] = SequenceSources.fromConfig(ctx, config, problems);
        sources[i] = sequences[i] == null ? null : sequences[i].values();
      } else if (ExplicitGenerators.SUPPORTED.contains(name) && ctx.type().isArray()) {
        sources[i] =
            TypeSources.arrayOf(ctx, c -> ExplicitGenerators.source(name, c, config, problems));
      } else if (ExplicitGenerators.SUPPORTED.contains(name)) {
        sources[i] = ExplicitGenerators.source(name, ctx, config, problems);
      } else {
        problems.error(
            ctx.generatorPath(),
            "Unknown generator '"
                + column.generator()
                + "' of column '"
                + column.name()
                + "'"
                + DidYouMean.inlineSuggestion(name, ExplicitGenerators.SUPPORTED));
      }
      return;
    }
    if (column.generatorConfig() != null) {
      problems.warning(
          column.generatorConfig().path(),
          column.generatorConfig().location(),
          "generator_config of"
              + " column '"
              + column.name()
              + "' is ignored: the column names no generator");
    }
    SequenceSpec fromDefault = SequenceSources.fromDefault(ctx);
    if (ctx.type().serial()) {
      sequences[i] = SequenceSources.serial(ctx, problems);
    } else if (fromDefault != null) {
      sequences[i] = SequenceSources.fromSpec(ctx, fromDefault, problems);
    }
    if (sequences[i] != null) {
      sources[i] = sequences[i].values();
      return;
    }
    if (ctx.type().serial()) {
      return; // reported by SequenceSources
    }
    sources[i] = TypeSources.source(ctx, problems);
  }
}
