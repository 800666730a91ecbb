package io.datagen.job.cli;

import io.datagen.job.schema.SchemaException;
import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.spark.SchemaInput;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(
    name = "validate",
    description =
        "Checks a schema file without generating anything: every error and warning, with its JSON path and line:column.")
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "Option defaults (YAML or JSON). Default: .datagen.yaml here, else in the home directory.")
  String config;

  @Parameters(
      index = "0",
      paramLabel = "SCHEMA",
      description = "Schema file (JSON), or - for stdin.")
  String schema;

  @CommandLine.Option(
      names = "--rows",
      paramLabel = "N",
      description = "Validate as if every table had N rows.")
  Long rows;

  @CommandLine.Option(
      names = "--json",
      description = "Print the result (stats, errors, warnings) as JSON on stdout.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SchemaInput.Checked checked;
    try {
      checked = SchemaInput.check(schema, rows);
    } catch (SchemaException e) {
      if (!json) {
        throw e;
      }
      List<SchemaProblem> errors =
          e.problems().stream().filter(p -> p.severity() == SchemaProblem.Severity.ERROR).toList();
      List<SchemaProblem> warnings =
          e.problems().stream()
              .filter(p -> p.severity() == SchemaProblem.Severity.WARNING)
              .toList();
      JsonOutput.print(
          out,
          g -> {
            g.writeStringField("schema", schema);
            g.writeBooleanField("valid", false);
            JsonOutput.problems(g, "errors", errors);
            JsonOutput.problems(g, "warnings", warnings);
          });
      return e.category().exitCode();
    }
    long rowsTotal = checked.schema().tables().stream().mapToLong(TableSpec::rowCount).sum();
    if (json) {
      JsonOutput.print(
          out,
          g -> {
            g.writeStringField("schema", schema);
            g.writeBooleanField("valid", true);
            g.writeStringField("database", checked.schema().database().name());
            g.writeNumberField("rows", rowsTotal);
            g.writeArrayFieldStart("tables");
            for (TableSpec table : checked.schema().tables()) {
              g.writeStartObject();
              g.writeStringField("name", table.name().toString());
              g.writeNumberField("rows", table.rowCount());
              g.writeNumberField("columns", table.columns().size());
              g.writeNumberField("foreign_keys", table.foreignKeys().size());
              g.writeEndObject();
            }
            g.writeEndArray();
            JsonOutput.problems(g, "errors", List.of());
            JsonOutput.problems(g, "warnings", checked.warnings());
          });
      return 0;
    }
    for (SchemaProblem warning : checked.warnings()) {
      err.println("datagen: " + warning.describe());
    }
    out.printf(
        "%s is valid: %d tables, %,d rows, %d warnings%n",
        schema, checked.schema().tables().size(), rowsTotal, checked.warnings().size());
    out.flush();
    err.flush();
    return 0;
  }
}
