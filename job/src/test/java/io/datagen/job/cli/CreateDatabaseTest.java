package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code pg_restore -C -d postgres} creates the schema's database with its declared encoding and
 * locale and restores into it, as for pg_dump's archives; and the archive's text is declared as
 * what it is, UTF-8, so the server converts nothing it should not.
 */
class CreateDatabaseTest {
  @TempDir Path dir;

  private Path generate(String database, String encoding, String locale) throws Exception {
    Path schema = dir.resolve(database + ".json");
    Files.writeString(
        schema,
        """
        {"version": "1.0",
         "database": {"name": "%s", "encoding": "%s", "locale": "%s"},
         "tables": {"people": {"row_count": 40, "columns": {
           "id": {"type": "serial", "primary_key": true},
           "name": {"type": "text", "generator": "enum",
                    "generator_config": {"values": ["Büchele", "Øre", "Zoë"]}}}}}}
        """
            .formatted(database, encoding, locale));
    Path archive = dir.resolve(database + ".dump");
    DatagenCliTest.Run run =
        DatagenCliTest.run(
            "generate", schema.toString(), "-o", archive.toString(), "--seed", "5", "-q");
    assertThat(run.exitCode()).as(run.err()).isZero();
    return archive;
  }

  private static List<List<String>> database(int version, String name) {
    return PgTools.query(
        new PostgresServers.Database(version, PostgresServers.port(version), "postgres"),
        "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database"
            + " WHERE datname = '"
            + name
            + "'");
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 18})
  void createRestoresIntoANewDatabaseWithTheDeclaredEncodingAndLocale(int version)
      throws Exception {
    String name = "created_utf8_" + version;
    Path archive = generate(name, "UTF8", "C");
    PgTools.pgRestoreIntoDb(archive, PostgresServers.port(version), "postgres", "-C").orThrow();
    assertThat(database(version, name)).containsExactly(List.of("UTF8", "C", "C"));
    PostgresServers.Database created =
        new PostgresServers.Database(version, PostgresServers.port(version), name);
    assertThat(PgTools.query(created, "SELECT count(*), count(DISTINCT name) FROM people"))
        .containsExactly(List.of("40", "3"));
    assertThat(PgTools.query(created, "SELECT name FROM people WHERE name LIKE 'B%' LIMIT 1"))
        .as("non-ASCII text arrives unchanged")
        .containsExactly(List.of("Büchele"));
  }

  @ParameterizedTest
  @ValueSource(ints = {12, 18})
  void anotherDeclaredEncodingIsApplied(int version) throws Exception {
    String name = "created_ascii_" + version;
    Path archive = generate(name, "SQL_ASCII", "C");
    PgTools.pgRestoreIntoDb(archive, PostgresServers.port(version), "postgres", "-C").orThrow();
    assertThat(database(version, name)).containsExactly(List.of("SQL_ASCII", "C", "C"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"LATIN1", "EUC_JP"})
  void anEncodingThatCannotHoldTheTextIsRefusedWithTheWayOut(String encoding) throws Exception {
    Path schema = dir.resolve("schema.json");
    Files.writeString(
        schema,
        """
        {"version": "1.0", "database": {"name": "shop", "encoding": "%s"},
         "tables": {"t": {"row_count": 1, "columns": {"a": {"type": "text"}}}}}
        """
            .formatted(encoding));
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("database.encoding")
        .contains(encoding + " cannot be honoured")
        .contains("Use UTF8");
  }
}
