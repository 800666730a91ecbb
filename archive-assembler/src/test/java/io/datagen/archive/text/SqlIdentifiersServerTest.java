package io.datagen.archive.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our quoting agrees with the server's own quote_ident() for every keyword and some hostile names.
 */
class SqlIdentifiersServerTest {

  @ParameterizedTest
  @ValueSource(ints = {12, 18})
  void quotingMatchesTheServer(int major) {
    PostgresServers.Database database = PostgresServers.createDatabase(major);
    List<List<String>> rows =
        PgTools.query(
            database,
            "SELECT w, quote_ident(w) FROM (SELECT word AS w FROM pg_get_keywords() UNION ALL SELECT unnest(ARRAY["
                + "'plain', 'Mixed', '1abc', '_ok', 'a b', 'say \"hi\"', 'ünï', 'a$b', 'x1_', 'SELECT'])) words");
    assertThat(rows).hasSizeGreaterThan(400);
    for (List<String> row : rows) {
      String ours = SqlIdentifiers.quote(row.get(0));
      if (major == 18) {
        assertThat(ours).as("quote(%s)", row.get(0)).isEqualTo(row.get(1));
      } else if (!ours.equals(row.get(1))) {
        // an older server may know fewer keywords; we may only quote more, never less
        assertThat(ours)
            .as("quote(%s) on PostgreSQL %d", row.get(0), major)
            .isEqualTo("\"" + row.get(0) + "\"");
      }
    }
  }
}
