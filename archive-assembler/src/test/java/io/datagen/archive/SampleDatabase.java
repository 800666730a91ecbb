package io.datagen.archive;

import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.text.CopyRowEncoder;
import io.datagen.archive.text.InsertTextEncoder;
import io.datagen.archive.text.SqlIdentifiers;
import io.datagen.archive.text.TextBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * A small schema shaped like pg_dump's output, with deterministic data: {@code customers} (large,
 * many pieces), {@code orders} (FK to customers), and a table with hostile identifiers and values
 * in a schema that needs quoting. Used by the restore, script and round-trip tests.
 */
public final class SampleDatabase {
  public static final LocalDateTime CREATED = LocalDateTime.of(2026, 11, 26, 19, 55, 5);
  public static final String SCHEMA_ODD = "Odd \"Schema\"";
  public static final String TABLE_ODD = "Weird \"Quoted\" Table";

  /** Hostile text values; null is SQL NULL. */
  public static final List<String> HOSTILE_VALUES =
      java.util.Arrays.asList(
          "it's",
          "tab\there",
          "new\nline",
          "cr\rhere",
          "crlf\r\nend",
          "back\\slash",
          "\\.",
          "\\N",
          "ünïcödé 日本語 😀",
          "",
          null,
          "\"double\"",
          "\b\f\u000b controls",
          "-- not a comment",
          "semi;colon",
          "' OR 1=1; --",
          "\\",
          "\t");

  /** One table: its columns (quoted names), which are numeric, and a row generator. */
  public record Table(
      String schema,
      String name,
      List<String> columns,
      List<Boolean> numeric,
      long rows,
      int pieces,
      LongFunction<Object[]> row) {
    public String qualifiedName() {
      return SqlIdentifiers.qualified(schema, name);
    }

    public List<String> quotedColumns() {
      return columns.stream().map(SqlIdentifiers::quote).toList();
    }

    public String copyStmt() {
      return "COPY "
          + qualifiedName()
          + " ("
          + String.join(", ", quotedColumns())
          + ") FROM stdin;\n";
    }

    /**
     * Row boundaries of each piece: includes an empty piece and a 1-row piece when there are enough
     * pieces.
     */
    public long[] pieceBounds() {
      long[] bounds = new long[pieces + 1];
      for (int i = 1; i < pieces; i++) {
        bounds[i] = rows * i / pieces;
      }
      bounds[pieces] = rows;
      if (pieces >= 4 && rows >= 10) {
        bounds[2] = bounds[1]; // piece 1 is empty
        bounds[3] = bounds[2] + 1; // piece 2 holds one row
      }
      return bounds;
    }

    /** COPY text of rows [from, to). */
    public byte[] copyText(long from, long to) {
      TextBuffer buffer = new TextBuffer();
      CopyRowEncoder encoder = new CopyRowEncoder(buffer);
      for (long r = from; r < to; r++) {
        Object[] values = row.apply(r);
        for (Object value : values) {
          if (value == null) {
            encoder.appendNull();
          } else if (value instanceof Long number) {
            encoder.appendLong(number);
          } else {
            encoder.appendText((String) value);
          }
        }
        encoder.endRow();
      }
      return buffer.toByteArray();
    }

    public byte[] copyText() {
      return copyText(0, rows);
    }

    /** INSERT text of rows [from, to). */
    public byte[] insertText(long from, long to, int rowsPerStatement) {
      TextBuffer buffer = new TextBuffer();
      InsertTextEncoder encoder =
          new InsertTextEncoder(buffer, schema, name, columns, rowsPerStatement);
      for (long r = from; r < to; r++) {
        encoder.beginRow();
        for (Object value : row.apply(r)) {
          if (value == null) {
            encoder.appendNull();
          } else if (value instanceof Long number) {
            encoder.appendLong(number);
          } else {
            encoder.appendLiteral((String) value);
          }
        }
        encoder.endRow();
      }
      encoder.finish();
      return buffer.toByteArray();
    }

    public List<DataPiece> copyPieces(PieceEncoder encoder) {
      List<DataPiece> result = new ArrayList<>();
      long[] bounds = pieceBounds();
      for (int i = 0; i < pieces; i++) {
        result.add(encoder.encode(copyText(bounds[i], bounds[i + 1])).toDataPiece());
      }
      return result;
    }

    public List<DataPiece> insertPieces(PieceEncoder encoder, int rowsPerStatement) {
      List<DataPiece> result = new ArrayList<>();
      long[] bounds = pieceBounds();
      for (int i = 0; i < pieces; i++) {
        result.add(
            encoder.encode(insertText(bounds[i], bounds[i + 1], rowsPerStatement)).toDataPiece());
      }
      return result;
    }

    /**
     * The query whose {@code COPY … TO STDOUT} output must equal {@link #copyText()} after a
     * restore.
     */
    public String orderedSelect() {
      return "SELECT "
          + String.join(", ", quotedColumns())
          + " FROM "
          + qualifiedName()
          + " ORDER BY 1";
    }
  }

