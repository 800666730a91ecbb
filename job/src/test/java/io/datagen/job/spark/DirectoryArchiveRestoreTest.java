package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datagen.archive.read.ArchiveReader;
import io.datagen.archive.read.ReadTocEntry;
import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.plan.CompressionOption;
import io.datagen.job.plan.OutputFormat;
import io.datagen.job.schema.Schema;
import io.datagen.job.testing.RestoreChecks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code generate --format directory} in all four codecs: each table's data file is built from at
 * least ten staged pieces; the real pg_restore restores it in parallel into real servers; the bytes
 * do not depend on the partitioning; the data equals the custom archive's; the manifest lists every
 * file; and the directory appears only when complete.
 */
class DirectoryArchiveRestoreTest {
  private static final long SEGMENT_ROWS = 4096; // the 50,000 comments make 13 pieces

  @TempDir static Path dir;
  static JavaSparkContext spark;
  static Schema schema;
  static final Map<String, Path> ARCHIVES = new LinkedHashMap<>();
  static Path custom;

  @BeforeAll
  static void generate() {
    spark = SparkTestSupport.start("local[2]", Map.of());
    schema = SparkTestSupport.blogSchema();
    for (String codec : List.of("none", "gzip:6", "zstd:3", "lz4:1")) {
      String name = codec.replace(':', '-');
      Path archive = dir.resolve(name + ".dir");
      run(archive, OutputFormat.DIRECTORY, codec, 3, name.equals("zstd-3") ? "m.json" : null);
      ARCHIVES.put(codec, archive);
    }
    custom = dir.resolve("custom.dump");
    run(custom, OutputFormat.CUSTOM, "gzip:6", 3, null);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  private static void run(
      Path output, OutputFormat format, String codec, int partitions, String manifest) {
    GenerateRequest request =
        SparkTestSupport.request(output, 42, partitions, format, CompressionOption.parse(codec))
            .withSegmentRows(SEGMENT_ROWS);
    if (manifest != null) {
      request = request.withManifest(dir.resolve(manifest).toString());
    }
    GenerateJob.run(spark, schema, request, null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip:6", "zstd:3", "lz4:1"})
  void pgRestore18RestoresItInParallelIntoPostgreSQL18(String codec) {
    PostgresServers.Database db = PostgresServers.createDatabase(18);
    PgTools.pgRestoreIntoDb(
            PgTools.pg18Tool("pg_restore"), ARCHIVES.get(codec), db.port(), db.name(), "-j", "2")
        .orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip:6"})
  void pgRestore15RestoresTheGzipAndUncompressedOnesIntoPostgreSQL15(String codec) {
    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(ARCHIVES.get(codec), db.port(), db.name(), "-j", "2").orThrow();
    RestoreChecks.assertCountsAndIntegrity(db, schema);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip:6", "zstd:3", "lz4:1"})
  void eachTableIsOneFileAndHoldsTheCustomArchivesData(String codec) throws Exception {
    ArchiveReader directory = ArchiveReader.open(ARCHIVES.get(codec));
    ArchiveReader reference = ArchiveReader.open(custom);
    assertThat(directory.isDirectory()).isTrue();
    List<String> dataFiles = new ArrayList<>();
    for (ReadTocEntry entry : reference.entries()) {
      if (!entry.hasData()) {
        continue;
      }
      assertThat(directory.readData(entry.dumpId()))
          .as("data of %s", entry.entry().tag())
          .isEqualTo(reference.readData(entry.dumpId()));
      dataFiles.add(directory.dataFile(entry.dumpId()).getFileName().toString());
    }
    String suffix =
        switch (codec) {
          case "gzip:6" -> ".gz";
          case "zstd:3" -> ".zst";
          case "lz4:1" -> ".lz4";
          default -> "";
        };
    assertThat(dataFiles)
        .hasSize(schema.tables().size())
        .allMatch(f -> f.endsWith(".dat" + suffix));
    try (Stream<Path> files = Files.list(ARCHIVES.get(codec))) {
      List<String> expected = new ArrayList<>(dataFiles);
      expected.add("toc.dat");
      assertThat(files.map(f -> f.getFileName().toString()))
          .as("toc.dat and one data file per table, nothing else")
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void theBytesDoNotDependOnThePartitioning() throws Exception {
    Path other = dir.resolve("zstd-one-partition.dir");
    run(other, OutputFormat.DIRECTORY, "zstd:3", 1, null);
    Path reference = ARCHIVES.get("zstd:3");
    try (Stream<Path> files = Files.list(reference)) {
      for (Path file : files.toList()) {
        assertThat(Files.readAllBytes(other.resolve(file.getFileName())))
            .as(file.getFileName().toString())
            .isEqualTo(Files.readAllBytes(file));
      }
    }
    try (Stream<Path> files = Files.list(other)) {
      assertThat(files.count()).isEqualTo(Files.list(reference).count());
    }
  }

  @Test
  void theManifestListsEveryFileWithItsSizeAndSha256TocDatLast() throws Exception {
    JsonNode archive = new ObjectMapper().readTree(dir.resolve("m.json").toFile()).path("archive");
    assertThat(archive.path("sha256").isNull()).isTrue();
    List<JsonNode> files = new ArrayList<>();
    archive.path("files").forEach(files::add);
    assertThat(files).hasSize(schema.tables().size() + 1);
    assertThat(files.get(files.size() - 1).path("name").asText()).isEqualTo("toc.dat");
    long total = 0;
    for (JsonNode file : files) {
      Path path = ARCHIVES.get("zstd:3").resolve(file.path("name").asText());
      byte[] bytes = Files.readAllBytes(path);
      assertThat(file.path("bytes").asLong()).isEqualTo(bytes.length);
      assertThat(file.path("sha256").asText())
          .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
      total += bytes.length;
    }
    assertThat(archive.path("bytes").asLong()).isEqualTo(total);
  }

  @Test
  void failingHalfWayLeavesNoDirectoryAndNoTemporaryOne() throws Exception {
    Path work = Files.createDirectory(dir.resolve("failing"));
    Path output = work.resolve("out.dir");
    spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, "200000");
    try {
      GenerateRequest request =
          SparkTestSupport.request(
                  output, 42, 2, OutputFormat.DIRECTORY, CompressionOption.parse("none"))
              .withStaging(work.resolve("staging").toUri().toString(), false);
      assertThatThrownBy(() -> GenerateJob.run(spark, schema, request, null))
          .isInstanceOfSatisfying(
              DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.OUTPUT))
          .hasMessageContaining("Injected failure");
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, null);
    }
    try (Stream<Path> files = Files.list(work)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no archive directory, no temporary directory")
          .containsExactly("staging");
    }
  }

  @Test
  void aDirectoryThatIsNotEmptyIsRefusedBeforeAnyWorkAndLeftAsItWas() throws Exception {
    Path output = Files.createDirectory(dir.resolve("busy.dir"));
    Files.writeString(output.resolve("keep.txt"), "mine");
    GenerateRequest request =
        SparkTestSupport.request(
            output, 42, 2, OutputFormat.DIRECTORY, CompressionOption.DEFAULT_GZIP);
    assertThatThrownBy(() -> GenerateJob.run(spark, schema, request, null))
        .isInstanceOfSatisfying(
            DatagenException.class, e -> assertThat(e.category()).isEqualTo(ErrorCategory.OUTPUT))
        .hasMessageContaining("the directory is not empty")
        .hasMessageContaining("remove it or name a new one");
    try (Stream<Path> files = Files.list(output)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("keep.txt");
    }
    assertThat(output.resolve("keep.txt")).hasContent("mine");
  }

  @Test
  void aFileUnderTheNameIsRefusedAndAnEmptyDirectoryIsFilled() throws Exception {
    Path file = dir.resolve("file.dir");
    Files.writeString(file, "not a directory");
    GenerateRequest onFile =
        SparkTestSupport.request(file, 42, 2, OutputFormat.DIRECTORY, CompressionOption.NONE);
    assertThatThrownBy(() -> GenerateJob.run(spark, schema, onFile, null))
        .hasMessageContaining("it exists and is not a directory");
    assertThat(file).hasContent("not a directory");

    Path empty = Files.createDirectory(dir.resolve("empty.dir"));
    GenerateRequest intoEmpty =
        SparkTestSupport.request(empty, 42, 2, OutputFormat.DIRECTORY, CompressionOption.NONE)
            .withSegmentRows(SEGMENT_ROWS);
    GenerateJob.run(spark, schema, intoEmpty, null);
    for (String name : List.of("toc.dat")) {
      assertThat(Files.readAllBytes(empty.resolve(name)))
          .isEqualTo(Files.readAllBytes(ARCHIVES.get("none").resolve(name)));
    }
  }
}
