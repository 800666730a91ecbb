package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output safety: nothing the user did not name as a regular file is ever replaced, every write
 * error is exit 4 with a one-line message, and nothing partial is left behind. Devices and FIFOs
 * are made with mknod/mkfifo, a full disk is a small tmpfs: the tests run as root, as CI does.
 */
class OutputSafetyTest {
  private static final String SCHEMA =
      """
      {
        "version": "1.0",
        "database": {"name": "shop"},
        "tables": {
          "customers": {
            "row_count": 2000,
            "columns": {
              "id": {"type": "serial", "primary_key": true},
              "name": {"type": "text"},
              "email": {"type": "varchar(200)", "unique": true}
            }
          }
        }
      }
      """;

  @TempDir Path dir;

  private DatagenCliTest.Run generate(String output, String... extra) throws Exception {
    Path schema = dir.resolve("schema.json");
    if (!Files.exists(schema)) {
      Files.writeString(schema, SCHEMA);
    }
    List<String> args =
        new ArrayList<>(List.of("generate", schema.toString(), "-o", output, "--seed", "7", "-q"));
    args.addAll(List.of(extra));
    return DatagenCliTest.run(args.toArray(String[]::new));
  }

  private static void sh(String... command) {
    PgTools.run(List.of(command)).orThrow();
  }

  private static BasicFileAttributes attributes(Path path) throws Exception {
    return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
  }

