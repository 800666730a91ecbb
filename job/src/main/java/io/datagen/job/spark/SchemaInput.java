package io.datagen.job.spark;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.generate.GenerationValidator;
import io.datagen.job.schema.LoadedSchema;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.SchemaException;
import io.datagen.job.schema.SchemaLoader;
import io.datagen.job.schema.SchemaProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    SchemaLoader loader = rowsOverride == null ? new SchemaLoader() : new SchemaLoader().withRowCountOverride(rowsOverride);
    String sourceName = "-".equals(source) ? SchemaLoader.STDIN_NAME : source;
    byte[] text = read(source, sourceName);
    LoadedSchema loaded = loader.load(new ByteArrayInputStream(text), sourceName);
    List<SchemaProblem> problems = GenerationValidator.validate(loaded.schema());
    List<SchemaProblem> warnings = new ArrayList<>(loaded.warnings());
    if (problems.stream().anyMatch(p -> p.severity() == SchemaProblem.Severity.ERROR)) {
      throw new SchemaException(sourceName, problems);
    }
    warnings.addAll(problems);
    return new Checked(loaded.schema(), warnings, sha256(text));
  }

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

  public static Schema load(String source, Long rowsOverride, PrintWriter warningsOut) {
    return loadChecked(source, rowsOverride, warningsOut).schema();
  }

  /** Like {@link #load}, keeping the schema text's digest. */
  public static Checked loadChecked(String source, Long rowsOverride, PrintWriter warningsOut) {
    Checked checked = check(source, rowsOverride);
    if (warningsOut != null) {
      checked.warnings().forEach(w -> warningsOut.println("datagen: " + w.describe()));
    }
    return checked;
  }

  private static byte[] read(String source, String sourceName) {
    try {
      return "-".equals(source) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(source));
    } catch (NoSuchFileException e) {
      throw new DatagenException(ErrorCategory.USAGE, "Cannot read schema file " + source + ": no such file; check the path", e);
    } catch (IOException e) {
      throw new DatagenException(ErrorCategory.USAGE, "Cannot read schema from " + sourceName + ": " + e.getMessage(), e);
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
