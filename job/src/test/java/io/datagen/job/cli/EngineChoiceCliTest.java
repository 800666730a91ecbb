package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate} picks its engine as documented: a small run with no {@code --master} runs in
 * process (on {@code -j N} threads when given), the same run with {@code --master local[2]} runs on
 * Spark, and all write the same bytes.
 */
class EngineChoiceCliTest {
  @TempDir Path dir;

  @Test
  void aSmallRunIsInProcessUnlessAMasterIsGiven() throws Exception {
    Path inProcess = generate("in-process.dump");
    Path viaSpark = generate("spark.dump", "--master", "local[2]");

    assertThat(engine(inProcess)).startsWith("in-process[");
    assertThat(engine(viaSpark)).isEqualTo("local[2]");
    assertThat(Files.readAllBytes(inProcess)).isEqualTo(Files.readAllBytes(viaSpark));
  }

  @Test
  void jobsRunInProcessOnThatManyThreadsWithTheSameBytes() throws Exception {
    // Small segments: more groups than threads, so the pool size is -j's.
    Path oneJob = generate("one-job.dump", "-j", "1", "--segment-rows", "100");
    Path threeJobs = generate("three-jobs.dump", "--jobs", "3", "--segment-rows", "100");
    Path viaSpark = generate("spark-jobs.dump", "--master", "local[3]", "--segment-rows", "100");

    assertThat(engine(oneJob)).isEqualTo("in-process[1]");
    assertThat(engine(threeJobs)).isEqualTo("in-process[3]");
    assertThat(Files.readAllBytes(oneJob)).isEqualTo(Files.readAllBytes(threeJobs));
    assertThat(Files.readAllBytes(threeJobs)).isEqualTo(Files.readAllBytes(viaSpark));
  }

  private Path generate(String name, String... extra) throws Exception {
    Path output = dir.resolve(name);
    String schema = Paths.get(getClass().getResource("/e2e/blog-core.json").toURI()).toString();
    String[] base = {
      "generate",
      schema,
      "-o",
      output.toString(),
      "--seed",
      "5",
      "--manifest",
      output + ".json",
      "-q"
    };
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
            .toArray(String[]::new);
    StringWriter err = new StringWriter();
    int code =
        DatagenCli.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
            .execute(args);
    assertThat(code).as(err.toString()).isZero();
    return output;
  }

  private static String engine(Path output) throws Exception {
    return new ObjectMapper()
        .readTree(Path.of(output + ".json").toFile())
        .get("run")
        .get("spark_master")
        .asText();
  }
}
