package io.datagen.job.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A real Spark standalone cluster on loopback: one Master and {@code workers} Workers, each in its
 * own JVM started from the distribution's jars, each Worker launching executors in JVMs of their
 * own. Ports are chosen free; logs go to the work directory. Worker {@code i} binds to loopback
 * address 127.0.0.{i+1}, so each looks like a host of its own: Spark never starts a speculative
 * copy of a task on a host that already runs an attempt of it.
 */
public final class StandaloneCluster implements AutoCloseable {
  private final List<ChildJvm> processes = new ArrayList<>();
  private final List<ChildJvm> workerProcesses = new ArrayList<>();
  private String masterUrl;

  private StandaloneCluster() {}

  public static StandaloneCluster start(
      SparkDistribution spark, Path workDir, int workers, int workerCores, String workerMemory)
      throws Exception {
    StandaloneCluster cluster = new StandaloneCluster();
    try {
      cluster.startAll(spark, workDir, workers, workerCores, workerMemory);
      return cluster;
    } catch (Exception | Error e) {
      cluster.close();
      throw e;
    }
  }

  private void startAll(
      SparkDistribution spark, Path workDir, int workers, int workerCores, String workerMemory)
      throws Exception {
    int port = S3MockServer.freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    ChildJvm master =
        ChildJvm.start(
            "spark-master",
            ChildJvm.javaCommand(
                List.of("-Xmx256m"),
                spark.jarsClassPath(),
                "org.apache.spark.deploy.master.Master",
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--webui-port",
                String.valueOf(S3MockServer.freePort())),
            spark.environment(),
            workDir.resolve("master.log"));
    processes.add(master);
    master.awaitLog(Pattern.compile("I have been elected leader"), Duration.ofSeconds(120));
    List<ChildJvm> started = new ArrayList<>();
    for (int i = 0; i < workers; i++) {
      Path dir = Files.createDirectories(workDir.resolve("worker-" + i));
      String host = "127.0.0." + (i + 1);
      Map<String, String> environment = new HashMap<>(spark.environment());
      environment.put("SPARK_LOCAL_IP", host);
      ChildJvm worker =
          ChildJvm.start(
              "spark-worker-" + i,
              ChildJvm.javaCommand(
                  List.of("-Xmx192m"),
                  spark.jarsClassPath(),
                  "org.apache.spark.deploy.worker.Worker",
                  "--host",
                  host,
                  "--port",
                  "0",
                  "--webui-port",
                  String.valueOf(S3MockServer.freePort()),
                  "--cores",
                  String.valueOf(workerCores),
                  "--memory",
                  workerMemory,
                  "--work-dir",
                  dir.toString(),
                  masterUrl),
              environment,
              workDir.resolve("worker-" + i + ".log"));
      processes.add(worker);
      workerProcesses.add(worker);
      started.add(worker);
    }
    for (ChildJvm worker : started) {
      worker.awaitLog(
          Pattern.compile("Successfully registered with master"), Duration.ofSeconds(120));
    }
  }

  public String masterUrl() {
    return masterUrl;
  }

  /**
   * Kills (SIGKILL) the executor JVMs that the Worker on {@code host} launched, as when an executor
   * is lost mid-job; the Worker then launches replacements.
   *
   * @return how many executor processes were killed
   */
  public int killExecutorsOn(String host) {
    int index = Integer.parseInt(host.substring(host.lastIndexOf('.') + 1)) - 1;
    List<ProcessHandle> executors =
        ProcessHandle.of(workerProcesses.get(index).pid())
            .orElseThrow()
            .descendants()
            .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
            .toList();
    executors.forEach(ProcessHandle::destroyForcibly);
    return executors.size();
  }

  @Override
  public void close() {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }
}
