package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.directory.DirectoryArchiveWriter;
import io.datagen.archive.piece.DataPiece;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Directory archives ({@code pg_dump -Fd}) in all four codecs, each table built from pieces of
 * random sizes (the customers table from 14, one of them empty), checked byte by byte, with the
 * codecs' own command-line tools, with our reader, and against the real pg_restore 15 and 18 and
 * PostgreSQL 12 and 18 servers.
 */
class DirectoryArchiveTest {
  private static final SampleDatabase SAMPLE = PgRestoreTest.SAMPLE;
  private static final List<Integer> DATA_IDS = List.of(21, 22, 23);
  private static final byte[] END = "\\.\n\n\n".getBytes(StandardCharsets.UTF_8);

  /** The archives by codec name, and the pieces each table's file was built from. */
  private static final Map<String, Path> ARCHIVES = new LinkedHashMap<>();

  private static final Map<String, Map<Integer, List<DataPiece>>> PIECES = new HashMap<>();
  private static final Map<String, List<DirectoryArchiveWriter.WrittenFile>> WRITTEN =
      new HashMap<>();

  @TempDir static Path dir;

  @BeforeAll
  static void writeArchives() throws Exception {
    write("none", Compression.none());
    write("gzip", Compression.gzip(Compression.DEFAULT_LEVEL));
    write("zstd", Compression.zstd(3));
    write("lz4", Compression.lz4(1));
  }

  private static void write(String codec, Compression compression) throws Exception {
    Path archive = Files.createDirectory(dir.resolve(codec));
    Map<Integer, List<DataPiece>> pieces =
        randomPieces(PieceEncoder.forDirectoryArchive(compression), 7);
    WRITTEN.put(
        codec,
        DirectoryArchiveWriter.write(
            name -> Files.newOutputStream(archive.resolve(name)),
            SAMPLE.header(compression),
            SAMPLE.entries(true),
            pieces));
    ARCHIVES.put(codec, archive);
    PIECES.put(codec, pieces);
  }

