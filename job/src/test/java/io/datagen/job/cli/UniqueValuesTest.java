package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A unique column's listed values must be distinct as PostgreSQL compares them in its type. */
class UniqueValuesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "text    | [\"a\", \"a\", \"b\"]   | 'a' and 'a' are one text value",
        "integer | [1, \"1\", \"01\"]       | '1' and '1' are one integer value",
        "boolean | [\"yes\", \"true\"]      | 't' and 't' are one boolean value",
        "char(3) | [\"a\", \"a \", \"b\"]  | are one char(3) value (char(n) ignores trailing spaces)",
        "citext  | [\"Ann\", \"ann\", \"b\"] | 'Ann' and 'ann' are one citext value (citext ignores case)"
      })
  void valuesThatAreEqualInTheColumnsTypeAreASchemaError(String type, String values, String message)
      throws Exception {
    Path schema = dir.resolve("schema.json");
    Files.writeString(
        schema,
        """
        {"version": "1.0", "database": {"name": "u"}, "extensions": ["citext"],
         "tables": {"t": {"row_count": 2, "columns": {
           "v": {"type": "%s", "unique": true, "generator": "enum",
                 "generator_config": {"values": %s}}}}}}
        """
            .formatted(type, values));
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("Cannot make column 'v' of table t unique: its values")
        .contains(message);
  }
}
