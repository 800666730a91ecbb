package io.datagen.job.ddl;

import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import io.datagen.job.plan.Selection;
import io.datagen.job.schema.CheckSpec;
import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.CustomTypeSpec;
import io.datagen.job.schema.DatabaseSpec;
import io.datagen.job.schema.ForeignKeySpec;
import io.datagen.job.schema.IndexSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SequenceSpec;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import io.datagen.job.schema.UniqueSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a schema into the TOC of an archive, shaped like {@code pg_dump}'s own: the session
 * entries, then pre-data (schemas, extensions, types, sequences, tables, serial sequences and
 * defaults, comments), data (TABLE DATA, SEQUENCE SET) and post-data (primary keys and unique
 * constraints, indexes, foreign keys). Entry order is restore order; dependencies let {@code
 * pg_restore -j} schedule the rest. dumpIds are dense from 1, as pg_restore sizes arrays by the
 * largest.
 */
public final class DumpToc {
  /** The archive's session search_path, as pg_dump sets it: everything is schema-qualified. */
  private static final String EMPTY_SEARCH_PATH =
      "SELECT pg_catalog.set_config('search_path', '', false);\n";

  /**
   * The built TOC.
   *
   * @param tableDataIds the dumpId of each table's TABLE DATA entry
   */
  public record Built(List<TocEntry> entries, Map<QualifiedName, Integer> tableDataIds) {
    public Built {
      entries = List.copyOf(entries);
      tableDataIds = Map.copyOf(tableDataIds);
    }
  }

  private final Schema schema;
  private final Selection selection;
  private final Map<QualifiedName, Long> sequenceLastValues;
  private final List<TocEntry> entries = new ArrayList<>();
  private final Map<QualifiedName, Integer> typeIds = new HashMap<>();
  private final Map<QualifiedName, Integer> tableIds = new HashMap<>();
  private final Map<QualifiedName, Integer> sequenceIds = new LinkedHashMap<>();
  private final Map<QualifiedName, Integer> tableDataIds = new LinkedHashMap<>();

  /** dumpId of the PK/UNIQUE constraint over (table, columns), for FK dependencies. */
  private final Map<String, Integer> keyConstraintIds = new HashMap<>();

  private final Map<String, Integer> schemaIds = new HashMap<>();

  private DumpToc(Schema schema, Selection selection, Map<QualifiedName, Long> sequenceLastValues) {
    this.schema = schema;
    this.selection = selection;
    this.sequenceLastValues = Map.copyOf(sequenceLastValues);
  }

  /**
   * @param sequenceLastValues for each sequence that generated data drew from, the largest value in
   *     the data; sequences without an entry are set as never called
   */
  public static Built build(Schema schema, Map<QualifiedName, Long> sequenceLastValues) {
    return build(schema, Selection.all(schema), sequenceLastValues);
  }

  /**
   * The TOC of the selected part: definitions of the selected tables (and of the types, schemas and
   * sequences) unless data-only, their data unless schema-only. dumpIds stay dense, and no entry
   * depends on one that is left out.
   */
  public static Built build(
      Schema schema, Selection selection, Map<QualifiedName, Long> sequenceLastValues) {
    DumpToc toc = new DumpToc(schema, selection, sequenceLastValues);
    toc.sessionEntries();
    if (selection.withSchema()) {
      toc.schemas();
      toc.extensions();
      toc.types();
      toc.sequences();
      toc.tables();
    }
    if (selection.withData()) {
      toc.tableData();
      toc.sequenceValues();
    }
    if (selection.withSchema()) {
      toc.keyConstraints();
      toc.indexes();
      toc.foreignKeys();
    }
    return new Built(toc.entries, toc.tableDataIds);
  }

  private List<TableSpec> selectedTables() {
    return schema.tables().stream().filter(t -> selection.includes(t.name())).toList();
  }