  /** Each table cut at random rows: customers into 14 pieces (one empty), the others into 10. */
  static Map<Integer, List<DataPiece>> randomPieces(PieceEncoder encoder, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Map<Integer, List<DataPiece>> pieces = new HashMap<>();
    for (int t = 0; t < SAMPLE.tables.size(); t++) {
      SampleDatabase.Table table = SAMPLE.tables.get(t);
      int count = t == 0 ? 14 : 10;
      long[] cuts = new long[count + 1];
      for (int i = 1; i < count; i++) {
        cuts[i] = random.nextLong(table.rows() + 1);
      }
      cuts[count] = table.rows();
      Arrays.sort(cuts);
      if (t == 0) {
        cuts[2] = cuts[1]; // one empty piece
      }
      List<DataPiece> list = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        list.add(encoder.encode(table.copyText(cuts[i], cuts[i + 1])).toDataPiece());
      }
      pieces.put(DATA_IDS.get(t), list);
    }
    return pieces;
  }

  static Stream<Arguments> codecs() {
    return Stream.of(
        Arguments.of("none", "", 0),
        Arguments.of("gzip", ".gz", 1),
        Arguments.of("zstd", ".zst", 3),
        Arguments.of("lz4", ".lz4", 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void holdsOneFilePerTableAndTocDatWrittenLast(String codec, String suffix, int algorithm)
      throws Exception {
    List<String> expected = new ArrayList<>();
    DATA_IDS.forEach(id -> expected.add(id + ".dat" + suffix));
    expected.add("toc.dat");
    assertThat(WRITTEN.get(codec).stream().map(DirectoryArchiveWriter.WrittenFile::name))
        .containsExactlyElementsOf(expected);
    try (Stream<Path> files = Files.list(ARCHIVES.get(codec))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expected);
    }
    for (DirectoryArchiveWriter.WrittenFile file : WRITTEN.get(codec)) {
      assertThat(Files.size(ARCHIVES.get(codec).resolve(file.name())))
          .as(file.name())
          .isEqualTo(file.bytes());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void tocDatIsTheHeaderWithFormatByte3AndEachEntryNamesItsFile(
      String codec, String suffix, int algorithm) throws Exception {
    byte[] toc = Files.readAllBytes(ARCHIVES.get(codec).resolve("toc.dat"));
    // "PGDMP", version, intSize 4, offSize 8, format 3 (what pg_restore expects in a toc.dat)
    int minor = algorithm == 2 || algorithm == 3 ? 15 : 14;
    assertThat(Arrays.copyOf(toc, 11))
        .containsExactly('P', 'G', 'D', 'M', 'P', 1, minor, 0, 4, 8, 3);
    if (minor == 15) {
      assertThat(toc[11]).as("the algorithm byte").isEqualTo((byte) algorithm);
    }
    ArchiveReader reader = ArchiveReader.open(ARCHIVES.get(codec));
    assertThat(reader.isDirectory()).isTrue();
    for (var entry : reader.entries()) {
      assertThat(entry.fileName())
          .as("file name of %s %s", entry.entry().desc(), entry.entry().tag())
          .isEqualTo(entry.entry().hadDumper() ? entry.dumpId() + ".dat" : "");
    }
    // Nothing follows the TOC: the last entry's file name ends the file.
    byte[] lastName = "\u0000\u0000\u0000\u0000\u0000".getBytes(StandardCharsets.US_ASCII);
    assertThat(Arrays.copyOfRange(toc, toc.length - 5, toc.length))
        .as("the last entry (post-data, no data) ends with the Str \"\"")
        .isEqualTo(lastName);
  }

  /** The data file is the plain concatenation of the pieces and the terminator: no glue. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void eachDataFileIsThePiecesConcatenated(String codec, String suffix, int algorithm)
      throws Exception {
    for (int dumpId : DATA_IDS) {
      ByteArrayOutputStream expected = new ByteArrayOutputStream();
      for (DataPiece piece : PIECES.get(codec).get(dumpId)) {
        try (InputStream in = piece.source().open()) {
          in.transferTo(expected);
        }
      }
      byte[] file = Files.readAllBytes(ARCHIVES.get(codec).resolve(dumpId + ".dat" + suffix));
      byte[] pieces = expected.toByteArray();
      assertThat(Arrays.copyOf(file, pieces.length)).as("%d: the pieces", dumpId).isEqualTo(pieces);
      byte[] terminator = Arrays.copyOfRange(file, pieces.length, file.length);
      assertThat(decodeWithCli(codec, terminator))
          .as("%d: then one terminator piece", dumpId)
          .isEqualTo(END);
    }
  }

  /** gzip, zstd and lz4's own tools read each file whole: members and frames one after another. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void theCodecsOwnToolsDecodeEveryFile(String codec, String suffix, int algorithm)
      throws Exception {
    for (int t = 0; t < SAMPLE.tables.size(); t++) {
      byte[] file =
          Files.readAllBytes(ARCHIVES.get(codec).resolve(DATA_IDS.get(t) + ".dat" + suffix));
      assertThat(decodeWithCli(codec, file))
          .as("data of %s", SAMPLE.tables.get(t).qualifiedName())
          .isEqualTo(PgRestoreTest.concat(SAMPLE.tables.get(t).copyText(), END));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("codecs")
  void ourReaderDecodesEveryTable(String codec, String suffix, int algorithm) throws Exception {
    ArchiveReader reader = ArchiveReader.open(ARCHIVES.get(codec));
    assertThat(reader.header().compression().algorithm().code()).isEqualTo(algorithm);
    for (int t = 0; t < SAMPLE.tables.size(); t++) {
      int dumpId = DATA_IDS.get(t);
      assertThat(reader.readData(dumpId))
          .as("data of %s", SAMPLE.tables.get(t).qualifiedName())
          .isEqualTo(PgRestoreTest.concat(SAMPLE.tables.get(t).copyText(), END));
      assertThat(reader.dataFile(dumpId).getFileName()).hasToString(dumpId + ".dat" + suffix);
      assertThat(reader.storedBytes(dumpId)).isEqualTo(Files.size(reader.dataFile(dumpId)));
    }
  }

  static Stream<Arguments> restores() {
    return Stream.of(
        Arguments.of("none", "15"),
        Arguments.of("gzip", "15"),
        Arguments.of("none", "18"),
        Arguments.of("gzip", "18"),
        Arguments.of("zstd", "18"),
        Arguments.of("lz4", "18"));
  }

  @ParameterizedTest(name = "{0} with pg_restore {1}")
  @MethodSource("restores")
  void pgRestorePrintsTheCopyTextByteForByte(String codec, String client) throws Exception {
    byte[] script =
        PgTools.run(List.of(pgRestore(client), "-f", "-", ARCHIVES.get(codec).toString()))
            .orThrow()
            .stdout();
    RestoredData.assertScriptHoldsCopyText(SAMPLE, script);
  }

  static Stream<Arguments> servers() {
    return Stream.of(
        Arguments.of("gzip", "15", 12),
        Arguments.of("none", "18", 18),
        Arguments.of("gzip", "18", 18),
        Arguments.of("zstd", "18", 18),
        Arguments.of("lz4", "18", 18));
  }

  @ParameterizedTest(name = "{0} with pg_restore {1} -j 2 into PostgreSQL {2}")
  @MethodSource("servers")
  void pgRestoreRestoresItInParallel(String codec, String client, int server) throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(server);
    PgTools.Result result =
        PgTools.pgRestoreIntoDb(
            Path.of(pgRestore(client)),
            ARCHIVES.get(codec),
            database.port(),
            database.name(),
            "-j",
            "2");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    RestoredData.assertMatches(SAMPLE, database);
  }

  @Test
  void pgRestore15RefusesAZstdDirectoryArchiveAsDocumented() {
    PgTools.Result result = PgTools.pgRestoreList(ARCHIVES.get("zstd"));
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("unsupported version (1.15) in file header");
  }

  @Test
  void refusesPiecesEncodedForACustomArchive() {
    Compression zstd = Compression.zstd(3);
    Map<Integer, List<DataPiece>> chunked = randomPieces(PieceEncoder.forCustomArchive(zstd), 3);
    Path target = dir.resolve("refused");
    assertThatThrownBy(
            () ->
                DirectoryArchiveWriter.write(
                    name -> Files.newOutputStream(Files.createDirectories(target).resolve(name)),
                    SAMPLE.header(zstd),
                    SAMPLE.entries(true),
                    chunked))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("piece 0 of 21.dat.zst")
        .hasMessageContaining("does not start like a zstd frame")
        .hasMessageContaining("PieceEncoder.forDirectoryArchive");
    assertThat(target.resolve("toc.dat"))
        .as("no toc.dat: the archive is not complete")
        .doesNotExist();
  }

  @Test
  void refusesAHeaderVersionThatDoesNotFitTheCodec() {
    Compression zstd = Compression.zstd(3);
    ArchiveHeader old =
        new ArchiveHeader(
            ArchiveVersion.K_VERS_1_14, zstd, SampleDatabase.CREATED, "shop", "15", "test");
    assertThatThrownBy(
            () ->
                DirectoryArchiveWriter.write(
                    name -> {
                      throw new AssertionError("nothing may be written");
                    },
                    old,
                    SAMPLE.entries(true),
                    PIECES.get("zstd")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cannot write archive version 1.14.0 with compression zstd:3")
        .hasMessageContaining("directory archive writer");
  }

  @Test
  void aDirectoryWithoutTocDatIsNamedIncomplete() throws Exception {
    Path empty = Files.createDirectory(dir.resolve("no-toc"));
    assertThatThrownBy(() -> ArchiveReader.open(empty))
        .hasMessageContaining("has no toc.dat")
        .hasMessageContaining("toc.dat is written last");
  }

  private static String pgRestore(String client) {
    return client.equals("18")
        ? PgTools.pg18Tool("pg_restore").toString()
        : PgTools.tool("pg_restore").toString();
  }

  /** Decodes with the codec's command-line tool (gzip -dc, zstd -dc, lz4 -dc), none: as is. */
  private static byte[] decodeWithCli(String codec, byte[] bytes) throws Exception {
    if (codec.equals("none")) {
      return bytes;
    }
    Path file = Files.createTempFile(dir, codec, ".bin");
    Files.write(file, bytes);
    String tool = codec.equals("gzip") ? "gzip" : codec;
    List<String> command = new ArrayList<>(List.of(tool, "-dc"));
    if (codec.equals("lz4")) {
      command.add("-m"); // every input is a file; never guess an output name
    }
    command.add(file.toString());
    return PgTools.run(command).orThrow().stdout();
  }
}
