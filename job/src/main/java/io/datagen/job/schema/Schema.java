package io.datagen.job.schema;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A parsed and validated schema file. Tables keep the order of the file. */
public record Schema(
    String version,
    DatabaseSpec database,
    List<TableSpec> tables,
    List<SequenceSpec> sequences,
    List<CustomTypeSpec> customTypes,
    List<String> extensions)
    implements Serializable {

  public Schema {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(database, "database");
    tables = List.copyOf(tables);
    sequences = List.copyOf(sequences);
    customTypes = List.copyOf(customTypes);
    extensions = List.copyOf(extensions);
  }

  public Optional<TableSpec> table(QualifiedName name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<CustomTypeSpec> customType(QualifiedName name) {
    return customTypes.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public Optional<SequenceSpec> sequence(QualifiedName name) {
    return sequences.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  /**
   * The declared sequence that a name in an expression of an object of {@code fromSchema} means: a
   * qualified name means itself; an unqualified one that schema's sequence, else public's, as under
   * the search_path the archive gives such expressions.
   */
  public Optional<SequenceSpec> resolveSequence(String text, String fromSchema) {
    String plain = text.replace("\"", "");
    if (plain.indexOf('.') >= 0) {
      return sequence(QualifiedName.parse(plain));
    }
    Optional<SequenceSpec> own = sequence(new QualifiedName(fromSchema, plain));
    return own.isPresent() ? own : sequence(new QualifiedName(QualifiedName.DEFAULT_SCHEMA, plain));
  }

  public Schema withTables(List<TableSpec> newTables) {
    return new Schema(version, database, newTables, sequences, customTypes, extensions);
  }
}
