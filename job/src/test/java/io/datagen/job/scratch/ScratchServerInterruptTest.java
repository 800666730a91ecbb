package io.datagen.job.scratch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.testing.ChildJvm;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM ended by SIGTERM while its scratch server runs (a scheduler stopping {@code generate
 * --validate-output=restore} mid-restore) stops the server and removes its data directory in its
 * shutdown hook, and says so.
 */
class ScratchServerInterruptTest {
  private static final Pattern STARTED = Pattern.compile("scratch server pid=([0-9]+) data=(\\S+)");

  /** The child: starts a server, says where, and waits to be stopped. */
  public static void main(String[] args) throws Exception {
    ScratchServer server =
        ScratchServer.start(ScratchServer.defaultBinariesCache(System.getenv()), Path.of(args[0]));
    server.onShutdown(() -> System.err.println("scratch server stopped by the shutdown hook"));
    System.err.println(
        "scratch server pid=" + server.postmasterPid() + " data=" + server.dataDirectory());
    System.err.flush();
    new CountDownLatch(1).await(); // until a signal ends the JVM
  }

  @Test
  void sigtermStopsTheServerAndRemovesItsDataDirectory(@TempDir Path dir) throws Exception {
    List<String> command =
        ChildJvm.javaCommand(
            List.of("-Xmx256m"),
            String.join(File.pathSeparator, ChildJvm.testClassPath()),
            ScratchServerInterruptTest.class.getName(),
            dir.toString());
    try (ChildJvm child = ChildJvm.start("scratch", command, Map.of(), dir.resolve("child.log"))) {
      Matcher started = child.awaitLog(STARTED, Duration.ofMinutes(2));
      long postmaster = Long.parseLong(started.group(1));
      Path data = Path.of(started.group(2));
      assertThat(data).startsWith(dir).isDirectory();
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isPresent();

      assertThat(child.signal("TERM", Duration.ofMinutes(1))).isEqualTo(143);

      assertThat(child.log()).contains("scratch server stopped by the shutdown hook");
      assertThat(ProcessHandle.of(postmaster).filter(ProcessHandle::isAlive)).isEmpty();
      assertThat(data).doesNotExist();
    }
  }
}