  public final Table customers;
  public final Table orders;
  public final Table odd;
  public final List<Table> tables;

  public SampleDatabase(long customerRows, int customerPieces) {
    customers =
        new Table(
            "public",
            "customers",
            List.of("id", "email", "name", "note"),
            List.of(true, false, false, false),
            customerRows,
            customerPieces,
            r -> {
              SplittableRandom random = new SplittableRandom(r * 0x9E3779B97F4A7C15L);
              String note =
                  random.nextInt(10) == 0 ? null : "note " + Long.toHexString(random.nextLong());
              return new Object[] {
                r + 1, "user" + (r + 1) + "@example.com", "Name " + random.nextInt(1_000_000), note
              };
            });
    long orderRows = Math.max(1, customerRows / 40);
    orders =
        new Table(
            "public",
            "orders",
            List.of("id", "customer_id", "amount_cents", "status"),
            List.of(true, true, true, false),
            orderRows,
            3,
            r -> {
              SplittableRandom random = new SplittableRandom(r + 17);
              return new Object[] {
                r + 1,
                1 + random.nextLong(customerRows),
                random.nextLong(100_000),
                random.nextBoolean() ? "paid" : "new"
              };
            });
    odd =
        new Table(
            SCHEMA_ODD,
            TABLE_ODD,
            List.of("id", "select", "Mixed Case", "ünï"),
            List.of(true, false, false, false),
            HOSTILE_VALUES.size(),
            2,
            r -> {
              String value = HOSTILE_VALUES.get((int) r);
              String other = HOSTILE_VALUES.get((int) ((r + 5) % HOSTILE_VALUES.size()));
              return new Object[] {r + 1, value, other, value == null ? "x" : value + "|" + other};
            });
    tables = List.of(customers, orders, odd);
  }

  public ArchiveHeader header(Compression compression) {
    return ArchiveHeader.of(compression, CREATED, "shop", "15.15", "datagen-test");
  }

