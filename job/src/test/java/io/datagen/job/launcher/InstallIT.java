package io.datagen.job.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code submit/install PREFIX} on the packaged build: the launcher on PREFIX/bin runs from any
 * directory, the man pages are real roff that {@code man} renders, bash completes datagen's
 * commands, installing again changes nothing, and {@code --uninstall} removes exactly what was
 * installed.
 */
class InstallIT {
  private static final Path ROOT =
      Path.of(System.getProperty("datagen.root", "..")).toAbsolutePath().normalize();
  private static final Path INSTALL = ROOT.resolve("submit/install");

  @TempDir Path dir;

  record Result(int exitCode, String out, String err) {}

  private Result run(Path workingDirectory, String... command) throws Exception {
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    Process process =
        new ProcessBuilder(command)
            .directory(workingDirectory.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("finished: " + List.of(command)).isTrue();
    return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> files(Path prefix) throws Exception {
    try (Stream<Path> all = Files.walk(prefix)) {
      return all.filter(p -> !p.startsWith(prefix.resolve("share/datagen/lib")))
          .map(p -> prefix.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  @Test
  void installsALauncherManPagesAndCompletionThatWorkFromAnyDirectory() throws Exception {
    Path prefix = dir.resolve("prefix");
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    // Someone else's man page, which neither install nor uninstall may touch.
    Path otherPage = Files.createDirectories(prefix.resolve("share/man/man1")).resolve("other.1");
    Files.writeString(otherPage, ".TH OTHER 1\n");

    Result install = run(elsewhere, INSTALL.toString(), prefix.toString());
    assertThat(install.exitCode()).as(install.err()).isZero();
    assertThat(install.out()).contains("datagen: installed into " + prefix.toRealPath());

    Path launcher = prefix.resolve("bin/datagen");
    assertThat(Files.isExecutable(launcher)).isTrue();
    Result help = run(elsewhere, launcher.toString(), "--help");
    assertThat(help.exitCode()).as(help.err()).isZero();
    assertThat(help.out()).startsWith("Usage: datagen").contains("generate");
    Result version = run(elsewhere, launcher.toString(), "version");
    assertThat(version.exitCode()).as(version.err()).isZero();
    assertThat(version.out()).startsWith("datagen ");
    assertThat(prefix.resolve("share/datagen/datagen-job.jar")).isRegularFile();
    assertThat(prefix.resolve("share/datagen/datagen-job-cluster.jar"))
        .as("what --master spark://... ships to executors")
        .isRegularFile();

    Path generatePage = prefix.resolve("share/man/man1/datagen-generate.1");
    assertThat(prefix.resolve("share/man/man1/datagen.1")).isRegularFile();
    assertThat(prefix.resolve("share/man/man1/datagen-template-export.1")).isRegularFile();
    List<String> roff = Files.readAllLines(generatePage);
    assertThat(roff)
        .as("roff with a title line")
        .anyMatch(line -> line.startsWith(".TH \"DATAGEN\\-GENERATE\" \"1\""));
    assertThat(roff).noneMatch(line -> line.startsWith("== ") || line.startsWith(":doctype:"));
    if (run(elsewhere, "sh", "-c", "command -v man").exitCode() == 0) {
      Result man = run(elsewhere, "env", "MANWIDTH=120", "man", "-l", generatePage.toString());
      assertThat(man.exitCode()).as(man.err()).isZero();
      assertThat(man.out())
          .contains("DATAGEN-GENERATE(1)")
          .contains("--master-timeout=SECONDS")
          .doesNotContain(".TH");
    }

    Path bashCompletion = prefix.resolve("share/bash-completion/completions/datagen");
    Result completion =
        run(
            elsewhere,
            "bash",
            "-c",
            "source '"
                + bashCompletion
                + "'; COMP_WORDS=(datagen gen); COMP_CWORD=1; COMP_LINE='datagen gen';"
                + " COMP_POINT=11; _complete_datagen; printf '%s\\n' \"${COMPREPLY[@]}\"");
    assertThat(completion.exitCode()).as(completion.err()).isZero();
    assertThat(completion.out().lines()).containsExactly("generate");
    assertThat(Files.readAllLines(prefix.resolve("share/zsh/site-functions/_datagen")))
        .first()
        .isEqualTo("#compdef datagen");

    List<String> installed = files(prefix);
    Result again = run(elsewhere, INSTALL.toString(), prefix.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(files(prefix)).as("installing again: the same files").isEqualTo(installed);

    Result uninstall = run(elsewhere, INSTALL.toString(), "--uninstall", prefix.toString());
    assertThat(uninstall.exitCode()).as(uninstall.err()).isZero();
    assertThat(launcher).doesNotExist();
    assertThat(prefix.resolve("share/datagen")).doesNotExist();
    assertThat(bashCompletion).doesNotExist();
    assertThat(prefix.resolve("share/zsh/site-functions/_datagen")).doesNotExist();
    try (Stream<Path> pages = Files.list(prefix.resolve("share/man/man1"))) {
      assertThat(pages.map(p -> p.getFileName().toString())).containsExactly("other.1");
    }
  }

  @Test
  void aSecondPrefixOrAnUnknownOptionIsAUsageError() throws Exception {
    Result two = run(dir, INSTALL.toString(), "a", "b");
    assertThat(two.exitCode()).isEqualTo(1);
    assertThat(two.err()).startsWith("install: more than one PREFIX ('a', 'b')");
    Result unknown = run(dir, INSTALL.toString(), "--frobnicate");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("install: unknown option '--frobnicate'");
    assertThat(dir.resolve("a")).doesNotExist();
  }
}
