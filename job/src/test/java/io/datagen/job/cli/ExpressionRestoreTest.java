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
 * Expressions written in a schema file name objects without a schema (a sequence, an extension's
 * function): a schema that validates restores with them, into the archive's empty search_path.
 */
class ExpressionRestoreTest {
  @TempDir Path dir;

  private Path write(String json) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(file, json);
    return file;
  }

  @Test
  void defaultsChecksAndPredicatesNamingSequencesAndExtensionFunctionsRestore() throws Exception {
    Path schema =
        write(
            """
            {"version": "1.0", "database": {"name": "refs"},
             "extensions": ["uuid-ossp"],
             "sequences": {"invoice_seq": {"start": 1000},
                           "sales.order_seq": {"start": 5}},
             "tables": {
               "invoices": {"row_count": 30, "columns": {
                 "id": {"type": "uuid", "primary_key": true, "default": "uuid_generate_v4()"},
                 "number": {"type": "bigint", "default": "nextval('invoice_seq')"},
                 "name": {"type": "text", "nullable": false}},
                "check_constraints": [{"expression": "length(btrim(name)) > 0"}],
                "indexes": [{"columns": ["number"], "where": "lower(name) <> ''"}]},
               "sales.orders": {"row_count": 10, "columns": {
                 "id": {"type": "bigint", "primary_key": true, "default": "nextval('order_seq')"}}}
             }}
            """);
    DatagenCliTest.Run validate = DatagenCliTest.run("validate", schema.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    Path archive = dir.resolve("refs.dump");
    DatagenCliTest.generate(schema, archive, 3);
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
    assertThat(
            PgTools.query(
                db,
                "INSERT INTO public.invoices (name) VALUES ('later')"
                    + " RETURNING number >= 1000, id IS NOT NULL"))
        .as("the restored defaults work")
        .containsExactly(List.of("t", "t"));
  }

  @Test
  void anExtensionFunctionWithoutItsExtensionIsASchemaError() throws Exception {
    Path schema =
        write(
            """
            {"version": "1.0", "database": {"name": "refs"},
             "tables": {"t": {"row_count": 3, "columns": {
               "id": {"type": "uuid", "default": "uuid_generate_v4()"}}}}}
            """);
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("uuid_generate_v4() comes from the extension uuid-ossp")
        .contains("add \"extensions\": [\"uuid-ossp\"]");
  }
}