  /** dumpIds: schema entries 1–20, TABLE DATA 21–23, post-data from 30. */
  public List<TocEntry> entries(boolean copyData) {
    List<TocEntry> list = new ArrayList<>();
    list.add(
        TocEntry.builder(1, "ENCODING", Section.PRE_DATA)
            .defn("SET client_encoding = 'UTF8';\n")
            .owner(null)
            .build());
    list.add(
        TocEntry.builder(2, "STDSTRINGS", Section.PRE_DATA)
            .defn("SET standard_conforming_strings = 'on';\n")
            .owner(null)
            .build());
    list.add(
        TocEntry.builder(3, "SEARCHPATH", Section.PRE_DATA)
            .defn("SELECT pg_catalog.set_config('search_path', '', false);\n")
            .owner(null)
            .build());
    String oddSchema = SqlIdentifiers.quote(SCHEMA_ODD);
    list.add(
        TocEntry.builder(4, "SCHEMA", Section.PRE_DATA)
            .tag(SCHEMA_ODD)
            .defn("CREATE SCHEMA " + oddSchema + ";\n")
            .dropStmt("DROP SCHEMA " + oddSchema + ";\n")
            .build());
    list.add(
        table(
            5,
            customers,
            "    id bigint NOT NULL,\n    email text NOT NULL,\n    name text,\n    note text\n"));
    list.add(
        TocEntry.builder(6, "SEQUENCE", Section.PRE_DATA)
            .tag("customers_id_seq")
            .namespace("public")
            .defn(
                "CREATE SEQUENCE public.customers_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n")
            .dropStmt("DROP SEQUENCE public.customers_id_seq;\n")
            .build());
    list.add(
        table(
            7,
            orders,
            "    id bigint NOT NULL,\n    customer_id bigint NOT NULL,\n    amount_cents bigint NOT NULL,\n    status text\n"));
    list.add(
        TocEntry.builder(8, "TABLE", Section.PRE_DATA)
            .tag(TABLE_ODD)
            .namespace(SCHEMA_ODD)
            .tablespace("")
            .tableAm("heap")
            .defn(
                "CREATE TABLE "
                    + odd.qualifiedName()
                    + " (\n    id bigint NOT NULL,\n    \"select\" text,\n    \"Mixed Case\" text,\n    \"ünï\" text\n);\n")
            .dropStmt("DROP TABLE " + odd.qualifiedName() + ";\n")
            .dependsOn(4)
            .build());
    list.add(tableData(21, 5, customers, copyData));
    list.add(tableData(22, 7, orders, copyData));
    list.add(tableData(23, 8, odd, copyData));
    list.add(
        TocEntry.builder(24, "SEQUENCE SET", Section.DATA)
            .tag("customers_id_seq")
            .namespace("public")
            .defn(
                "SELECT pg_catalog.setval('public.customers_id_seq', "
                    + customers.rows()
                    + ", true);\n")
            .dependsOn(6)
            .build());
    list.add(constraint(30, customers, "customers_pkey", "PRIMARY KEY (id)", 5));
    list.add(constraint(31, customers, "customers_email_key", "UNIQUE (email)", 5));
    list.add(constraint(32, orders, "orders_pkey", "PRIMARY KEY (id)", 7));
    list.add(constraint(33, odd, "Odd pkey", "PRIMARY KEY (id)", 8));
    list.add(
        TocEntry.builder(34, "INDEX", Section.POST_DATA)
            .tag("orders_customer_idx")
            .namespace("public")
            .tablespace("")
            .defn("CREATE INDEX orders_customer_idx ON public.orders USING btree (customer_id);\n")
            .dropStmt("DROP INDEX public.orders_customer_idx;\n")
            .dependsOn(7)
            .build());
    list.add(
        TocEntry.builder(35, "FK CONSTRAINT", Section.POST_DATA)
            .tag("orders orders_customer_id_fkey")
            .namespace("public")
            .defn(
                "ALTER TABLE ONLY public.orders\n    ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES public.customers(id);\n")
            .dropStmt("ALTER TABLE ONLY public.orders DROP CONSTRAINT orders_customer_id_fkey;\n")
            .dependsOn(7, 30, 5)
            .build());
    return list;
  }

  private static TocEntry table(int dumpId, Table table, String columns) {
    return TocEntry.builder(dumpId, "TABLE", Section.PRE_DATA)
        .tag(table.name())
        .namespace(table.schema())
        .tablespace("")
        .tableAm("heap")
        .defn("CREATE TABLE " + table.qualifiedName() + " (\n" + columns + ");\n")
        .dropStmt("DROP TABLE " + table.qualifiedName() + ";\n")
        .build();
  }

  private static TocEntry tableData(int dumpId, int tableId, Table table, boolean copyData) {
    return TocEntry.builder(dumpId, TocEntry.DESC_TABLE_DATA, Section.DATA)
        .hadDumper(true)
        .tag(table.name())
        .namespace(table.schema())
        .copyStmt(copyData ? table.copyStmt() : null)
        .dependsOn(tableId)
        .build();
  }

  private static TocEntry constraint(
      int dumpId, Table table, String name, String definition, int tableId) {
    String qualified = "ALTER TABLE ONLY " + table.qualifiedName();
    return TocEntry.builder(dumpId, "CONSTRAINT", Section.POST_DATA)
        .tag(table.name() + " " + name)
        .namespace(table.schema())
        .tablespace("")
        .defn(
            qualified
                + "\n    ADD CONSTRAINT "
                + SqlIdentifiers.quote(name)
                + " "
                + definition
                + ";\n")
        .dropStmt(qualified + " DROP CONSTRAINT " + SqlIdentifiers.quote(name) + ";\n")
        .dependsOn(tableId)
        .build();
  }

  public Map<Integer, List<DataPiece>> copyPieces(PieceEncoder encoder) {
    Map<Integer, List<DataPiece>> map = new LinkedHashMap<>();
    map.put(21, customers.copyPieces(encoder));
    map.put(22, orders.copyPieces(encoder));
    map.put(23, odd.copyPieces(encoder));
    return map;
  }

  public Map<Integer, List<DataPiece>> insertPieces(PieceEncoder encoder, int rowsPerStatement) {
    Map<Integer, List<DataPiece>> map = new LinkedHashMap<>();
    map.put(21, customers.insertPieces(encoder, rowsPerStatement));
    map.put(22, orders.insertPieces(encoder, rowsPerStatement));
    map.put(23, odd.insertPieces(encoder, rowsPerStatement));
    return map;
  }
}
