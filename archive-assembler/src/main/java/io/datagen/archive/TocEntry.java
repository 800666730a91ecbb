package io.datagen.archive;

import java.util.ArrayList;
import java.util.List;

/**
 * One TOC entry (pg_backup_archiver.h {@code TocEntry}, written by {@code WriteToc}).
 *
 * <p>Strings may be {@code null} where the format allows NULL; {@code tableOid}, {@code oid},
 * {@code tag} and {@code desc} may not (pg_restore parses or compares them unconditionally). The
 * owner defaults to {@code ""}: pg_restore emits {@code ALTER … OWNER TO} only for a non-empty
 * owner, so the archive restores for any role without {@code --no-owner}. {@code withOids} is not a
 * field: the writer always writes "false".
 *
 * @param hadDumper true when the entry has a data block (TABLE DATA)
 * @param dependencies dumpIds this entry depends on; for TABLE DATA the first one must be the TABLE
 */
public record TocEntry(
    int dumpId,
    boolean hadDumper,
    String tableOid,
    String oid,
    String tag,
    String desc,
    Section section,
    String defn,
    String dropStmt,
    String copyStmt,
    String namespace,
    String tablespace,
    String tableAm,
    String owner,
    List<Integer> dependencies) {

  /** The desc pg_dump uses for table data entries. */
  public static final String DESC_TABLE_DATA = "TABLE DATA";

  public TocEntry {
    if (dumpId <= 0) {
      throw new IllegalArgumentException(
          "Cannot create TOC entry with dumpId: " + dumpId + " (must be > 0)");
    }
    if (desc == null || desc.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot create TOC entry "
              + dumpId
              + " with desc: "
              + (desc == null ? "NULL" : "\"\"")
              + " (pg_restore compares desc unconditionally)");
    }
    requireNonNull(dumpId, "tableOid", tableOid);
    requireNonNull(dumpId, "oid", oid);
    requireNonNull(dumpId, "tag", tag);
    if (section == null) {
      throw new IllegalArgumentException("Cannot create TOC entry " + dumpId + ": section is null");
    }
    if (dependencies == null) {
      throw new IllegalArgumentException(
          "Cannot create TOC entry " + dumpId + ": dependencies is null");
    }
    dependencies = List.copyOf(dependencies);
    for (int dependency : dependencies) {
      if (dependency <= 0) {
        throw new IllegalArgumentException(
            "Cannot create TOC entry "
                + dumpId
                + " with dependency: "
                + dependency
                + " (must be > 0)");
      }
    }
    if (hadDumper && !section.equals(Section.DATA)) {
      throw new IllegalArgumentException(
          "Cannot create TOC entry " + dumpId + " with data in section: " + section);
    }
  }

  private static void requireNonNull(int dumpId, String field, String value) {
    if (value == null) {
      throw new IllegalArgumentException(
          "Cannot create TOC entry " + dumpId + ": " + field + " is NULL (pg_restore would crash)");
    }
  }

  public boolean isTableData() {
    return DESC_TABLE_DATA.equals(desc);
  }

  public static Builder builder(int dumpId, String desc, Section section) {
    return new Builder(dumpId, desc, section);
  }

  public Builder toBuilder() {
    Builder builder = new Builder(dumpId, desc, section);
    builder.hadDumper = hadDumper;
    builder.tableOid = tableOid;
    builder.oid = oid;
    builder.tag = tag;
    builder.defn = defn;
    builder.dropStmt = dropStmt;
    builder.copyStmt = copyStmt;
    builder.namespace = namespace;
    builder.tablespace = tablespace;
    builder.tableAm = tableAm;
    builder.owner = owner;
    builder.dependencies.addAll(dependencies);
    return builder;
  }

  /** Builds entries with pg_dump's defaults: OIDs "0", tag = desc, owner "", other strings NULL. */
  public static final class Builder {
    private final int dumpId;
    private final String desc;
    private final Section section;
    private boolean hadDumper;
    private String tableOid = "0";
    private String oid = "0";
    private String tag;
    private String defn;
    private String dropStmt;
    private String copyStmt;
    private String namespace;
    private String tablespace;
    private String tableAm;
    private String owner = "";
    private final List<Integer> dependencies = new ArrayList<>();

    private Builder(int dumpId, String desc, Section section) {
      this.dumpId = dumpId;
      this.desc = desc;
      this.section = section;
      this.tag = desc;
    }

    public Builder hadDumper(boolean value) {
      this.hadDumper = value;
      return this;
    }

    public Builder tableOid(String value) {
      this.tableOid = value;
      return this;
    }

    public Builder oid(String value) {
      this.oid = value;
      return this;
    }

    public Builder tag(String value) {
      this.tag = value;
      return this;
    }

    public Builder defn(String value) {
      this.defn = value;
      return this;
    }

    public Builder dropStmt(String value) {
      this.dropStmt = value;
      return this;
    }

    public Builder copyStmt(String value) {
      this.copyStmt = value;
      return this;
    }

    public Builder namespace(String value) {
      this.namespace = value;
      return this;
    }

    public Builder tablespace(String value) {
      this.tablespace = value;
      return this;
    }

    public Builder tableAm(String value) {
      this.tableAm = value;
      return this;
    }

    public Builder owner(String value) {
      this.owner = value;
      return this;
    }

    public Builder dependencies(List<Integer> values) {
      this.dependencies.clear();
      this.dependencies.addAll(values);
      return this;
    }

    public Builder dependsOn(int... dumpIds) {
      for (int id : dumpIds) {
        this.dependencies.add(id);
      }
      return this;
    }

    public TocEntry build() {
      return new TocEntry(
          dumpId,
          hadDumper,
          tableOid,
          oid,
          tag,
          desc,
          section,
          defn,
          dropStmt,
          copyStmt,
          namespace,
          tablespace,
          tableAm,
          owner,
          dependencies);
    }
  }
}
