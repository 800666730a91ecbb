package io.datagen.job.schema;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which index access methods can index which column types with a default operator class, in every
 * PostgreSQL from 12 to 18 (CREATE INDEX names no operator class, as ours do not): without one, the
 * restore fails with "data type … has no default operator class for access method …". Only btree
 * indexes can be unique.
 */
final class IndexMethods {
  private static final Set<TypeKind> WHOLE_AND_DECIMAL =
      EnumSet.of(
          TypeKind.SMALLINT,
          TypeKind.INTEGER,
          TypeKind.BIGINT,
          TypeKind.NUMERIC,
          TypeKind.REAL,
          TypeKind.DOUBLE);

  /** Scalars with a btree_gin / btree_gist operator class (when the extension is listed). */
  private static final Set<TypeKind> BTREE_EMULATED = scalars();

  /** btree: everything but json, xml and the geometric point. */
  private static final Set<TypeKind> NO_BTREE =
      EnumSet.of(TypeKind.JSON, TypeKind.XML, TypeKind.POINT);

  /** hash: the scalars with a hash operator class in core. */
  private static final Set<TypeKind> HASH = hashable();

  /** brin: the minmax (and inet inclusion) defaults. */
  private static final Set<TypeKind> BRIN = brinnable();

  private IndexMethods() {}

  /** What prevents this index on these (resolved) column types, or null when nothing does. */
  static String problem(IndexSpec index, List<PgType> types, List<String> extensions) {
    String method = index.method();
    if (index.unique() && !method.equals("btree")) {
      return "only btree indexes can be unique, and this one uses "
          + method
          + "; drop \"type\" or \"unique\"";
    }
    if (types.size() > 1 && (method.equals("hash") || method.equals("spgist"))) {
      return method
          + " indexes have a single column, and this one lists "
          + types.size()
          + "; use btree, or one index per column";
    }
    for (int i = 0; i < types.size(); i++) {
      PgType type = types.get(i);
      if (!hasDefaultOperatorClass(method, type, extensions)) {
        return "column \""
            + index.columns().get(i)
            + "\" ("
            + ForeignKeyChecks.describe(type)
            + ") has no default operator class for index type "
            + method
            + hint(method, type);
      }
    }
    return null;
  }

  static boolean hasDefaultOperatorClass(String method, PgType type, List<String> extensions) {
    TypeKind kind = type.kind();
    boolean array = type.arrayDimensions() > 0;
    return switch (method) {
      case "btree" -> array || !NO_BTREE.contains(kind);
      case "hash" -> array || HASH.contains(kind);
      case "gin" ->
          array
              || kind == TypeKind.JSONB
              || kind == TypeKind.TSVECTOR
              || (extensions.contains("btree_gin") && BTREE_EMULATED.contains(kind));
      case "gist" ->
          !array
              && (kind == TypeKind.TSVECTOR
                  || kind == TypeKind.POINT
                  || (extensions.contains("btree_gist") && BTREE_EMULATED.contains(kind)));
      case "spgist" ->
          !array
              && (kind == TypeKind.TEXT
                  || kind == TypeKind.VARCHAR
                  || kind == TypeKind.POINT
                  || kind == TypeKind.INET
                  || kind == TypeKind.CIDR);
      case "brin" -> !array && BRIN.contains(kind);
      default -> false;
    };
  }

  private static String hint(String method, PgType type) {
    boolean scalar = type.arrayDimensions() == 0 && BTREE_EMULATED.contains(type.kind());
    if (method.equals("gin") && scalar) {
      return "; use btree, or list \"btree_gin\" in \"extensions\"";
    }
    if (method.equals("gist") && scalar) {
      return "; use btree, or list \"btree_gist\" in \"extensions\"";
    }
    return "; use btree" + (NO_BTREE.contains(type.kind()) ? " on another column" : "");
  }

  private static Set<TypeKind> scalars() {
    Set<TypeKind> kinds = EnumSet.copyOf(WHOLE_AND_DECIMAL);
    kinds.addAll(
        EnumSet.of(
            TypeKind.VARCHAR,
            TypeKind.CHAR,
            TypeKind.TEXT,
            TypeKind.DATE,
            TypeKind.TIME,
            TypeKind.TIMETZ,
            TypeKind.TIMESTAMP,
            TypeKind.TIMESTAMPTZ,
            TypeKind.INTERVAL,
            TypeKind.BYTEA,
            TypeKind.INET,
            TypeKind.CIDR,
            TypeKind.MACADDR,
            TypeKind.MONEY));
    return kinds;
  }

  /** The btree-emulated scalars but money, plus {@code more}. */
  private static Set<TypeKind> scalarsWith(TypeKind... more) {
    Set<TypeKind> kinds = scalars();
    kinds.remove(TypeKind.MONEY);
    kinds.addAll(List.of(more));
    return kinds;
  }

  private static Set<TypeKind> hashable() {
    return scalarsWith(
        TypeKind.CITEXT, TypeKind.BOOLEAN, TypeKind.UUID, TypeKind.JSONB, TypeKind.ENUM);
  }

  private static Set<TypeKind> brinnable() {
    return scalarsWith(TypeKind.UUID);
  }
}
