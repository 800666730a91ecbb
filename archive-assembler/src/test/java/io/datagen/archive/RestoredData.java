package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.Arrays;
import java.util.List;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/**
 * Checks a database restored from {@link SampleDatabase} holds exactly the sample's data and
 * schema.
 */
public final class RestoredData {
  private RestoredData() {}

  /** The server's COPY text of a query, byte for byte. */
  public static byte[] copyOut(PostgresServers.Database database, String query) throws Exception {
    try (Connection connection = database.connect()) {
      CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      copy.copyOut("COPY (" + query + ") TO STDOUT", out);
      return out.toByteArray();
    }
  }

  public static void assertMatches(SampleDatabase sample, PostgresServers.Database database)
      throws Exception {
    for (SampleDatabase.Table table : sample.tables) {
      byte[] actual = copyOut(database, table.orderedSelect());
      byte[] expected = table.copyText();
      assertThat(actual.length)
          .as("COPY length of %s", table.qualifiedName())
          .isEqualTo(expected.length);
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as("rows of %s", table.qualifiedName())
          .isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }
    assertThat(PgTools.query(database, "SELECT last_value, is_called FROM public.customers_id_seq"))
        .containsExactly(List.of(Long.toString(sample.customers.rows()), "t"));
    assertThat(
            PgTools.query(
                database,
                "SELECT conname, contype FROM pg_constraint WHERE contype IN ('p','u','f') AND connamespace <> 'pg_catalog'::regnamespace ORDER BY 1"))
        .containsExactly(
            List.of("Odd pkey", "p"),
            List.of("customers_email_key", "u"),
            List.of("customers_pkey", "p"),
            List.of("orders_customer_id_fkey", "f"),
            List.of("orders_pkey", "p"));
    assertThat(
            PgTools.query(
                database,
                "SELECT indexname FROM pg_indexes WHERE indexname = 'orders_customer_idx'"))
        .hasSize(1);
    assertThat(
            PgTools.query(
                database,
                "SELECT count(*) FROM \"Odd \"\"Schema\"\"\".\"Weird \"\"Quoted\"\" Table\" WHERE \"select\" IS NULL"))
        .containsExactly(List.of("1"));
    assertThat(
            PgTools.query(
                database,
                "SELECT count(*) FROM \"Odd \"\"Schema\"\"\".\"Weird \"\"Quoted\"\" Table\" WHERE \"select\" = ''"))
        .containsExactly(List.of("1"));
    assertThat(
            PgTools.query(
                database,
                "SELECT count(*) FROM \"Odd \"\"Schema\"\"\".\"Weird \"\"Quoted\"\" Table\" WHERE \"select\" = '\\.'"))
        .containsExactly(List.of("1"));
  }

  /**
   * A {@code pg_restore -f -} script holds every table of the sample as a COPY statement followed,
   * byte for byte, by the table's COPY text and the {@code \\.} line.
   */
  public static void assertScriptHoldsCopyText(SampleDatabase sample, byte[] script) {
    for (SampleDatabase.Table table : sample.tables) {
      byte[] start = table.copyStmt().getBytes(StandardCharsets.UTF_8);
      int at = PgRestoreTest.indexOf(script, start);
      assertThat(at).as("COPY statement of %s", table.qualifiedName()).isNotNegative();
      byte[] expected =
          PgRestoreTest.concat(table.copyText(), "\\.\n".getBytes(StandardCharsets.UTF_8));
      assertThat(Arrays.copyOfRange(script, at + start.length, at + start.length + expected.length))
          .as("data of %s", table.qualifiedName())
          .isEqualTo(expected);
    }
  }
}
