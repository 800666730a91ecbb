package io.datagen.job.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * A type from {@code custom_types}.
 *
 * @param enumValues labels, for ENUM
 * @param fields attributes, for COMPOSITE
 * @param baseType underlying type, for DOMAIN
 * @param domainConstraint CHECK expression of a DOMAIN (using VALUE), or null
 */
public record CustomTypeSpec(
    QualifiedName name,
    TypeKind kind,
    List<String> enumValues,
    List<Field> fields,
    PgType baseType,
    String domainConstraint,
    String path)
    implements Serializable {

  /** One attribute of a composite type. */
  public record Field(String name, PgType type) implements Serializable {
    public Field {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public CustomTypeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    if (!kind.isCustom()) {
      throw new IllegalArgumentException("Cannot create custom type " + name + " of kind " + kind);
    }
    enumValues = List.copyOf(enumValues);
    fields = List.copyOf(fields);
    Objects.requireNonNull(path, "path");
  }
}
