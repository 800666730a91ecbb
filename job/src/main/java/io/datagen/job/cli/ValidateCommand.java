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
      names = {"-c", "--config"},
      paramLabel = "FILE",
      description =
          "Option defaults (YAML or JSON). Default: .datagen.yaml here, else in the home directory.")
  String config;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCHEMA",
      description = "Schema file (JSON), or - for stdin (the default when stdin is a pipe).")
  String schemaArgument;

  @CommandLine.Option(
      names = {"-i", "--input"},
      paramLabel = "SCHEMA",
      description = "Schema file (the original tool's spelling).")
  String inputOption;

  @CommandLine.Option(
      names = "--format",
      paramLabel = "text|json",
      description = "json is --json (the original tool's spelling). Default: text.")
  String format;

  @CommandLine.Option(
      names = {"-v", "--verbose"},
      description = "Also list every table with its rows, columns and foreign keys.")
  boolean verbose;

  private String schema;

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
    schema = Stdin.schemaSource(schemaArgument, inputOption, "datagen validate SCHEMA.json");
    if (format != null) {
      switch (format.strip().toLowerCase(java.util.Locale.ROOT)) {
        case "json" -> {
          err.println("datagen: validate --format json is the original tool's spelling of --json");
          json = true;
        }
        case "text" -> {}
        default ->
            throw new io.datagen.job.DatagenException(
                io.datagen.job.ErrorCategory.USAGE,
                "Invalid validate --format '" + format + "': expected text or json");
      }
    }
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
    int tableCount = checked.schema().tables().size();
    int warningCount = checked.warnings().size();
    out.printf(
        java.util.Locale.ROOT,
        "%s is valid: %d %s, %,d %s, %d %s%n",
        schema,
        tableCount,
        tableCount == 1 ? "table" : "tables",
        rowsTotal,
        rowsTotal == 1 ? "row" : "rows",
        warningCount,
        warningCount == 1 ? "warning" : "warnings");
    if (verbose) {
      for (TableSpec table : checked.schema().tables()) {
        out.printf(
            java.util.Locale.ROOT,
            "  %-40s %,14d rows %4d columns %3d foreign keys%n",
            table.name(),
            table.rowCount(),
            table.columns().size(),
            table.foreignKeys().size());
      }
    }
    out.flush();
    err.flush();
    return 0;
  }
}
