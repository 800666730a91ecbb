package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import io.datagen.archive.custom.CustomArchiveWriter;
import io.datagen.archive.io.PositionedSink;
import io.datagen.archive.piece.PieceEncoder;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * zstd and lz4 custom archives (1.15.0, pg_restore 16+), checked against what pg_restore's read
 * loop needs and against the real pg_restore 18 (built by .ci/pg18-client) and a real PostgreSQL
 * 18.
 */
class ZstdAndLz4ArchiveTest {
  private static final SampleDatabase SAMPLE = PgRestoreTest.SAMPLE;

  @TempDir static Path dir;
  static Path archive;
  static Path lz4Archive;

  @BeforeAll
  static void writeArchives() throws Exception {
    archive = write("sample-zstd.dump", Compression.zstd(3), 4096);
    // lz4 frames need not end at a chunk boundary: odd chunks show pg_restore does not mind.
    lz4Archive = write("sample-lz4.dump", Compression.lz4(1), 1000);
  }

  private static Path write(String name, Compression compression, int chunkSize) throws Exception {
    Path file = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      CustomArchiveWriter.write(
          PositionedSink.of(out),
          SAMPLE.header(compression),
          SAMPLE.entries(true),
          SAMPLE.copyPieces(PieceEncoder.forCustomArchive(compression, chunkSize)));
    }
    return file;
  }

  static List<Arguments> archives() {
    return List.of(Arguments.of("zstd", archive, 3), Arguments.of("lz4", lz4Archive, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void theHeaderIsVersion115WithTheAlgorithmByte(String codec, Path file, int algorithm)
      throws Exception {
    byte[] head = Arrays.copyOf(Files.readAllBytes(file), 12);
    // "PGDMP", 1.15.0, intSize 4, offSize 8, format 1 (custom), algorithm 3 (zstd) or 2 (lz4)
    assertThat(head).containsExactly('P', 'G', 'D', 'M', 'P', 1, 15, 0, 4, 8, 1, algorithm);
  }

  /**
   * pg_restore 16–18 drop the rest of a chunk once a zstd frame is complete: every frame must start
   * a chunk and end one. Parsed here from the bytes, with zstd's own frame-size function.
   */
  @Test
  void everyFrameStartsAndEndsExactlyAtAChunkBoundary() throws Exception {
    ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(archive)).order(ByteOrder.LITTLE_ENDIAN);
    ArchiveReader reader = ArchiveReader.open(archive);
    int frames = 0;
    for (int dumpId : List.of(21, 22, 23)) {
      bytes.position((int) reader.entry(dumpId).orElseThrow().offset());
      assertThat(bytes.get()).as("block type").isEqualTo((byte) 1);
      assertThat(readInt(bytes)).as("dumpId").isEqualTo(dumpId);
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      for (int length = readInt(bytes); length != 0; length = readInt(bytes)) {
        byte[] chunk = new byte[length];
        bytes.get(chunk);
        if (frame.size() == 0) {
          assertThat(Arrays.copyOf(chunk, 4))
              .as("a frame's magic at the start of a chunk")
              .containsExactly(0x28, 0xb5, 0x2f, 0xfd);
        }
        frame.writeBytes(chunk);
        long size = frameSize(frame.toByteArray());
        if (size >= 0) {
          assertThat(size).as("the frame ends where its chunk ends").isEqualTo(frame.size());
          frame.reset();
          frames++;
        }
      }
      assertThat(frame.size()).as("no frame left open at the end of the block").isZero();
    }
    assertThat(frames).as("one frame per non-empty piece").isGreaterThanOrEqualTo(10);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void pgRestore18PrintsTheCopyTextByteForByte(String codec, Path file, int algorithm)
      throws Exception {
    byte[] script =
        PgTools.run(List.of(PgTools.pg18Tool("pg_restore").toString(), "-f", "-", file.toString()))
            .orThrow()
            .stdout();
    RestoredData.assertScriptHoldsCopyText(SAMPLE, script);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void pgRestore18RestoresItInParallelIntoPostgreSQL18(String codec, Path file, int algorithm)
      throws Exception {
    PostgresServers.Database database = PostgresServers.createDatabase(18);
    PgTools.Result result =
        PgTools.pgRestoreIntoDb(
            PgTools.pg18Tool("pg_restore"), file, database.port(), database.name(), "-j", "2");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    RestoredData.assertMatches(SAMPLE, database);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void pgRestore15RefusesTheVersionAsDocumented(String codec, Path file, int algorithm) {
    PgTools.Result result = PgTools.pgRestoreList(file);
    assertThat(result.exitCode()).isNotZero();
    assertThat(result.stderr()).contains("unsupported version (1.15) in file header");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("archives")
  void ourReaderDecodesEveryTable(String codec, Path file, int algorithm) throws Exception {
    ArchiveReader reader = ArchiveReader.open(file);
    assertThat(reader.header().version()).isEqualTo(ArchiveVersion.K_VERS_1_15);
    assertThat(reader.header().compression().algorithm().code()).isEqualTo(algorithm);
    List<Integer> dumpIds = new ArrayList<>(List.of(21, 22, 23));
    for (int i = 0; i < SAMPLE.tables.size(); i++) {
      SampleDatabase.Table table = SAMPLE.tables.get(i);
      assertThat(reader.readData(dumpIds.get(i)))
          .as("data of %s", table.qualifiedName())
          .isEqualTo(
              PgRestoreTest.concat(table.copyText(), "\\.\n\n\n".getBytes(StandardCharsets.UTF_8)));
    }
  }

  /** zstd's size of the frame at the start of {@code bytes}, or -1 while it is incomplete. */
  private static long frameSize(byte[] bytes) {
    try {
      long size = Zstd.findFrameCompressedSize(bytes);
      return Zstd.isError(size) ? -1 : size;
    } catch (ZstdException incomplete) {
      return -1;
    }
  }

  /** Int: a sign byte, then 4 little-endian bytes (intSize 4). */
  private static int readInt(ByteBuffer bytes) {
    byte sign = bytes.get();
    int value = bytes.getInt();
    return sign == 0 ? value : -value;
  }
}
