package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Index methods need a default operator class for their columns, only btree is unique, system
 * schemas are PostgreSQL's, and a serial's sequence is named as the server would name it. Every
 * accepted combination below restores into real servers (12 and 18), which is what makes the table
 * of operator classes trustworthy.
 */
class IndexAndNameRestoreTest {
  private static final String LONG_TABLE = "t".repeat(63);

  @TempDir Path dir;

  private Path write(String extensions, String tables) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(
        file,
        "{\"version\": \"1.0\", \"database\": {\"name\": \"ix\"}, \"extensions\": ["
            + extensions
            + "], \"tables\": {"
            + tables
            + "}}");
    return file;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "                | integer | hash   | true  | only btree indexes can be unique",
        "                | integer | gin    | false | list \"btree_gin\" in \"extensions\"",
        "                | text[]  | gist   | false | has no default operator class for index type gist",
        "                | json    | btree  | false | has no default operator class for index type btree",
        "                | jsonb   | brin   | false | has no default operator class for index type brin",
        "                | boolean | spgist | false | has no default operator class for index type spgist"
      })
  void anIndexPostgreSqlCannotBuildIsASchemaError(
      String extensions, String type, String method, boolean unique, String message)
      throws Exception {
    Path schema =
        write(
            extensions == null ? "" : extensions,
            "\"t\": {\"row_count\": 5, \"columns\": {\"c\": {\"type\": \""
                + type
                + "\"}}, \"indexes\": [{\"columns\": [\"c\"], \"type\": \""
                + method
                + "\", \"unique\": "
                + unique
                + "}]}");
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("indexes[0].type").contains(message);
  }

  /** Found by SchemaRestoreInvariantTest (seed -8967180677486884951), shrunk. */
  @Test
  void aMulticolumnHashOrSpgistIndexIsASchemaError() throws Exception {
    for (String method : List.of("hash", "spgist")) {
      Path schema =
          write(
              "",
              "\"t\": {\"row_count\": 5, \"columns\": {\"a\": {\"type\": \"text\"}, \"b\":"
                  + " {\"type\": \"text\"}}, \"indexes\": [{\"columns\": [\"a\", \"b\"], \"type\": \""
                  + method
                  + "\"}]}");
      DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
      assertThat(run.exitCode()).as(method).isEqualTo(2);
      assertThat(run.out() + run.err())
          .contains(method + " indexes have a single column, and this one lists 2");
    }
  }

  /** Found by SchemaRestoreInvariantTest (seed -7423776448699395871, try 2,930), shrunk. */
  @Test
  void aKeyOnATypeWithoutBtreeIsASchemaError() throws Exception {
    for (String key : List.of("\"unique\": true", "\"primary_key\": true")) {
      Path schema =
          write(
              "",
              "\"t\": {\"row_count\": 0, \"columns\": {\"doc\": {\"type\": \"json\", "
                  + key
                  + "}}}");
      DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
      assertThat(run.exitCode()).as(key).isEqualTo(2);
      assertThat(run.out() + run.err())
          .contains("cannot be in a primary key or unique constraint")
          .contains("use jsonb");
    }
  }

  @Test
  void aTableInASystemSchemaIsASchemaError() throws Exception {
    for (String schemaName : List.of("pg_catalog", "pg_mine", "information_schema")) {
      Path schema =
          write(
              "",
              "\""
                  + schemaName
                  + ".t\": {\"row_count\": 1, \"columns\": {\"a\": {\"type\": \"text\"}}}");
      DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
      assertThat(run.exitCode()).as(schemaName).isEqualTo(2);
      assertThat(run.out() + run.err()).contains("which belongs to PostgreSQL");
    }
  }

  @Test
  void everyAcceptedIndexAndALongSerialTableRestoreInto12And18() throws Exception {
    Path schema =
        write(
            "\"btree_gin\", \"btree_gist\"",
            """
            "docs": {"row_count": 200, "columns": {
               "id": {"type": "uuid", "primary_key": true},
               "tags": {"type": "text[]"}, "body": {"type": "jsonb"}, "words": {"type": "tsvector"},
               "title": {"type": "text"}, "at": {"type": "timestamptz"}, "n": {"type": "integer"},
               "spot": {"type": "point"}, "addr": {"type": "inet"}},
             "indexes": [
               {"columns": ["tags"], "type": "gin"}, {"columns": ["body"], "type": "gin"},
               {"columns": ["words"], "type": "gin"}, {"columns": ["words"], "type": "gist"},
               {"columns": ["spot"], "type": "gist"}, {"columns": ["title"], "type": "spgist"},
               {"columns": ["addr"], "type": "spgist"}, {"columns": ["at"], "type": "brin"},
               {"columns": ["id"], "type": "hash"}, {"columns": ["tags"], "type": "hash"},
               {"columns": ["n"], "type": "gin"}, {"columns": ["n", "title"], "type": "gist"}]},
            "%s": {"row_count": 20, "columns": {"id": {"type": "serial", "primary_key": true}}}
            """
                .formatted(LONG_TABLE));
    DatagenCliTest.Run validate = DatagenCliTest.run("validate", schema.toString());
    assertThat(validate.exitCode()).as(validate.out() + validate.err()).isZero();
    Path archive = dir.resolve("ix.dump");
    DatagenCliTest.generate(schema, archive, 8);
    for (int version : List.of(12, 18)) {
      PostgresServers.Database db = PostgresServers.createDatabase(version);
      PgTools.pgRestoreIntoDb(archive, db.port(), db.name()).orThrow();
      assertThat(PgTools.query(db, "SELECT count(*) FROM pg_indexes WHERE tablename = 'docs'"))
          .as("PostgreSQL " + version)
          .containsExactly(List.of("13"));
      assertThat(
              PgTools.query(db, "SELECT pg_get_serial_sequence('public." + LONG_TABLE + "', 'id')"))
          .as("the serial's sequence is the one PostgreSQL would have made")
          .containsExactly(List.of("public." + "t".repeat(56) + "_id_seq"));
    }
  }
}
