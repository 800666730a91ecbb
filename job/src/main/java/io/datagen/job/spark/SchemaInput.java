package io.datagen.job.spark;

import io.datagen.job.generate.GenerationValidator;
import io.datagen.job.schema.LoadedSchema;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaException;
import io.datagen.job.schema.SchemaLoader;
import io.datagen.job.schema.SchemaProblem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a schema (file or stdin) and checks everything before any work starts: the file's shape
 * and references ({@link SchemaLoader}), then what generation needs ({@link GenerationValidator}:
 * generator configs, uniqueness domains, FK parents). All errors are reported together.
 */
public final class SchemaInput {
  private SchemaInput() {}

  /**
   * @param source       a path, or {@code -} for stdin
   * @param rowsOverride {@code --rows}, or null
   * @param warnings     where warnings are printed, or null to drop them
   * @return the schema plus every warning (also printed)
   */
  public static Checked check(String source, Long rowsOverride) {
    return check(source, null, rowsOverride);
  }

  /**
   * @param text the schema text (e.g. an instantiated template), or null to read {@code source}
   */
  public static Checked check(String source, String text, Long rowsOverride) {
    SchemaLoader loader = rowsOverride == null ? new SchemaLoader() : new SchemaLoader().withRowCountOverride(rowsOverride);
    LoadedSchema loaded = text != null ? loader.load(text, source)
        : "-".equals(source) ? loader.loadStdin() : loader.load(Path.of(source));
    String sourceName = text != null ? source : "-".equals(source) ? SchemaLoader.STDIN_NAME : source;
    List<SchemaProblem> problems = GenerationValidator.validate(loaded.schema());
    List<SchemaProblem> warnings = new ArrayList<>(loaded.warnings());
    if (problems.stream().anyMatch(p -> p.severity() == SchemaProblem.Severity.ERROR)) {
      throw new SchemaException(sourceName, problems);
    }
    warnings.addAll(problems);
    return new Checked(loaded.schema(), warnings);
  }

  /** A schema ready for generation, with the warnings found. */
  public record Checked(Schema schema, List<SchemaProblem> warnings) {
    public Checked {
      warnings = List.copyOf(warnings);
    }
  }

  public static Schema load(String source, Long rowsOverride, PrintWriter warningsOut) {
    return load(source, null, rowsOverride, warningsOut);
  }

  public static Schema load(String source, String text, Long rowsOverride, PrintWriter warningsOut) {
    Checked checked = check(source, text, rowsOverride);
    if (warningsOut != null) {
      checked.warnings().forEach(w -> warningsOut.println("datagen: " + w.describe()));
    }
    return checked.schema();
  }
}
