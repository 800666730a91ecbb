package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.leftovers.RunId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code datagen clean} on a local directory holding leftovers of dead runs (last written hours
 * ago, as their names and modification times say) and of a live run (written now).
 */
class CleanCommandTest {
  @TempDir Path dir;

  private final Instant now = Instant.now();
  private final RunId dead = new RunId("00000000dead", now.minus(Duration.ofHours(3)));
  private final RunId live = new RunId("000000000a1e", now.minus(Duration.ofMinutes(1)));
  private Path deadStaging;
  private Path deadTemporary;
  private Path liveStaging;
  private Path liveTemporary;

  @BeforeEach
  void leftovers() throws Exception {
    deadStaging = dir.resolve(dead.stagingName());
    Files.createDirectory(deadStaging);
    Path piece = Files.write(deadStaging.resolve("t0s0.pieces"), new byte[1000]);
    deadTemporary = Files.write(dir.resolve(dead.temporaryName("shop.dump")), new byte[234]);
    age(piece, Duration.ofHours(2));
    age(deadStaging, Duration.ofHours(2));
    age(deadTemporary, Duration.ofHours(2));

    liveStaging = dir.resolve(live.stagingName());
    Files.createDirectory(liveStaging);
    Files.write(liveStaging.resolve("t0s0.pieces"), new byte[10]);
    liveTemporary = Files.write(dir.resolve(live.temporaryName("shop.dump")), new byte[5]);

    Files.writeString(dir.resolve("shop.dump"), "an archive");
    Files.writeString(dir.resolve(".datagen-staging-mine"), "not ours");
  }

  private void age(Path path, Duration age) throws Exception {
    Files.setLastModifiedTime(path, FileTime.from(now.minus(age)));
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void removesOnlyTheLeftoversOfDeadRunsAndSaysWhatAndHowManyBytes() throws Exception {
    DatagenCliTest.Run run = DatagenCliTest.run("clean", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(names())
        .containsExactlyInAnyOrder(
            "shop.dump",
            ".datagen-staging-mine",
            liveStaging.getFileName().toString(),
            liveTemporary.getFileName().toString());
    assertThat(run.out())
        .contains(
            "removed staging directory " + deadStaging + " (run 00000000dead started ",
            "): 1,000 bytes",
            "removed temporary output for shop.dump " + deadTemporary,
            "): 234 bytes",
            "kept staging directory " + liveStaging,
            "within --older-than 1h",
            "datagen: removed 2 leftovers (1,234 bytes); kept 2 younger than 1h");
  }

  @Test
  void aDryRunRemovesNothingAndSaysWhatItWouldRemove() throws Exception {
    List<String> before = names();
    DatagenCliTest.Run run = DatagenCliTest.run("clean", "--dry-run", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(names()).isEqualTo(before);
    assertThat(run.out())
        .contains("would remove staging directory " + deadStaging)
        .contains("datagen: would remove 2 leftovers (1,234 bytes); kept 2 younger than 1h")
        .doesNotContain("removed ");
  }

  @Test
  void anOutputNameStandsForItsDirectoryAndZeroSecondsTakesEverything() throws Exception {
    DatagenCliTest.Run run =
        DatagenCliTest.run("clean", "--older-than", "0s", dir.resolve("not-yet.dump").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(names()).containsExactlyInAnyOrder("shop.dump", ".datagen-staging-mine");
    assertThat(run.out()).contains("datagen: removed 4 leftovers (1,249 bytes); kept 0");
  }

  @Test
  void aRunIsLiveWhileAnyOfItsLeftoversIsFresh() throws Exception {
    // The dead run's staging, but a temporary output of the same run written a minute ago: the run
    // is assembling its archive, its staging is still being read.
    Files.delete(deadTemporary);
    Path assembling = Files.write(dir.resolve(dead.temporaryName("other.dump")), new byte[1]);
    age(assembling, Duration.ofMinutes(1));

    DatagenCliTest.Run run = DatagenCliTest.run("clean", dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(deadStaging).exists();
    assertThat(assembling).exists();
    assertThat(run.out())
        .contains("datagen: removed 0 leftovers (0 bytes); kept 4 younger than 1h");
  }

  @Test
  void aStagingLocationIsSearchedToo() throws Exception {
    Path staging = Files.createDirectory(dir.resolve("staging"));
    Path old = Files.createDirectory(staging.resolve(dead.stagingName()));
    age(old, Duration.ofHours(2));
    DatagenCliTest.Run run =
        DatagenCliTest.run("clean", "--staging", staging.toUri().toString(), dir.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(old).doesNotExist();
    assertThat(run.out()).contains("removed staging directory " + old);
  }

  @Test
  void aBadDurationIsAUsageError() throws Exception {
    DatagenCliTest.Run run = DatagenCliTest.run("clean", "--older-than", "2 hours", dir.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Invalid duration '2 hours'", "30m, 2h, 1d");
    assertThat(deadStaging).exists();
  }

  @Test
  void aLocationThatDoesNotExistIsAUsageError() throws Exception {
    DatagenCliTest.Run run = DatagenCliTest.run("clean", dir.resolve("no/such/place").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "datagen: Cannot clean "
                + dir.resolve("no/such/place")
                + ": neither it nor its parent is a directory; give the directory that holds the"
                + " outputs (the parent of -o) or the --staging location (see datagen clean --help)");
  }

  @Test
  void aFileSystemNoConnectorServesIsAnOutputError() {
    DatagenCliTest.Run run = DatagenCliTest.run("clean", "nosuchscheme://bucket/out");

    assertThat(run.exitCode()).isEqualTo(4);
    assertThat(run.err()).startsWith("datagen: Cannot clean nosuchscheme://bucket/out: ");
  }

  @Test
  void generateWarnsOfStaleLeftoversBesideItsOutputWithTheCommandThatRemovesThem()
      throws Exception {
    Path schema = dir.resolve("schema.json");
    Files.writeString(
        schema,
        """
        {"version": "1.0", "database": {"name": "shop"},
         "tables": {"items": {"row_count": 10, "columns": {"id": {"type": "serial"}}}}}
        """);
    DatagenCliTest.Run run =
        DatagenCliTest.run(
            "generate", schema.toString(), "-o", dir.resolve("new.dump").toString(), "--seed", "1");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains(
            "datagen: warning: 2 leftovers of dead runs (1,234 bytes), last written over 1h ago: "
                + deadStaging.getFileName()
                + ", "
                + deadTemporary.getFileName()
                + "; remove with: datagen clean "
                + dir);
    assertThat(deadStaging).as("a warning, nothing removed").exists();
    assertThat(liveStaging.getFileName().toString()).isNotIn(run.err());
  }

  @Test
  void hadoopSettingsComeFromSparkHadoopPropertiesAsForGenerate() {
    java.util.Properties system = new java.util.Properties();
    system.setProperty("spark.hadoop.fs.s3a.endpoint", "https://127.0.0.1:9000");
    system.setProperty("spark.master", "local[2]");

    org.apache.hadoop.conf.Configuration conf = CleanCommand.hadoopConfiguration(system);

    assertThat(conf.get("fs.s3a.endpoint")).isEqualTo("https://127.0.0.1:9000");
    assertThat(conf.get("master")).isNull();
  }

  @Test
  void helpExitsZero() {
    DatagenCliTest.Run run = DatagenCliTest.run("clean", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: datagen clean", "--older-than", "--dry-run");
  }
}
