package io.datagen.job.cli;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.templates.Template;
import io.datagen.job.templates.TemplateCatalog;
import io.datagen.job.templates.TemplateSchemas;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    name = "template",
    description = "Built-in scenarios: list them, show one, export one as a schema file.",
    subcommands = {
      TemplateCommand.ListTemplates.class,
      TemplateCommand.Show.class,
      TemplateCommand.Export.class
    })
public final class TemplateCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  // The original tool's spellings: template [NAME] [--list] [--json] [--export FILE].
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "NAME",
      description = "Show this template (template show NAME); with --export, export it.")
  String name;

  @Option(
      names = {"-l", "--list"},
      description = "List the templates (template list; also what template alone does).")
  boolean list;

  @Option(names = "--json", description = "With the list: as JSON.")
  boolean json;

  @Option(
      names = "--export",
      paramLabel = "FILE",
      description = "Write template NAME as a schema file (template export NAME -o FILE).")
  Path export;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (name == null) {
      if (export != null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--export needs a template: datagen template export NAME -o FILE");
      }
      if (list) {
        err.println("datagen: template --list is the original tool's spelling of template list");
      }
      return ListTemplates.print(out, json);
    }
    if (list) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "Give a template NAME or --list, not both");
    }
    if (export != null) {
      err.println(
          "datagen: template NAME --export FILE is the original tool's spelling of"
              + " template export NAME -o FILE");
      return Export.write(out, List.of(name), Map.of(), export);
    }
    if (json) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--json is for the list: datagen template list --json");
    }
    err.println("datagen: template NAME is the original tool's spelling of template show NAME");
    return Show.print(out, name);
  }

  @Command(
      name = "list",
      description = "Lists the built-in templates: name, description, tables and default rows.")
  static final class ListTemplates implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--json", description = "As JSON.")
    boolean json;

    @Override
    public Integer call() {
      return print(spec.commandLine().getOut(), json);
    }

    static Integer print(PrintWriter out, boolean json) {
      List<Template> templates = TemplateCatalog.builtIn().all();
      if (json) {
        JsonOutput.print(
            out,
            g -> {
              g.writeArrayFieldStart("templates");
              for (Template template : templates) {
                g.writeStartObject();
                g.writeStringField("name", template.name());
                g.writeStringField("description", template.description());
                g.writeObjectFieldStart("default_rows");
                for (Map.Entry<String, Long> table : template.defaultRows().entrySet()) {
                  g.writeNumberField(table.getKey(), table.getValue());
                }
                g.writeEndObject();
                g.writeEndObject();
              }
              g.writeEndArray();
            });
        return 0;
      }
      for (Template template : templates) {
        out.printf(
            Locale.ROOT,
            "%-12s %s%n%-12s tables: %s (%,d rows by default)%n",
            template.name(),
            template.description(),
            "",
            String.join(", ", template.tables()),
            template.totalRows());
      }
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "show",
      description = "Shows a template's tables, default row counts and parameters.")
  static final class Show implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      return print(spec.commandLine().getOut(), name);
    }

    static Integer print(PrintWriter out, String name) {
      Template template = TemplateCatalog.builtIn().get(name);
      out.printf(
          Locale.ROOT,
          "%s: %s%n%nTables (default rows at scale 1):%n",
          template.name(),
          template.description());
      template
          .defaultRows()
          .forEach((table, rows) -> out.printf(Locale.ROOT, "  %-28s %,12d%n", table, rows));
      out.printf(
          Locale.ROOT,
          "%nParameters (--template-param KEY=VALUE):%n  scale=F          multiply every row count "
              + "(e.g. scale=10)%n  rows.TABLE=N     set one table's rows (e.g. rows.%s=500)%n",
          template.tables().get(0));
      out.printf(
          Locale.ROOT,
          "%nExport: datagen template export %s > %s.json%n",
          template.name(),
          template.name());
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "export",
      description = "Writes a template (or several merged) as a schema file, to stdout by default.")
  static final class Export implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0..*", arity = "1..*", paramLabel = "NAME[:PREFIX]")
    List<String> names = new ArrayList<>();

    @Option(
        names = {"-o", "--output"},
        paramLabel = "FILE",
        description = "Write to FILE instead of stdout.")
    Path output;

    @Option(
        names = {"--template-param", "--param"},
        paramLabel = "KEY=VALUE",
        description = "scale=F or rows.TABLE=N, as for generate.")
    Map<String, String> parameters = new LinkedHashMap<>();

    @Override
    public Integer call() {
      return write(spec.commandLine().getOut(), names, parameters, output);
    }

    static Integer write(
        PrintWriter out, List<String> names, Map<String, String> parameters, Path output) {
      String text =
          TemplateSchemas.instantiate(
              TemplateCatalog.builtIn(),
              names.stream().map(TemplateSchemas.TemplateRef::parse).toList(),
              parameters);
      if (output == null) {
        out.print(text);
        out.flush();
        return 0;
      }
      try {
        Files.writeString(output, text, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new DatagenException(
            ErrorCategory.OUTPUT, "Cannot write " + output + ": " + e.getMessage(), e);
      }
      return 0;
    }
  }
}
