package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No SQL nobody wrote: names are quoted in every format, and expression text from the schema is one
 * expression or refused before anything is generated.
 */
class SqlSafetyTest {
  private static final String HOSTILE = "b) VALUES (1);CREATE TABLE public.pwned();--";

  @TempDir Path dir;

  private Path schema(String columns, String extra) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(
        file,
        """
        {"version": "1.0", "database": {"name": "safety"},
         "tables": {"t": {"row_count": 50, "columns": {%s}%s}}}
        """
            .formatted(columns, extra));
    return file;
  }

  @Test
  void insertScriptsQuoteEveryColumnName() throws Exception {
    String hostile = HOSTILE.replace("\"", "\\\"");
    Path schema =
        schema(
            """
            "Id": {"type": "integer", "primary_key": true},
            "order": {"type": "text"},
            "has space": {"type": "integer"},
            "%s": {"type": "integer"}
            """
                .formatted(hostile),
            "");
    for (String format : List.of("sql", "copy")) {
      Path script = dir.resolve(format + ".sql");
      DatagenCliTest.Run run =
          DatagenCliTest.run(
              "generate",
              schema.toString(),
              "-o",
              script.toString(),
              "-f",
              format,
              "--seed",
              "1",
              "-q");
      assertThat(run.exitCode()).as(run.err()).isZero();
      PostgresServers.Database db = PostgresServers.createDatabase(15);
      PgTools.psqlFile(script, db.port(), db.name()).orThrow();
      assertThat(PgTools.query(db, "SELECT count(*) FROM public.t").get(0).get(0))
          .as(format)
          .isEqualTo("50");
      assertThat(PgTools.query(db, "SELECT count(*) FROM pg_class WHERE relname = 'pwned'"))
          .as(format + ": nothing but the schema's own statements ran")
          .containsExactly(List.of("0"));
    }
  }

  @Test
  void anExpressionThatWouldEndItsStatementIsASchemaError() throws Exception {
    Path schema =
        schema(
            "\"a\": {\"type\": \"integer\"}",
            ", \"check_constraints\": [{\"expression\":"
                + " \"a > 0))); CREATE TABLE public.pwned_check3(); SELECT (((1\"}]");
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("check_constraints[0].expression")
        .contains("(line 2, column")
        .contains("the check expression must be one SQL expression, but the ')' at character 6");
  }

  @Test
  void aBareWordDefaultIsASchemaErrorWithTheFix() throws Exception {
    Path schema = schema("\"status\": {\"type\": \"text\", \"default\": \"active\"}", "");
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("write it in single quotes ('active')");
    Path quote = schema("\"status\": {\"type\": \"text\", \"default\": \"it's\"}", "");
    DatagenCliTest.Run unclosed = DatagenCliTest.run("validate", quote.toString());
    assertThat(unclosed.exitCode()).isEqualTo(2);
    assertThat(unclosed.out() + unclosed.err()).contains("'it''s'");
  }
}
