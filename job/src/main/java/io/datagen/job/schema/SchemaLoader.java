package io.datagen.job.schema;

import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one way in: reads a schema file, stdin or text, parses and validates it, and returns the
 * schema with its warnings, or throws a {@link SchemaException} (exit code 2) listing every
 * problem. Use {@link #withRowCountOverride(long)} for {@code --rows}: the override is applied
 * before validation, so checks that depend on row counts see the real numbers.
 */
public final class SchemaLoader {
  /** The name used for the standard input in messages. */
  public static final String STDIN_NAME = "<stdin>";

  private final OptionalLong rowCountOverride;

  public SchemaLoader() {
    this(OptionalLong.empty());
  }

  private SchemaLoader(OptionalLong rowCountOverride) {
    this.rowCountOverride = rowCountOverride;
  }

  /** A loader that sets every table's row_count to {@code rows} (the {@code --rows} option). */
  public SchemaLoader withRowCountOverride(long rows) {
    if (rows < 0) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Invalid row count for --rows: " + rows + "; use 0 or more");
    }
    return new SchemaLoader(OptionalLong.of(rows));
  }

  /**
   * @throws SchemaException if the schema is invalid
   * @throws DatagenException (category USAGE) if the file cannot be read
   */
  public LoadedSchema load(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DatagenException(
          ErrorCategory.USAGE,
          "Cannot read schema file " + file + ": no such file; check the path",
          e);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Cannot read schema file " + file + ": " + e.getMessage(), e);
    }
    return load(decode(bytes, file.toString()), file.toString());
  }

  /** Reads the whole stream (e.g. {@code System.in} for {@code -}) as UTF-8. */
  public LoadedSchema load(InputStream in, String sourceName) {
    try {
      return load(decode(in.readAllBytes(), sourceName), sourceName);
    } catch (IOException e) {
      throw new DatagenException(
          ErrorCategory.USAGE, "Cannot read schema from " + sourceName + ": " + e.getMessage(), e);
    }
  }

  /** Reads the schema from the standard input. */
  public LoadedSchema loadStdin() {
    return load(System.in, STDIN_NAME);
  }

  /**
   * @param sourceName the file name (or {@code <stdin>}, a template name) shown in messages
   */
  public LoadedSchema load(String text, String sourceName) {
    SchemaParser.Outcome outcome = SchemaParser.read(text, sourceName);
    Problems problems = outcome.problems();
    Schema schema = outcome.schema();
    if (schema == null) {
      throw new SchemaException(sourceName, problems.all());
    }
    if (rowCountOverride.isPresent()) {
      schema = withRowCount(schema, rowCountOverride.getAsLong());
    }
    SchemaValidator.validate(schema, outcome.damage(), outcome.locator(), problems);
    if (problems.hasErrors()) {
      throw new SchemaException(sourceName, problems.all());
    }
    return new LoadedSchema(schema, problems.warnings());
  }

  /** Every table with {@code rows} rows. */
  public static Schema withRowCount(Schema schema, long rows) {
    List<TableSpec> tables = new ArrayList<>();
    for (TableSpec table : schema.tables()) {
      tables.add(table.withRowCount(rows));
    }
    return schema.withTables(tables);
  }

  private static String decode(byte[] bytes, String sourceName) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text; // a byte order mark is not JSON
    } catch (CharacterCodingException e) {
      throw new SchemaException(
          sourceName,
          List.of(
              SchemaProblem.error(
                  "$",
                  io.datagen.job.json.SourceLocation.UNKNOWN,
                  "the file is not valid UTF-8 text; save it as UTF-8")));
    }
  }
}
