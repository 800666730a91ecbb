package io.datagen.job.schema;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.util.List;
import java.util.stream.Collectors;

/** All the errors found in a schema at once (exit code 2). */
public class SchemaException extends DatagenException {
  private final List<SchemaProblem> problems;

  public SchemaException(String source, List<SchemaProblem> problems) {
    super(ErrorCategory.SCHEMA, format(source, problems));
    this.problems = List.copyOf(problems);
  }

  public List<SchemaProblem> problems() {
    return problems;
  }

  private static String format(String source, List<SchemaProblem> problems) {
    long errors =
        problems.stream().filter(p -> p.severity() == SchemaProblem.Severity.ERROR).count();
    return "Schema "
        + source
        + " has "
        + errors
        + (errors == 1 ? " error" : " errors")
        + ":\n"
        + problems.stream().map(p -> "  - " + p.describe()).collect(Collectors.joining("\n"));
  }
}
