package io.datagen.job.cli;

import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.spark.SchemaInput;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", description = "Checks a schema file without generating anything: every error and warning, with its JSON path and line:column.")
public final class ValidateCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCHEMA", description = "Schema file (JSON), or - for stdin.")
  String schema;

  @CommandLine.Option(names = "--rows", paramLabel = "N", description = "Validate as if every table had N rows.")
  Long rows;

  @Override
  public Integer call() {
    SchemaInput.Checked checked = SchemaInput.check(schema, rows);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (SchemaProblem warning : checked.warnings()) {
      err.println("datagen: " + warning.describe());
    }
    long rowsTotal = checked.schema().tables().stream().mapToLong(TableSpec::rowCount).sum();
    out.printf("%s is valid: %d tables, %,d rows, %d warnings%n", schema, checked.schema().tables().size(), rowsTotal,
        checked.warnings().size());
    out.flush();
    err.flush();
    return 0;
  }
}