  private List<String> names() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertOneLineError(DatagenCliTest.Run run, int exitCode, String mentioned) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
    assertThat(run.err().strip()).startsWith("datagen: ").contains(mentioned).doesNotContain("\n");
  }

  @Test
  void aCharacterDeviceIsWrittenInPlaceAndStaysADevice() throws Exception {
    Path device = dir.resolve("mynull");
    sh("mknod", device.toString(), "c", "1", "3");
    DatagenCliTest.Run run = generate(device.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(attributes(device).isOther()).as("still a device").isTrue();
    assertThat(names())
        .as("no temporary file, no staging left")
        .containsExactly("mynull", "schema.json");
  }

  @Test
  void aFullDeviceIsAnOutputErrorAndStaysADevice() throws Exception {
    Path device = dir.resolve("full");
    sh("mknod", device.toString(), "c", "1", "7"); // what /dev/full is
    DatagenCliTest.Run run = generate(device.toString());
    assertOneLineError(run, 4, "No space left on device");
    assertThat(attributes(device).isOther()).isTrue();
    assertThat(names()).containsExactly("full", "schema.json");
  }

  @Test
  void aFifoIsWrittenAsAStreamAndItsReaderGetsTheWholeArchive() throws Exception {
    Path reference = dir.resolve("reference.dump");
    assertThat(generate(reference.toString()).exitCode()).isZero();
    Path fifo = dir.resolve("pipe");
    sh("mkfifo", fifo.toString());
    CompletableFuture<byte[]> read =
        CompletableFuture.supplyAsync(
            () -> {
              try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    DatagenCliTest.Run run = generate(fifo.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(read.get(60, TimeUnit.SECONDS)).isEqualTo(Files.readAllBytes(reference));
    assertThat(attributes(fifo).isOther()).as("still a FIFO").isTrue();
    assertThat(names()).containsExactly("pipe", "reference.dump", "schema.json");
  }

  @Test
  void aSymlinkIsFollowedItsTargetReplacedAndTheLinkKept() throws Exception {
    Path target = dir.resolve("real.dump");
    Files.writeString(target, "an older archive");
    Path link = dir.resolve("link.dump");
    Files.createSymbolicLink(link, target.getFileName());
    DatagenCliTest.Run run = generate(link.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(target.getFileName());
    assertThat(Files.readAllBytes(target)).startsWith("PGDMP".getBytes());
    assertThat(names()).containsExactly("link.dump", "real.dump", "schema.json");
  }

  @Test
  void aDanglingSymlinkCreatesItsTarget() throws Exception {
    Path link = dir.resolve("link.dump");
    Files.createSymbolicLink(link, Path.of("made.dump"));
    assertThat(generate(link.toString()).exitCode()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllBytes(dir.resolve("made.dump"))).startsWith("PGDMP".getBytes());
  }

  @Test
  void anExistingDirectoryIsRefusedForAFileFormatAndLeftAlone() throws Exception {
    Path existing = Files.createDirectory(dir.resolve("existing_dir"));
    assertOneLineError(generate(existing.toString(), "--format", "custom"), 4, "is a directory");
    try (Stream<Path> files = Files.list(existing)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void aNameEndingInSlashIsRefusedForAFileFormatAndNothingIsCreated() throws Exception {
    assertOneLineError(
        generate(dir.resolve("nonexist") + "/", "--format", "custom"), 4, "names a directory");
    assertThat(names()).containsExactly("schema.json");
  }

  /** Without --format, a directory (existing and empty, or NAME/) asks for a directory archive. */
  @Test
  void withoutAFormatADirectoryNameGetsADirectoryArchive() throws Exception {
    Path existing = Files.createDirectory(dir.resolve("empty_dir"));
    DatagenCliTest.Run run = generate(existing.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(existing.resolve("toc.dat")).isRegularFile();
    Path named = dir.resolve("named");
    run = generate(named + "/");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(named.resolve("toc.dat")).isRegularFile();
  }

  @Test
  void aMissingDirectoryIsRefusedBeforeAnyWork() throws Exception {
    assertOneLineError(
        generate(dir.resolve("no/such/out.dump").toString()), 4, "does not exist; create it");
    assertThat(names()).as("no staging was created").containsExactly("schema.json");
  }

  @Test
  void anEmptyOutputIsAUsageError() throws Exception {
    assertOneLineError(generate(""), 1, "Invalid output ''");
  }

  @Test
  void aRelativeNameWithAColonIsAFileNotAUri() throws Exception {
    // Relative to the working directory, where a URI scheme would otherwise be read.
    Path output = Path.of("colon-" + System.nanoTime() + ":name.dump");
    try {
      DatagenCliTest.Run run = generate(output.toString());
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(Files.readAllBytes(output)).startsWith("PGDMP".getBytes());
    } finally {
      Files.deleteIfExists(output);
    }
  }

  @Test
  void theManifestMustNotBeTheOutput() throws Exception {
    Path output = dir.resolve("out.dump");
    Files.writeString(output, "an older archive");
    assertOneLineError(
        generate(output.toString(), "--manifest", output.toString()), 1, "--manifest");
    Path alias = dir.resolve("alias.json");
    Files.createSymbolicLink(alias, output);
    assertOneLineError(
        generate(output.toString(), "--manifest", alias.toString()), 1, "same file as -o");
    assertThat(output).hasContent("an older archive");
  }

  @Test
  void aFullDiskIsAnOutputErrorThatKeepsTheOlderArchive() throws Exception {
    Path small = Files.createDirectory(dir.resolve("small"));
    sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
    try {
      Path output = small.resolve("out.dump");
      Files.writeString(output, "an older archive");
      DatagenCliTest.Run run =
          generate(
              output.toString(),
              "--compress",
              "none",
              "--staging",
              dir.resolve("staging").toUri().toString());
      assertOneLineError(run, 4, "No space left on device");
      assertThat(output).hasContent("an older archive");
      try (Stream<Path> files = Files.list(small)) {
        assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.dump");
      }
    } finally {
      sh("umount", small.toString());
    }
  }

  @Test
  void aFullStagingDiskIsAnOutputErrorThatLeavesNothing() throws Exception {
    Path small = Files.createDirectory(dir.resolve("small"));
    sh("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", small.toString());
    try {
      Path output = dir.resolve("out.dump");
      DatagenCliTest.Run run =
          generate(output.toString(), "--compress", "none", "--staging", small.toUri().toString());
      assertOneLineError(run, 4, "Cannot write staging file");
      assertThat(run.err()).contains("No space left on device");
      assertThat(output).doesNotExist();
      try (Stream<Path> files = Files.list(small)) {
        assertThat(files).as("the staging directory is removed").isEmpty();
      }
    } finally {
      sh("umount", small.toString());
    }
  }
}
