package io.datagen.job.scratch;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/** Runs one client tool (pg_restore, psql) against the scratch server, to its end. */
final class ClientProcess {
  private ClientProcess() {}

  /**
   * Runs a client to its end; stdout is dropped, stderr kept (its start: errors come first).
   *
   * @param gzipInput a gzip file unpacked into the client's stdin, or null for none
   * @param tracker told of the process when it starts and of null when it ends
   */
  static ClientRun run(List<String> command, Path gzipInput, Consumer<Process> tracker) {
    ProcessBuilder builder = new ProcessBuilder(command);
    // Only this command's options choose the server: none of the user's PG* settings.
    builder.environment().keySet().removeIf(key -> key.startsWith("PG"));
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    builder.environment().put("LC_MESSAGES", "C");
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    if (gzipInput == null) {
      builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    String tool = Path.of(command.get(0)).getFileName().toString();
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new ScratchException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
    }
    tracker.accept(process);
    Thread feeder = gzipInput == null ? null : feed(process, gzipInput, tool);
    try {
      String stderr = drain(process.getErrorStream());
      int exit = process.waitFor();
      if (feeder != null) {
        feeder.join();
      }
      return new ClientRun(command, exit, stderr);
    } catch (IOException e) {
      throw new ScratchException("Cannot read " + tool + "'s messages: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      process.destroy();
      Thread.currentThread().interrupt();
      throw new ScratchException(
          "Interrupted while " + tool + " ran against the scratch server", e);
    } finally {
      tracker.accept(null);
    }
  }

  private static Thread feed(Process process, Path gzipScript, String tool) {
    Thread feeder =
        new Thread(
            () -> {
              try (InputStream in = new GZIPInputStream(Files.newInputStream(gzipScript), 1 << 16);
                  OutputStream out = process.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // The tool ended early (an error stopped it) or the file is unreadable; either way
                // the tool's exit code and stderr, or the structural check before, tell what.
                process.destroy();
              }
            },
            "datagen-scratch-" + tool + "-input");
    feeder.setDaemon(true);
    feeder.start();
    return feeder;
  }

  /** Reads to the end, keeping the first 64 KiB. */
  private static String drain(InputStream in) throws IOException {
    ByteArrayOutputStream kept = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
      int room = (1 << 16) - kept.size();
      if (room > 0) {
        kept.write(buffer, 0, Math.min(room, n));
      }
    }
    return kept.toString(StandardCharsets.UTF_8);
  }
}
