package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.io.InMemorySink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.plain.PlainScriptWriter;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code copy} and {@code sql} plain scripts, loaded by the real psql with ON_ERROR_STOP. */
class PlainScriptTest {
  static final SampleDatabase SAMPLE = new SampleDatabase(20_000, 6);

  @TempDir Path dir;

  static byte[] script(boolean copyFormat, Compression compression, int rowsPerStatement)
      throws Exception {
    InMemorySink sink = PositionedSink.inMemory();
    PieceEncoder encoder = PieceEncoder.forPlainScript(compression);
    PlainScriptWriter.write(
        sink,
        compression,
        SAMPLE.header(compression),
        SAMPLE.entries(copyFormat),
        copyFormat ? SAMPLE.copyPieces(encoder) : SAMPLE.insertPieces(encoder, rowsPerStatement));
    return sink.toByteArray();
  }

  @ParameterizedTest(name = "{0} format, {1}, {2} rows per INSERT, PostgreSQL {3}")
  @CsvSource({
    "copy, none, 1, 12",
    "copy, gzip, 1, 18",
    "sql, none, 100, 18",
    "sql, gzip, 7, 12",
    "sql, none, 1, 15"
  })
  void psqlLoadsTheScript(String format, String compression, int rowsPerStatement, int major)
      throws Exception {
    Compression codec = compression.equals("gzip") ? Compression.gzip(6) : Compression.none();
    byte[] bytes = script(format.equals("copy"), codec, rowsPerStatement);
    if (codec.isCompressed()) {
      assertThat(bytes[0]).isEqualTo((byte) 0x1f);
      try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = in.readAllBytes(); // concatenated members read as one script
      }
      assertThat(bytes)
          .isEqualTo(script(format.equals("copy"), Compression.none(), rowsPerStatement));
    }
    Path file = dir.resolve("script.sql");
    Files.write(file, bytes);
    PostgresServers.Database database = PostgresServers.createDatabase(major);
    PgTools.Result result = PgTools.psqlFile(file, database.port(), database.name());
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stderr()).isEmpty();
    RestoredData.assertMatches(SAMPLE, database);
  }

  @Test
  void copyScriptHasPgDumpShape() throws Exception {
    String text = new String(script(true, Compression.none(), 1), StandardCharsets.UTF_8);
    assertThat(text)
        .startsWith(
            "--\n-- PostgreSQL database dump\n--\n\n-- Dumped from database version 15.15\n")
        .contains(
            "SET standard_conforming_strings = on;\n",
            "SET default_table_access_method = heap;\n\n",
            "--\n-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -\n--\n\n"
                + "COPY public.customers (id, email, name, note) FROM stdin;\n1\tuser1@example.com\t",
            "\\.\n\n\n--\n-- Data for Name: orders;")
        .endsWith("--\n-- PostgreSQL database dump complete\n--\n\n")
        .doesNotContain(
            "\\restrict", "OWNER TO", "SET client_encoding = 'UTF8';\n\nSET client_encoding");
  }

  @Test
  void sqlScriptUsesMultiRowInserts() throws Exception {
    String text = new String(script(false, Compression.none(), 3), StandardCharsets.UTF_8);
    assertThat(text)
        .contains(
            "INSERT INTO public.customers (id, email, name, note) VALUES\n\t(1, 'user1@example.com', ")
        .contains(
            "INSERT INTO \"Odd \"\"Schema\"\"\".\"Weird \"\"Quoted\"\" Table\" (id, \"select\", \"Mixed Case\", \"ünï\") VALUES\n\t(1, 'it''s', ")
        .doesNotContain("COPY ");
  }

  @Test
  void ownerStatementsWhenAnOwnerIsSet() throws Exception {
    InMemorySink sink = PositionedSink.inMemory();
    try (PlainScriptWriter writer = new PlainScriptWriter(sink, Compression.none())) {
      writer.writeHeader(SAMPLE.header(Compression.none()));
      writer.writeEntry(SAMPLE.entries(true).get(4).toBuilder().owner("App Owner").build());
      writer.writeEntry(SAMPLE.entries(true).get(3).toBuilder().owner("app").build());
      writer.finish();
    }
    assertThat(new String(sink.toByteArray(), StandardCharsets.UTF_8))
        .contains("ALTER TABLE public.customers OWNER TO \"App Owner\";\n\n")
        .contains("ALTER SCHEMA \"Odd \"\"Schema\"\"\" OWNER TO app;\n\n")
        .contains("Owner: App Owner");
  }

  @Test
  void lifecycleIsEnforced() throws Exception {
    PlainScriptWriter writer = new PlainScriptWriter(PositionedSink.inMemory(), Compression.none());
    TocEntry table = SAMPLE.entries(true).get(4);
    assertThatThrownBy(() -> writer.writeEntry(table))
        .hasMessage("Cannot write entry 5: writer is NEW (expected HEADER_WRITTEN)");
    writer.writeHeader(SAMPLE.header(Compression.none()));
    assertThatThrownBy(() -> writer.writeEntry(SAMPLE.entries(true).get(8)))
        .hasMessageContaining("without its data");
    writer.finish();
    assertThatThrownBy(writer::finish).hasMessageContaining("writer is FINISHED");
    assertThatThrownBy(
            () ->
                new PlainScriptWriter(
                    PositionedSink.inMemory(),
                    Compression.fromAlgorithm(CompressionAlgorithm.ZSTD)))
        .hasMessageContaining("Cannot write plain script with compression");
  }

  @Test
  void refusesPiecesThatDoNotMatchTheScript() throws Exception {
    PlainScriptWriter writer =
        new PlainScriptWriter(PositionedSink.inMemory(), Compression.gzip(1));
    writer.writeHeader(SAMPLE.header(Compression.none()));
    TocEntry data = SAMPLE.entries(true).get(8);
    var plainPiece =
        PieceEncoder.forPlainScript(Compression.none())
            .encode("1\n".getBytes(StandardCharsets.UTF_8))
            .toDataPiece();
    assertThatThrownBy(() -> writer.writeTableData(data, List.of(plainPiece)))
        .hasMessageContaining("not a gzip member");
    assertThat(writer.state()).isEqualTo(PlainScriptWriter.State.FAILED);
  }

  @Test
  void writesToAFileSink() throws Exception {
    Path file = dir.resolve("out.sql");
    try (OutputStream out = Files.newOutputStream(file)) {
      PieceEncoder encoder = PieceEncoder.forPlainScript(Compression.none());
      PlainScriptWriter.write(
          PositionedSink.of(out),
          Compression.none(),
          SAMPLE.header(Compression.none()),
          SAMPLE.entries(true),
          SAMPLE.copyPieces(encoder));
    }
    assertThat(Files.readAllBytes(file)).isEqualTo(script(true, Compression.none(), 1));
  }
}
