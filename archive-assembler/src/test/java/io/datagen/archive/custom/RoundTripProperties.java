package io.datagen.archive.custom;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.ArchiveHeader;
import io.datagen.archive.Compression;
import io.datagen.archive.Section;
import io.datagen.archive.TocEntry;
import io.datagen.archive.directory.DirectoryArchiveWriter;
import io.datagen.archive.io.InMemorySink;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random data, random piece boundaries (empty and 1-byte pieces included), random chunk sizes,
 * every codec (none, gzip −1..9, zstd, lz4), custom or directory archive → the reader returns the
 * input.
 */
class RoundTripProperties {

  @Property(tries = 60)
  void readerReturnsExactlyTheInput(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 4) int tables,
      @ForAll @IntRange(min = 1, max = 300) int chunkSize,
      @ForAll @IntRange(min = -1, max = 11) int level,
      @ForAll boolean directory)
      throws Exception {
    Random random = new Random(seed);
    // 0: none; 1..9 and -1: gzip; 10: zstd (random level); 11: lz4 (random level)
    Compression compression =
        switch (level) {
          case 0 -> Compression.none();
          case 10 -> Compression.zstd(1 + random.nextInt(19));
          case 11 -> Compression.lz4(1 + random.nextInt(12));
          default -> Compression.gzip(level);
        };
    PieceEncoder encoder =
        directory
            ? PieceEncoder.forDirectoryArchive(compression)
            : PieceEncoder.forCustomArchive(compression, chunkSize);
    List<TocEntry> entries = new ArrayList<>();
    Map<Integer, List<DataPiece>> pieces = new LinkedHashMap<>();
    Map<Integer, byte[]> expected = new LinkedHashMap<>();
    for (int t = 0; t < tables; t++) {
      int tableId = 1 + 2 * t;
      int dataId = tableId + 1;
      boolean copy = random.nextInt(4) != 0;
      entries.add(
          TocEntry.builder(tableId, "TABLE", Section.PRE_DATA)
              .tag("t" + t)
              .namespace("public")
              .build());
      entries.add(
          TocEntry.builder(dataId, "TABLE DATA", Section.DATA)
              .hadDumper(true)
              .tag("t" + t)
              .namespace("public")
              .copyStmt(copy ? "COPY public.t" + t + " (a) FROM stdin;\n" : null)
              .dependsOn(tableId)
              .build());
      byte[] data = randomData(random);
      List<DataPiece> tablePieces = new ArrayList<>();
      int position = 0;
      while (position < data.length || (tablePieces.isEmpty() && random.nextBoolean())) {
        int length =
            switch (random.nextInt(4)) {
              case 0 -> 0;
              case 1 -> Math.min(1, data.length - position);
              default -> random.nextInt(data.length - position + 1);
            };
        tablePieces.add(encoder.encode(data, position, length).toDataPiece());
        position += length;
      }
      pieces.put(dataId, tablePieces);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      all.writeBytes(data);
      all.writeBytes((copy ? "\\.\n\n\n" : "\n\n").getBytes(StandardCharsets.US_ASCII));
      expected.put(dataId, all.toByteArray());
    }
    ArchiveHeader header =
        ArchiveHeader.of(compression, LocalDateTime.of(2024, 2, 29, 23, 59, 59), "db", "s", "d");
    Path folder = directory ? Files.createTempDirectory("round-trip") : null;
    ArchiveReader reader;
    try {
      if (directory) {
        DirectoryArchiveWriter.write(
            name -> Files.newOutputStream(folder.resolve(name)), header, entries, pieces);
        reader = ArchiveReader.open(folder);
      } else {
        InMemorySink sink = PositionedSink.inMemory();
        CustomArchiveWriter.write(sink, header, entries, pieces);
        reader = ArchiveReader.of(sink.toByteArray());
      }
      assertReads(reader, header, compression, entries, expected);
    } finally {
      if (folder != null) {
        try (Stream<Path> files = Files.list(folder)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
        Files.delete(folder);
      }
    }
  }

  private static void assertReads(
      ArchiveReader reader,
      ArchiveHeader header,
      Compression compression,
      List<TocEntry> entries,
      Map<Integer, byte[]> expected)
      throws Exception {
    // A 1.15 header records the algorithm, not the level.
    Compression recorded =
        compression.fitsVersion114()
            ? compression
            : Compression.fromAlgorithm(compression.algorithm());
    assertThat(reader.header())
        .isEqualTo(
            new ArchiveHeader(
                header.version(),
                recorded,
                header.creationTime(),
                header.databaseName(),
                header.serverVersion(),
                header.dumpVersion()));
    assertThat(reader.entries()).extracting(ReadTocEntry::entry).containsExactlyElementsOf(entries);
    for (Map.Entry<Integer, byte[]> table : expected.entrySet()) {
      assertThat(reader.readData(table.getKey())).isEqualTo(table.getValue());
      if (reader.isDirectory()) {
        assertThat(reader.entry(table.getKey()).orElseThrow().fileName())
            .isEqualTo(table.getKey() + ".dat");
        continue;
      }
      assertThat(reader.entry(table.getKey()).orElseThrow().offset())
          .isEqualTo(reader.scanBlockStart(table.getKey()));
      assertThat(reader.chunkLengths(table.getKey()))
          .allSatisfy(length -> assertThat(length).isPositive());
    }
  }

  private static byte[] randomData(Random random) {
    int length =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> random.nextInt(20);
          case 2 -> random.nextInt(5_000);
          default -> random.nextInt(200_000);
        };
    byte[] data = new byte[length];
    if (random.nextBoolean()) {
      random.nextBytes(data); // incompressible
    } else {
      for (int i = 0; i < length; i++) {
        data[i] = (byte) "abc\t\n\\0123456789".charAt(random.nextInt(16));
      }
    }
    return data;
  }
}
