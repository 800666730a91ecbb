package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagen.archive.testing.PgTools;
import io.datagen.job.cli.DatagenCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --manifest}: two runs can be compared without diffing archives. Everything outside {@code
 * "run"} depends only on the schema text, seed and options; the checksums are those of the real
 * schema file and archive.
 */
class RunManifestTest {
  @TempDir Path dir;
  @TempDir Path staging;

  @Test
  void describesTheRunAndIsTheSameForRunsThatGiveTheSameArchive() throws Exception {
    Path schema = SparkTestSupport.resource("/e2e/blog-core.json");
    JsonNode first = generate(schema, "a", "local[1]", "1");
    JsonNode second = generate(schema, "b", "local[2]", "7");

    byte[] archive = Files.readAllBytes(dir.resolve("a.dump"));
    assertThat(first.path("manifest_version").asInt()).isEqualTo(1);
    assertThat(first.path("schema").path("sha256").asText())
        .isEqualTo(SchemaInput.sha256(Files.readAllBytes(schema)));
    assertThat(first.path("seed").asLong()).isEqualTo(42);
    assertThat(first.path("options").path("format").asText()).isEqualTo("custom");
    assertThat(first.path("options").path("segment_rows").asLong()).isEqualTo(4096);
    assertThat(first.path("archive").path("bytes").asLong()).isEqualTo(archive.length);
    assertThat(first.path("archive").path("sha256").asText())
        .isEqualTo(SchemaInput.sha256(archive));
    JsonNode comments = first.path("tables").get(3);
    assertThat(comments.path("name").asText()).isEqualTo("comments");
    assertThat(comments.path("rows").asLong()).isEqualTo(50_000);
    assertThat(comments.path("segments")).hasSize(13); // ceil(50,000 / 4,096)
    assertThat(comments.path("segments").get(12).path("rows").asLong())
        .isEqualTo(50_000 - 12 * 4096);
    assertThat(first.path("run").path("partitions").asInt()).isEqualTo(1);
    assertThat(second.path("run").path("partitions").asInt()).isEqualTo(7);

    assertThat(withoutRun(second)).isEqualTo(withoutRun(first));
    assertThat(Files.readAllBytes(dir.resolve("b.dump"))).isEqualTo(archive);
  }

  /**
   * The manifest's per-segment numbers, recomputed without the code that wrote them: one task
   * (local[1], one partition) stages every piece in plan order into one file, so cutting that file
   * at the manifest's stored sizes gives each segment's stored bytes (their CRC-32); each piece is
   * independent raw deflate, so inflating it gives the segment's text (its length and Adler-32);
   * and that text, table by table, is exactly the COPY data real pg_restore prints.
   */
  @Test
  void segmentChecksumsAreThoseOfTheStagedBytesAndTheRestoredText() throws Exception {
    Path schema = SparkTestSupport.resource("/e2e/blog-core.json");
    JsonNode manifest =
        generate(schema, "c", "local[1]", "1", "--keep-staging", "--staging", staging.toString());
    List<Path> stagedFiles;
    try (Stream<Path> files = Files.walk(staging)) {
      stagedFiles = files.filter(f -> f.toString().endsWith(".pieces")).toList();
    }
    assertThat(stagedFiles).as("one task, one staging file").hasSize(1);
    byte[] staged = Files.readAllBytes(stagedFiles.get(0));
    String script = PgTools.pgRestoreToScript(dir.resolve("c.dump")).orThrow().stdoutText();

    int offset = 0;
    int segmentsChecked = 0;
    for (JsonNode table : manifest.path("tables")) {
      ByteArrayOutputStream tableText = new ByteArrayOutputStream();
      for (JsonNode segment : table.path("segments")) {
        int stored = segment.path("stored_bytes").asInt();
        byte[] piece = Arrays.copyOfRange(staged, offset, offset + stored);
        offset += stored;
        CRC32 crc = new CRC32();
        crc.update(piece);
        assertThat(segment.path("crc32").asText())
            .as("CRC-32 of %s segment %s", table.path("name"), segment.path("index"))
            .isEqualTo(String.format("%08x", crc.getValue()));
        byte[] text = inflateRaw(unchunk(piece));
        assertThat(text.length).isEqualTo(segment.path("raw_bytes").asInt());
        Adler32 adler = new Adler32();
        adler.update(text);
        assertThat(segment.path("adler32").asText())
            .as("Adler-32 of %s segment %s", table.path("name"), segment.path("index"))
            .isEqualTo(String.format("%08x", adler.getValue()));
        assertThat(new String(text, StandardCharsets.UTF_8).lines().count())
            .isEqualTo(segment.path("rows").asLong());
        tableText.write(text);
        segmentsChecked++;
      }
      assertThat(script)
          .as("pg_restore's COPY data of %s", table.path("name"))
          .contains("FROM stdin;\n" + tableText.toString(StandardCharsets.UTF_8) + "\\.\n");
    }
    assertThat(offset).as("the staged file holds exactly the pieces").isEqualTo(staged.length);
    assertThat(segmentsChecked).isEqualTo(1 + 1 + 3 + 13 + 5); // ceil(rows / 4,096) per table
  }

  private static byte[] unchunk(byte[] piece) {
    ByteBuffer in = ByteBuffer.wrap(piece).order(ByteOrder.LITTLE_ENDIAN);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    while (in.hasRemaining()) {
      assertThat(in.get()).as("chunk length sign byte").isZero();
      int length = in.getInt();
      assertThat(length).as("chunk length").isPositive();
      byte[] chunk = new byte[length];
      in.get(chunk);
      out.writeBytes(chunk);
    }
    return out.toByteArray();
  }

  private static byte[] inflateRaw(byte[] piece) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(piece);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    while (!inflater.needsInput() && !inflater.finished()) {
      int n = inflater.inflate(buffer);
      out.write(buffer, 0, n);
    }
    inflater.end();
    return out.toByteArray();
  }

  private JsonNode generate(
      Path schema, String name, String master, String partitions, String... extra)
      throws Exception {
    Path manifest = dir.resolve(name + ".json");
    StringWriter err = new StringWriter();
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                schema.toString(),
                "-o",
                dir.resolve(name + ".dump").toString(),
                "--seed",
                "42",
                "--master",
                master,
                "--partitions",
                partitions,
                "--segment-rows",
                "4096",
                "--manifest",
                manifest.toString()));
    args.addAll(List.of(extra));
    int code =
        DatagenCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute(args.toArray(String[]::new));
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(manifest.toFile());
  }

  private static JsonNode withoutRun(JsonNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    copy.remove("run");
    return copy;
  }
}