  /** The dumpIds of the given objects that are in this TOC. */
  private static int[] present(Integer... ids) {
    return java.util.Arrays.stream(ids)
        .filter(java.util.Objects::nonNull)
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Serial columns and the sequence each draws from, in table order. */
  public static Map<QualifiedName, QualifiedName> serialSequenceOwners(Schema schema) {
    Map<QualifiedName, QualifiedName> owners = new LinkedHashMap<>();
    for (TableSpec table : schema.tables()) {
      for (ColumnSpec column : table.columns()) {
        if (column.type().serial()) {
          owners.put(SerialSequences.of(table, column), table.name());
        }
      }
    }
    return owners;
  }

  private int nextId() {
    return entries.size() + 1;
  }

  private int add(TocEntry.Builder builder) {
    TocEntry entry = builder.build();
    entries.add(entry);
    return entry.dumpId();
  }

  private void sessionEntries() {
    // The encoding of the archive's text, which is always UTF-8; the server converts it into the
    // database's encoding (schema.database().encoding(), given to CREATE DATABASE below).
    add(
        TocEntry.builder(nextId(), "ENCODING", Section.PRE_DATA)
            .defn("SET client_encoding = 'UTF8';\n")
            .owner(null));
    add(
        TocEntry.builder(nextId(), "STDSTRINGS", Section.PRE_DATA)
            .defn("SET standard_conforming_strings = 'on';\n")
            .owner(null));
    add(
        TocEntry.builder(nextId(), "SEARCHPATH", Section.PRE_DATA)
            .defn(EMPTY_SEARCH_PATH)
            .owner(null));
    if (selection.withSchema()) {
      database();
    }
  }

  /**
   * What {@code pg_restore -C} runs (and nothing else does), shaped like pg_dump's: template0, the
   * declared encoding and locale. LC_COLLATE/LC_CTYPE rather than LOCALE, which PostgreSQL 12 does
   * not know.
   */
  private void database() {
    DatabaseSpec database = schema.database();
    StringBuilder create =
        new StringBuilder("CREATE DATABASE ")
            .append(Sql.ident(database.name()))
            .append(" WITH TEMPLATE = template0 ENCODING = ")
            .append(Sql.literal(database.encoding()));
    if (database.locale() != null) {
      create.append(" LC_COLLATE = ").append(Sql.literal(database.locale()));
      create.append(" LC_CTYPE = ").append(Sql.literal(database.locale()));
    }
    add(
        TocEntry.builder(nextId(), "DATABASE", Section.PRE_DATA)
            .tag(database.name())
            .defn(create.append(";\n").toString())
            .dropStmt("DROP DATABASE " + Sql.ident(database.name()) + ";\n")
            .owner(null));
  }

  private void schemas() {
    Set<String> names = new LinkedHashSet<>();
    selectedTables().forEach(t -> names.add(t.name().schema()));
    schema.customTypes().forEach(t -> names.add(t.name().schema()));
    schema.sequences().forEach(s -> names.add(s.name().schema()));
    names.remove(QualifiedName.DEFAULT_SCHEMA);
    for (String name : names) {
      int id =
          add(
              TocEntry.builder(nextId(), "SCHEMA", Section.PRE_DATA)
                  .tag(name)
                  .defn("CREATE SCHEMA " + Sql.ident(name) + ";\n")
                  .dropStmt("DROP SCHEMA " + Sql.ident(name) + ";\n"));
      schemaIds.put(name, id);
    }
  }

  private int[] schemaDependency(String schemaName) {
    Integer id = schemaIds.get(schemaName);
    return id == null ? new int[0] : new int[] {id};
  }

  private void extensions() {
    Set<String> extensions = new LinkedHashSet<>(schema.extensions());
    if (usesType(TypeKind.CITEXT)) {
      extensions.add("citext");
    }
    for (String extension : extensions) {
      add(
          TocEntry.builder(nextId(), "EXTENSION", Section.PRE_DATA)
              .tag(extension)
              .defn(
                  "CREATE EXTENSION IF NOT EXISTS "
                      + Sql.ident(extension)
                      + " WITH SCHEMA public;\n")
              .dropStmt("DROP EXTENSION " + Sql.ident(extension) + ";\n"));
    }
  }

  private boolean usesType(TypeKind kind) {
    return selectedTables().stream()
            .flatMap(t -> t.columns().stream())
            .anyMatch(c -> c.type().kind() == kind)
        || schema.customTypes().stream()
            .anyMatch(
                t ->
                    (t.baseType() != null && t.baseType().kind() == kind)
                        || t.fields().stream()
                            .anyMatch(
                                f ->
                                    f.type().kind()
                                        == kind)); // a domain over citext, a citext field
  }

  private void types() {
    for (CustomTypeSpec type : schema.customTypes()) {
      String name = Sql.name(type.name());
      String defn =
          switch (type.kind()) {
            case ENUM ->
                "CREATE TYPE "
                    + name
                    + " AS ENUM (\n"
                    + type.enumValues().stream()
                        .map(v -> "    " + Sql.literal(v))
                        .collect(Collectors.joining(",\n"))
                    + "\n);\n";
            case COMPOSITE ->
                "CREATE TYPE "
                    + name
                    + " AS (\n"
                    + type.fields().stream()
                        .map(f -> "\t" + Sql.ident(f.name()) + " " + TypeSql.render(f.type()))
                        .collect(Collectors.joining(",\n"))
                    + "\n);\n";
            case DOMAIN ->
                "CREATE DOMAIN "
                    + name
                    + " AS "
                    + TypeSql.render(type.baseType())
                    + (type.domainConstraint() == null
                        ? ""
                        : "\n\tCONSTRAINT "
                            + Sql.ident(type.name().name() + "_check")
                            + " CHECK ("
                            + type.domainConstraint()
                            + ")")
                    + ";\n";
            default ->
                throw new IllegalStateException("Cannot render custom type of kind " + type.kind());
          };
      if (type.domainConstraint() != null) {
        defn = withAuthorsSearchPath(type.name().schema(), defn);
      }
      int id =
          add(
              TocEntry.builder(
                      nextId(),
                      type.kind() == TypeKind.DOMAIN ? "DOMAIN" : "TYPE",
                      Section.PRE_DATA)
                  .tag(type.name().name())
                  .namespace(type.name().schema())
                  .defn(defn)
                  .dropStmt(
                      (type.kind() == TypeKind.DOMAIN ? "DROP DOMAIN " : "DROP TYPE ")
                          + name
                          + ";\n")
                  .dependsOn(schemaDependency(type.name().schema())));
      typeIds.put(type.name(), id);
    }
  }

  private void sequences() {
    for (SequenceSpec sequence : schema.sequences()) {
      int id =
          add(
              TocEntry.builder(nextId(), "SEQUENCE", Section.PRE_DATA)
                  .tag(sequence.name().name())
                  .namespace(sequence.name().schema())
                  .defn(
                      createSequence(
                          sequence.name(),
                          null,
                          sequence.start(),
                          sequence.increment(),
                          sequence.minValue(),
                          sequence.maxValue(),
                          sequence.cache(),
                          sequence.cycle()))
                  .dropStmt("DROP SEQUENCE " + Sql.name(sequence.name()) + ";\n")
                  .dependsOn(schemaDependency(sequence.name().schema())));
      sequenceIds.put(sequence.name(), id);
    }
  }

  private void tables() {
    for (TableSpec table : selectedTables()) {
      String name = Sql.name(table.name());
      List<Integer> dependencies = new ArrayList<>();
      for (int id : schemaDependency(table.name().schema())) {
        dependencies.add(id);
      }
      table.columns().stream()
          .map(c -> c.type().customName())
          .filter(n -> n != null && typeIds.containsKey(n))
          .map(typeIds::get)
          .distinct()
          .forEach(dependencies::add);
      int tableId =
          add(
              TocEntry.builder(nextId(), "TABLE", Section.PRE_DATA)
                  .tag(table.name().name())
                  .namespace(table.name().schema())
                  .tablespace("")
                  .tableAm("heap")
                  .defn(createTable(table))
                  .dropStmt("DROP TABLE " + name + ";\n")
                  .dependencies(dependencies));
      tableIds.put(table.name(), tableId);
      serialColumns(table, tableId);
      comments(table, tableId);
    }
  }

  private String createTable(TableSpec table) {
    List<String> lines = new ArrayList<>();
    for (ColumnSpec column : table.columns()) {
      StringBuilder line =
          new StringBuilder("    ")
              .append(Sql.ident(column.name()))
              .append(' ')
              .append(TypeSql.render(column.type()));
      if (column.defaultExpression() != null && !column.type().serial()) {
        line.append(" DEFAULT ").append(column.defaultExpression());
      }
      if (!column.nullable()) {
        line.append(" NOT NULL");
      }
      lines.add(line.toString());
    }
    for (CheckSpec check : table.checkConstraints()) {
      lines.add(
          "    CONSTRAINT " + Sql.ident(check.name()) + " CHECK ((" + check.expression() + "))");
    }
    String create =
        "CREATE TABLE " + Sql.name(table.name()) + " (\n" + String.join(",\n", lines) + "\n);\n";
    boolean expressions =
        !table.checkConstraints().isEmpty()
            || table.columns().stream()
                .anyMatch(c -> c.defaultExpression() != null && !c.type().serial());
    return expressions ? withAuthorsSearchPath(table.name().schema(), create) : create;
  }

  /**
   * Runs {@code statement}, which holds expressions written in the schema file, under a search_path
   * where their unqualified names resolve as their author meant: the object's own schema, then
   * public (where extensions are created), then pg_catalog; and then puts back the archive's empty
   * search_path. pg_dump qualifies every name instead, which hand-written text cannot be. So {@code
   * nextval('invoice_seq')} and {@code uuid_generate_v4()} resolve when the statement runs, and the
   * server stores them by OID.
   */
  private static String withAuthorsSearchPath(String schemaName, String statement) {
    String path =
        QualifiedName.DEFAULT_SCHEMA.equals(schemaName)
            ? "public, pg_catalog"
            : Sql.ident(schemaName) + ", public, pg_catalog";
    return "SET search_path = " + path + ";\n" + statement + EMPTY_SEARCH_PATH;
  }

  private void serialColumns(TableSpec table, int tableId) {
    for (ColumnSpec column : table.columns()) {
      if (!column.type().serial()) {
        continue;
      }
      QualifiedName sequence = SerialSequences.of(table, column);
      String sequenceName = Sql.name(sequence);
      int sequenceId =
          add(
              TocEntry.builder(nextId(), "SEQUENCE", Section.PRE_DATA)
                  .tag(sequence.name())
                  .namespace(sequence.schema())
                  .defn(
                      createSequence(
                          sequence,
                          TypeSql.render(PgType.of(column.type().kind())),
                          1,
                          1,
                          null,
                          null,
                          1,
                          false))
                  .dropStmt("DROP SEQUENCE " + sequenceName + ";\n")
                  .dependsOn(tableId));
      sequenceIds.put(sequence, sequenceId);
      add(
          TocEntry.builder(nextId(), "SEQUENCE OWNED BY", Section.PRE_DATA)
              .tag(sequence.name())
              .namespace(sequence.schema())
              .defn(
                  "ALTER SEQUENCE "
                      + sequenceName
                      + " OWNED BY "
                      + Sql.name(table.name())
                      + "."
                      + Sql.ident(column.name())
                      + ";\n")
              .dependsOn(sequenceId));
      add(
          TocEntry.builder(nextId(), "DEFAULT", Section.PRE_DATA)
              .tag(table.name().name() + " " + column.name())
              .namespace(table.name().schema())
              .defn(
                  "ALTER TABLE ONLY "
                      + Sql.name(table.name())
                      + " ALTER COLUMN "
                      + Sql.ident(column.name())
                      + " SET DEFAULT nextval("
                      + Sql.literal(sequenceName)
                      + "::regclass);\n")
              .dropStmt(
                  "ALTER TABLE "
                      + Sql.name(table.name())
                      + " ALTER COLUMN "
                      + Sql.ident(column.name())
                      + " DROP DEFAULT;\n")
              .dependsOn(tableId, sequenceId));
    }
  }

  private static String createSequence(
      QualifiedName name,
      String asType,
      long start,
      long increment,
      Long minValue,
      Long maxValue,
      long cache,
      boolean cycle) {
    StringBuilder sql = new StringBuilder("CREATE SEQUENCE ").append(Sql.name(name)).append('\n');
    if (asType != null) {
      sql.append("    AS ").append(asType).append('\n');
    }
    sql.append("    START WITH ").append(start).append('\n');
    sql.append("    INCREMENT BY ").append(increment).append('\n');
    sql.append(minValue == null ? "    NO MINVALUE\n" : "    MINVALUE " + minValue + "\n");
    sql.append(maxValue == null ? "    NO MAXVALUE\n" : "    MAXVALUE " + maxValue + "\n");
    sql.append("    CACHE ").append(cache);
    if (cycle) {
      sql.append("\n    CYCLE");
    }
    return sql.append(";\n").toString();
  }

  private void comments(TableSpec table, int tableId) {
    if (table.comment() != null) {
      add(
          TocEntry.builder(nextId(), "COMMENT", Section.NONE)
              .tag("TABLE " + table.name().name())
              .namespace(table.name().schema())
              .defn(
                  "COMMENT ON TABLE "
                      + Sql.name(table.name())
                      + " IS "
                      + Sql.literal(table.comment())
                      + ";\n")
              .dependsOn(tableId));
    }
    for (ColumnSpec column : table.columns()) {
      if (column.comment() != null) {
        add(
            TocEntry.builder(nextId(), "COMMENT", Section.NONE)
                .tag("COLUMN " + table.name().name() + "." + column.name())
                .namespace(table.name().schema())
                .defn(
                    "COMMENT ON COLUMN "
                        + Sql.name(table.name())
                        + "."
                        + Sql.ident(column.name())
                        + " IS "
                        + Sql.literal(column.comment())
                        + ";\n")
                .dependsOn(tableId));
      }
    }
  }

  private void tableData() {
    for (TableSpec table : selectedTables()) {
      List<String> columns = table.columns().stream().map(ColumnSpec::name).toList();
      int id =
          add(
              TocEntry.builder(nextId(), TocEntry.DESC_TABLE_DATA, Section.DATA)
                  .hadDumper(true)
                  .tag(table.name().name())
                  .namespace(table.name().schema())
                  .copyStmt(copyStatement(table.name(), columns))
                  .dependsOn(present(tableIds.get(table.name()))));
      tableDataIds.put(table.name(), id);
    }
  }

  /** {@code COPY public.users (id, email) FROM stdin;\n} — as the TOC's copyStmt and in scripts. */
  public static String copyStatement(QualifiedName table, List<String> columns) {
    return "COPY " + Sql.name(table) + " (" + Sql.columnList(columns) + ") FROM stdin;\n";
  }

  private void sequenceValues() {
    Set<QualifiedName> sequences = new LinkedHashSet<>(sequenceIds.keySet());
    if (!selection.withSchema()) {
      // Data only: set the sequences the written data drew from.
      sequences.addAll(sequenceLastValues.keySet());
    }
    for (QualifiedName sequence : sequences) {
      Long last = sequenceLastValues.get(sequence);
      long start = schema.sequence(sequence).map(SequenceSpec::start).orElse(1L);
      String name = Sql.literal(Sql.name(sequence));
      String setval =
          last == null
              ? "SELECT pg_catalog.setval(" + name + ", " + start + ", false);\n"
              : "SELECT pg_catalog.setval(" + name + ", " + last + ", true);\n";
      add(
          TocEntry.builder(nextId(), "SEQUENCE SET", Section.DATA)
              .tag(sequence.name())
              .namespace(sequence.schema())
              .defn(setval)
              .dependsOn(present(sequenceIds.get(sequence))));
    }
  }

  private void keyConstraints() {
    for (TableSpec table : selectedTables()) {
      int tableId = tableIds.get(table.name());
      if (!table.primaryKey().isEmpty()) {
        String name = table.primaryKeyName();
        int id =
            addConstraint(
                table,
                tableId,
                name,
                "PRIMARY KEY (" + Sql.columnList(table.primaryKey()) + ")",
                "CONSTRAINT");
        keyConstraintIds.put(keyOf(table.name(), table.primaryKey()), id);
      }
      for (UniqueSpec unique : table.uniqueConstraints()) {
        int id =
            addConstraint(
                table,
                tableId,
                unique.name(),
                "UNIQUE (" + Sql.columnList(unique.columns()) + ")",
                "CONSTRAINT");
        keyConstraintIds.putIfAbsent(keyOf(table.name(), unique.columns()), id);
      }
    }
  }

  private int addConstraint(
      TableSpec table,
      int tableId,
      String name,
      String body,
      String desc,
      int... moreDependencies) {
    TocEntry.Builder builder =
        TocEntry.builder(nextId(), desc, Section.POST_DATA)
            .tag(table.name().name() + " " + name)
            .namespace(table.name().schema())
            .defn(
                "ALTER TABLE ONLY "
                    + Sql.name(table.name())
                    + "\n    ADD CONSTRAINT "
                    + Sql.ident(name)
                    + " "
                    + body
                    + ";\n")
            .dropStmt(
                "ALTER TABLE ONLY "
                    + Sql.name(table.name())
                    + " DROP CONSTRAINT "
                    + Sql.ident(name)
                    + ";\n")
            .dependsOn(tableId)
            .dependsOn(moreDependencies);
    return add(builder);
  }

  private static String keyOf(QualifiedName table, List<String> columns) {
    return table + "|" + String.join("|", columns.stream().sorted().toList());
  }

  private void indexes() {
    for (TableSpec table : selectedTables()) {
      for (IndexSpec index : table.indexes()) {
        String defn =
            "CREATE "
                + (index.unique() ? "UNIQUE " : "")
                + "INDEX "
                + Sql.ident(index.name())
                + " ON "
                + Sql.name(table.name())
                + " USING "
                + index.method()
                + " ("
                + Sql.columnList(index.columns())
                + ")"
                + (index.where() == null ? "" : " WHERE (" + index.where() + ")")
                + ";\n";
        if (index.where() != null) {
          defn = withAuthorsSearchPath(table.name().schema(), defn);
        }
        add(
            TocEntry.builder(nextId(), "INDEX", Section.POST_DATA)
                .tag(index.name())
                .namespace(table.name().schema())
                .tablespace("")
                .defn(defn)
                .dropStmt(
                    "DROP INDEX "
                        + Sql.ident(table.name().schema())
                        + "."
                        + Sql.ident(index.name())
                        + ";\n")
                .dependsOn(tableIds.get(table.name())));
      }
    }
  }

  private void foreignKeys() {
    for (TableSpec table : selectedTables()) {
      for (ForeignKeySpec fk : table.foreignKeys()) {
        if (!selection.includes(table, fk)) {
          continue;
        }
        Integer referencedKey =
            keyConstraintIds.get(keyOf(fk.referencedTable(), fk.referencedColumns()));
        int[] dependencies = referencedKey == null ? new int[0] : new int[] {referencedKey};
        String body =
            "FOREIGN KEY ("
                + Sql.columnList(fk.columns())
                + ") REFERENCES "
                + Sql.name(fk.referencedTable())
                + "("
                + Sql.columnList(fk.referencedColumns())
                + ")"
                + action("UPDATE", fk.onUpdate())
                + action("DELETE", fk.onDelete());
        addConstraint(
            table, tableIds.get(table.name()), fk.name(), body, "FK CONSTRAINT", dependencies);
      }
    }
  }

  private static String action(String event, io.datagen.job.schema.ReferentialAction action) {
    return action == io.datagen.job.schema.ReferentialAction.NO_ACTION
        ? ""
        : " ON " + event + " " + action.sql();
  }
}
