package io.datagen.job.schema;

import java.io.Serializable;
import java.util.Objects;

/**
 * A resolved PostgreSQL column type.
 *
 * @param kind the base kind (for arrays: the element kind)
 * @param customName the type's name for ENUM/COMPOSITE/DOMAIN, else null
 * @param length n of varchar(n)/char(n), else null (unbounded)
 * @param precision p of numeric(p,s) or of time/timestamp(p), else null
 * @param scale s of numeric(p,s), else null
 * @param arrayDimensions 0 for a scalar, 1 for {@code integer[]}, 2 for {@code text[][]} ...
 * @param serial true for serial/bigserial/smallserial (kind is the underlying integer)
 */
public record PgType(
    TypeKind kind,
    QualifiedName customName,
    Integer length,
    Integer precision,
    Integer scale,
    int arrayDimensions,
    boolean serial)
    implements Serializable {

  public PgType {
    Objects.requireNonNull(kind, "kind");
    if (kind.isCustom() != (customName != null)) {
      throw new IllegalArgumentException(
          "Cannot create type " + kind + ": a custom name is required exactly for custom kinds");
    }
    if (arrayDimensions < 0) {
      throw new IllegalArgumentException(
          "Cannot create type with negative array dimensions: " + arrayDimensions);
    }
    if (serial && (!kind.isInteger() || arrayDimensions > 0)) {
      throw new IllegalArgumentException("Cannot create serial type of kind " + kind);
    }
  }

  public static PgType of(TypeKind kind) {
    return new PgType(kind, null, null, null, null, 0, false);
  }

  public boolean isArray() {
    return arrayDimensions > 0;
  }

  /** The element type of an array type (the type itself for a scalar). */
  public PgType elementType() {
    return new PgType(kind, customName, length, precision, scale, 0, false);
  }
}
