package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datagen.job.cli.DatagenCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --manifest}: two runs can be compared without diffing archives. Everything outside {@code
 * "run"} depends only on the schema text, seed and options; the checksums are those of the real
 * schema file and archive.
 */
class RunManifestTest {
  @TempDir Path dir;

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
    assertThat(comments.path("segments").get(0).path("crc32").asText()).matches("[0-9a-f]{8}");
    assertThat(first.path("run").path("partitions").asInt()).isEqualTo(1);
    assertThat(second.path("run").path("partitions").asInt()).isEqualTo(7);

    assertThat(withoutRun(second)).isEqualTo(withoutRun(first));
    assertThat(Files.readAllBytes(dir.resolve("b.dump"))).isEqualTo(archive);
  }

  private JsonNode generate(Path schema, String name, String master, String partitions)
      throws Exception {
    Path manifest = dir.resolve(name + ".json");
    StringWriter err = new StringWriter();
    int code =
        DatagenCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute(
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
                manifest.toString());
    assertThat(code).as(err.toString()).isZero();
    return new ObjectMapper().readTree(manifest.toFile());
  }

  private static JsonNode withoutRun(JsonNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    copy.remove("run");
    return copy;
  }
}
