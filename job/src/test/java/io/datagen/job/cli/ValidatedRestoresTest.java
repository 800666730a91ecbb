package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cases that validated and then failed pg_restore: now a correct archive or a schema error. */
class ValidatedRestoresTest {
  @TempDir Path dir;

  private Path write(String tables) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(
        file,
        "{\"version\": \"1.0\", \"database\": {\"name\": \"v\"}, \"tables\": {" + tables + "}}");
    return file;
  }

  @Test
  void anOrderingCheckNearTheTopOfTheTypeStaysInsideTheType() throws Exception {
    Path schema =
        write(
            """
            "t": {"row_count": 3000, "columns": {
                    "a1": {"type": "smallint", "nullable": false},
                    "a2": {"type": "smallint", "nullable": false}},
                  "check_constraints": [{"expression": "a1 > 32760"}, {"expression": "a1 < a2"}]}
            """);
    Path archive = dir.resolve("v.dump");
    DatagenCliTest.generate(schema, archive, 4);
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
    assertThat(PgTools.query(db, "SELECT count(*), min(a1), max(a2) FROM public.t"))
        .containsExactly(List.of("3000", "32761", "32767"));
  }

  @Test
  void anOrderingCheckWithNoRoomLeftIsASchemaError() throws Exception {
    Path schema =
        write(
            """
            "t": {"row_count": 10, "columns": {
                    "a1": {"type": "smallint", "nullable": false},
                    "a2": {"type": "smallint", "nullable": false}},
                  "check_constraints": [{"expression": "a1 > 32766"}, {"expression": "a1 < a2"}]}
            """);
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("a1");
  }

  @Test
  void aForeignKeyColumnTooNarrowForTheParentsKeysIsASchemaError() throws Exception {
    Path schema =
        write(
            """
            "p": {"row_count": 100000, "columns": {"id": {"type": "bigserial", "primary_key": true}}},
            "c": {"row_count": 10, "columns": {"p_id": {"type": "smallint"}},
                  "foreign_keys": [{"columns": ["p_id"], "referenced_table": "p"}]}
            """);
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("cannot hold the keys of p.id");
  }

  /** Found by SchemaRestoreInvariantTest (seed -5909433463260117599), shrunk. */
  @Test
  void aCheckOnAColumnWhoseNameHasAQuoteNarrowsItsGenerator() throws Exception {
    Path schema =
        write(
            """
            "a_id": {"row_count": 200, "columns": {
               "quote\\"d_0": {"type": "text", "nullable": false, "generator": "pattern",
                              "generator_config": {"pattern": "[A-Za-z]{2,6}"}}},
             "check_constraints": [{"expression": "length(\\"quote\\"\\"d_0\\") <= 3"}]}
            """);
    DatagenCliTest.Run validate = DatagenCliTest.run("validate", schema.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    assertThat(validate.out()).contains("0 warnings");
    Path archive = dir.resolve("q.dump");
    DatagenCliTest.generate(schema, archive, 11);
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
    assertThat(PgTools.query(db, "SELECT max(length(\"quote\"\"d_0\")) <= 3 FROM public.a_id"))
        .containsExactly(List.of("t"));
  }

  /** Found by SchemaRestoreInvariantTest (seed -6421297460158556733), shrunk further by hand. */
  @Test
  void aUniqueTextColumnShortenedByACheckKeepsItsValuesDistinct() throws Exception {
    Path schema =
        write(
            """
            "t": {"row_count": 500, "columns": {
                    "c": {"type": "text", "nullable": false, "unique": true}},
                  "check_constraints": [{"expression": "length(c) <= 3"}]}
            """);
    Path archive = dir.resolve("u.dump");
    DatagenCliTest.generate(schema, archive, 1);
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
    assertThat(PgTools.query(db, "SELECT count(DISTINCT c), max(length(c)) FROM public.t"))
        .containsExactly(List.of("500", "3"));
  }
}
