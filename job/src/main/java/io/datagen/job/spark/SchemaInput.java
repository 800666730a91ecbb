package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.generate.compile.GenerationValidator;
import io.datagen.job.schema.LoadedSchema;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaException;
import io.datagen.job.schema.SchemaLoader;
import io.datagen.job.schema.SchemaProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads a schema (file, stdin or an instantiated template) and checks everything before any work
 * starts: the file's shape and references ({@link SchemaLoader}), then what generation needs
 * ({@link GenerationValidator}: generator configs, uniqueness domains, FK parents). All errors are
 * reported together.
 */
public final class SchemaInput {
  private SchemaInput() {}

  /**
   * A schema ready for generation, with the warnings found.
   *
   * @param sha256 SHA-256 (hex) of the schema text as read, for the run manifest
   */
  public record Checked(Schema schema, List<SchemaProblem> warnings, String sha256) {
    public Checked {
      warnings = List.copyOf(warnings);
    }
  }

  public static Checked check(String source, Long rowsOverride) {
    return check(source, null, rowsOverride);
  }

  /**
   * @param source a path, {@code -} for stdin, or the name of {@code text} in messages
   * @param text the schema text (e.g. an instantiated template), or null to read {@code source}
   * @param rowsOverride {@code --rows}, or null
   */
  public static Checked check(String source, String text, Long rowsOverride) {
    SchemaLoader loader =
        rowsOverride == null
            ? new SchemaLoader()
            : new SchemaLoader().withRowCountOverride(rowsOverride);
    String sourceName = text == null && "-".equals(source) ? SchemaLoader.STDIN_NAME : source;
    byte[] bytes = text != null ? text.getBytes(StandardCharsets.UTF_8) : read(source, sourceName);
    LoadedSchema loaded = loader.load(new ByteArrayInputStream(bytes), sourceName);
    List<SchemaProblem> problems = GenerationValidator.validate(loaded.schema());
    List<SchemaProblem> warnings = new ArrayList<>(loaded.warnings());
    if (problems.stream().anyMatch(p -> p.severity() == SchemaProblem.Severity.ERROR)) {
      throw new SchemaException(sourceName, problems);
    }
    warnings.addAll(problems);
    return new Checked(loaded.schema(), warnings, sha256(bytes));
  }

  public static Schema load(String source, Long rowsOverride, PrintWriter warningsOut) {
    return loadChecked(source, null, rowsOverride, warningsOut).schema();
  }

  public static Schema load(
      String source, String text, Long rowsOverride, PrintWriter warningsOut) {
    return loadChecked(source, text, rowsOverride, warningsOut).schema();
  }

  /**
   * Like {@link #load}, keeping the schema text's digest; warnings are printed on {@code
   * warningsOut}.
   */
  public static Checked loadChecked(
      String source, String text, Long rowsOverride, PrintWriter warningsOut) {
    Checked checked = check(source, text, rowsOverride);
    if (warningsOut != null) {
      checked.warnings().forEach(w -> warningsOut.println("datagen: " + w.describe()));
    }
    return checked;
  }

  private static byte[] read(String source, String sourceName) {
    try {
      return "-".equals(source) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
    } catch (NoSuchFileException e) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Cannot read schema file " + source + ": no such file; check the path",
          e);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Cannot read schema from " + sourceName + ": " + e.getMessage(), e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
