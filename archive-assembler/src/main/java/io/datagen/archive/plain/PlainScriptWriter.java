package io.datagen.archive.plain;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.Compression;
import io.datagen.archive.CompressionAlgorithm;
import io.datagen.archive.TocEntry;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.GzipMemberWriter;
import io.datagen.archive.text.CopyText;
import io.datagen.archive.text.TextBuffer;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes a psql script shaped like {@code pg_dump -Fp} (as pg_restore's {@code -f} output): header
 * comment and session SETs, each entry with its comment header, TABLE DATA as {@code COPY … FROM
 * stdin;} + pieces + {@code \.} (the {@code copy} format) or as INSERT pieces when the entry has no
 * copyStmt (the {@code sql} format). With gzip, every run of the writer's own text and every piece
 * is one gzip member; the script is their concatenation.
 *
 * <p>{@code \restrict} is not written: psql releases before August 2025 reject it.
 */
public final class PlainScriptWriter implements Closeable {

  public enum State {
    NEW,
    HEADER_WRITTEN,
    FINISHED,
    FAILED
  }

  /** Entries pg_restore consumes while reading the TOC; the script's SET lines replace them. */
  private static final Set<String> SESSION_ENTRIES =
      Set.of("ENCODING", "STDSTRINGS", "SEARCHPATH", "DATABASE");

  private final PositionedSink sink;
  private final Compression compression;
  private final GzipMemberWriter gzip;
  private final TextBuffer pending = new TextBuffer();
  private final OwnerStatements ownerStatements = new OwnerStatements();
  private State state = State.NEW;
  private String currentTablespace;
  private String currentTableAm;

  /**
   * @param compression none, or gzip for a {@code .sql.gz} made of concatenated members
   */
  public PlainScriptWriter(PositionedSink sink, Compression compression) {
    if (compression.algorithm() != CompressionAlgorithm.NONE
        && compression.algorithm() != CompressionAlgorithm.GZIP) {
      throw new IllegalArgumentException(
          "Cannot write plain script with compression: " + compression);
    }
    this.sink = Objects.requireNonNull(sink, "sink");
    this.compression = compression;
    this.gzip = compression.isCompressed() ? new GzipMemberWriter(compression.level()) : null;
  }

  /**
   * Writes a whole script: header, every entry (data entries with their pieces), footer; closes the
   * sink.
   */
  public static void write(
      PositionedSink sink,
      Compression compression,
      ArchiveHeader header,
      List<TocEntry> entries,
      Map<Integer, List<DataPiece>> piecesByDumpId)
      throws IOException {
    try (PlainScriptWriter writer = new PlainScriptWriter(sink, compression)) {
      writer.writeHeader(header);
      for (TocEntry entry : entries) {
        if (entry.hadDumper()) {
          List<DataPiece> pieces = piecesByDumpId.get(entry.dumpId());
          if (pieces == null) {
            throw new IllegalArgumentException(
                "Cannot write script: no data pieces given for dumpId " + entry.dumpId());
          }
          writer.writeTableData(entry, pieces);
        } else {
          writer.writeEntry(entry);
        }
      }
      writer.finish();
    }
  }

  public State state() {
    return state;
  }

  public void writeHeader(ArchiveHeader header) throws IOException {
    requireState("write header", State.NEW);
    pending.appendUtf8("--\n-- PostgreSQL database dump\n--\n\n");
    pending
        .appendUtf8("-- Dumped from database version ")
        .appendUtf8(oneLine(header.serverVersion()))
        .appendByte('\n');
    pending
        .appendUtf8("-- Dumped by pg_dump version ")
        .appendUtf8(oneLine(header.dumpVersion()))
        .appendUtf8("\n\n");
    pending.appendAscii(
        "SET statement_timeout = 0;\n"
            + "SET lock_timeout = 0;\n"
            + "SET idle_in_transaction_session_timeout = 0;\n"
            + "SET client_encoding = 'UTF8';\n"
            + "SET standard_conforming_strings = on;\n"
            + "SELECT pg_catalog.set_config('search_path', '', false);\n"
            + "SET check_function_bodies = false;\n"
            + "SET xmloption = content;\n"
            + "SET client_min_messages = warning;\n"
            + "SET row_security = off;\n\n");
    state = State.HEADER_WRITTEN;
  }

  /** Writes a schema entry (defn, and an owner statement when an owner is set). */
  public void writeEntry(TocEntry entry) throws IOException {
    requireState("write entry " + entry.dumpId(), State.HEADER_WRITTEN);
    if (entry.hadDumper()) {
      throw new IllegalArgumentException(
          "Cannot write entry " + entry.dumpId() + " without its data: use writeTableData");
    }
    if (SESSION_ENTRIES.contains(entry.desc())) {
      return;
    }
    writeSessionChanges(entry);
    writeComment(entry, "");
    if (entry.defn() != null && !entry.defn().isEmpty()) {
      pending.appendUtf8(entry.defn()).appendAscii("\n\n");
    }
    String owner = ownerStatements.statementFor(entry);
    if (owner != null) {
      pending.appendUtf8(owner).appendAscii("\n\n");
    }
  }

  /** Writes a TABLE DATA entry: comment, copyStmt (if any), the pieces, and the terminator. */
  public void writeTableData(TocEntry entry, List<DataPiece> pieces) throws IOException {
    requireState("write data of " + entry.dumpId(), State.HEADER_WRITTEN);
    writeSessionChanges(entry);
    writeComment(entry, "Data for ");
    if (entry.copyStmt() != null) {
      pending.appendUtf8(entry.copyStmt());
    }
    for (int i = 0; i < pieces.size(); i++) {
      flushPending();
      copyPiece(entry.dumpId(), i, pieces.get(i));
    }
    pending.appendAscii(entry.copyStmt() != null ? CopyText.END_OF_DATA : "\n\n");
  }

  public void finish() throws IOException {
    requireState("finish script", State.HEADER_WRITTEN);
    pending.appendAscii("--\n-- PostgreSQL database dump complete\n--\n\n");
    flushPending();
    sink.flush();
    state = State.FINISHED;
  }

  private void writeSessionChanges(TocEntry entry) {
    if (entry.tablespace() != null && !entry.tablespace().equals(currentTablespace)) {
      pending
          .appendAscii("SET default_tablespace = ")
          .appendSqlLiteral(entry.tablespace())
          .appendAscii(";\n\n");
      currentTablespace = entry.tablespace();
    }
    if (entry.tableAm() != null && !entry.tableAm().equals(currentTableAm)) {
      pending
          .appendAscii("SET default_table_access_method = ")
          .appendUtf8(entry.tableAm())
          .appendAscii(";\n\n");
      currentTableAm = entry.tableAm();
    }
  }

  private void writeComment(TocEntry entry, String prefix) {
    pending
        .appendAscii("--\n-- ")
        .appendAscii(prefix)
        .appendAscii("Name: ")
        .appendUtf8(oneLine(entry.tag()))
        .appendAscii("; Type: ")
        .appendUtf8(oneLine(entry.desc()))
        .appendAscii("; Schema: ")
        .appendUtf8(entry.namespace() == null ? "-" : oneLine(entry.namespace()))
        .appendAscii("; Owner: ")
        .appendUtf8(
            entry.owner() == null || entry.owner().isEmpty() ? "-" : oneLine(entry.owner()));
    if (entry.tablespace() != null && !entry.tablespace().isEmpty()) {
      pending.appendAscii("; Tablespace: ").appendUtf8(oneLine(entry.tablespace()));
    }
    pending.appendAscii("\n--\n\n");
  }

  /** pg_dump replaces newlines in names it puts into comments, so a name cannot end the comment. */
  private static String oneLine(String text) {
    return text.replace('\n', ' ').replace('\r', ' ');
  }

  private void flushPending() throws IOException {
    if (pending.length() == 0) {
      return;
    }
    try {
      if (gzip != null) {
        sink.write(gzip.member(pending.array(), 0, pending.length()));
      } else {
        sink.write(pending.array(), 0, pending.length());
      }
      pending.clear();
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private void copyPiece(int dumpId, int index, DataPiece piece) throws IOException {
    String name = "piece " + index + " of dumpId " + dumpId;
    boolean[] first = {true};
    try {
      piece.copyTo(
          name,
          (bytes, offset, length) -> {
            if (first[0]
                && gzip != null
                && (length < 2 || bytes[offset] != 0x1f || bytes[offset + 1] != (byte) 0x8b)) {
              throw new IllegalStateException(
                  "Cannot copy " + name + ": not a gzip member (script is " + compression + ")");
            }
            first[0] = false;
            sink.write(bytes, offset, length);
          });
    } catch (IOException | RuntimeException e) {
      state = State.FAILED;
      throw e;
    }
  }

  private void requireState(String action, State expected) {
    if (state != expected) {
      throw new IllegalStateException(
          "Cannot " + action + ": writer is " + state + " (expected " + expected + ")");
    }
  }

  @Override
  public void close() throws IOException {
    sink.close();
  }
}
