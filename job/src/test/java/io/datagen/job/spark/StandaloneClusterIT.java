package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.archive.testing.PgTools;
import io.datagen.archive.testing.PostgresServers;
import io.datagen.job.DatagenException;
import io.datagen.job.ErrorCategory;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.testing.BrokenJar;
import io.datagen.job.testing.SparkDistribution;
import io.datagen.job.testing.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.ExecutorLostFailure;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorAdded;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A real standalone Spark cluster on loopback — one Master and two Workers in JVMs of their own,
 * executors in JVMs of their own, datagen reaching them only as the thin job jar — produces the
 * same bytes as {@code local[1]}: a 1,005,000-row archive that restores into PostgreSQL, and with
 * speculative attempts (forced slow tasks), retries (first attempts failing mid-write) and an
 * executor killed mid-job; while the same thin jar with one library left out fails there, since
 * nothing on the cluster stands in for it. The driver is this JVM (client mode); speculation is on
 * for every job of the application.
 */
class StandaloneClusterIT {
  @TempDir static Path dir;
  private static StandaloneCluster cluster;
  private static JavaSparkContext spark;
  private static Schema events;
  private static Schema blog;
  private static byte[] localEvents;
  private static byte[] localBlog;

  @BeforeAll
  static void start() throws Exception {
    events = SparkTestSupport.eventsSchema();
    blog = SparkTestSupport.blogSchema();
    // The references first: one SparkContext per JVM at a time.
    try (JavaSparkContext local = SparkSetup.start("local[1]")) {
      localEvents = generate(local, events, "local-events.dump", null);
      localBlog = generate(local, blog, "local-blog.dump", null);
    }
    SparkDistribution distribution =
        SparkDistribution.create(Files.createDirectories(dir.resolve("spark-home")));
    cluster =
        StandaloneCluster.start(
            distribution, Files.createDirectories(dir.resolve("cluster")), 2, 1, "1g");
    spark = SparkTestSupport.start(cluster.masterUrl(), settings(SparkDistribution.clusterJar()));
  }

  /** This class's application: executors get datagen from {@code jobJar} only. */
  private static Map<String, String> settings(Path jobJar) {
    Map<String, String> settings = new HashMap<>();
    settings.put("spark.jars", jobJar.toString());
    settings.put("spark.executor.memory", "640m");
    settings.put("spark.executor.cores", "1");
    // Frequent heartbeats: the killed-executor test learns from them that a stalled attempt has
    // written rows.
    settings.put("spark.executor.heartbeatInterval", "500ms");
    settings.put("spark.speculation", "true");
    settings.put("spark.speculation.interval", "100ms");
    settings.put("spark.speculation.quantile", "0.5");
    settings.put("spark.speculation.multiplier", "2");
    settings.put("spark.speculation.minTaskRuntime", "1s");
    settings.put("spark.speculation.efficiency.enabled", "false");
    return settings;
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aMillionRowArchiveFromTheClusterIsByteIdenticalToLocalOneAndRestores() throws Exception {
    assertThat(events.tables().stream().mapToLong(TableSpec::rowCount).sum())
        .isGreaterThanOrEqualTo(1_000_000);
    Executors executors = new Executors();
    spark.sc().addSparkListener(executors);
    byte[] fromCluster = generate(spark, events, "cluster-events.dump", 8);
    spark.sc().listenerBus().waitUntilEmpty();
    assertThat(executors.ids())
        .as("executors that ran tasks (JVMs of their own)")
        .hasSizeGreaterThanOrEqualTo(2)
        .doesNotContain("driver");
    assertThat(fromCluster).isEqualTo(localEvents);

    PostgresServers.Database db = PostgresServers.createDatabase(15);
    PgTools.pgRestoreIntoDb(dir.resolve("cluster-events.dump"), db.port(), db.name(), "-j", "2")
        .orThrow();
    assertThat(scalar(db, "SELECT count(*) FROM public.events")).isEqualTo(1_000_000);
    assertThat(scalar(db, "SELECT count(*) FROM public.accounts")).isEqualTo(5_000);
    assertThat(
            scalar(
                db,
                "SELECT count(*) FROM public.events e WHERE NOT EXISTS "
                    + "(SELECT 1 FROM public.accounts a WHERE a.id = e.account_id)"))
        .isZero();
    assertThat(scalar(db, "SELECT count(DISTINCT id) FROM public.events")).isEqualTo(1_000_000);
  }

  @Test
  void aThinJarMissingALibraryFailsOnTheClusterWhereTheRealOneSucceeds() throws Exception {
    assertThat(generate(spark, blog, "real-jar.dump", 4)).isEqualTo(localBlog);
    // people.json evaluates a Datafaker expression (#{Color.name}) on the executors. (The blog's
    // names and e-mails no longer need Datafaker there: its dictionaries ship prebuilt.)
    Schema people =
        SchemaInput.load(SparkTestSupport.resource("/e2e/people.json").toString(), null, null);
    assertThat(generate(spark, people, "real-jar-people.dump", 4)).isNotEmpty();
    // The real thin jar without Datafaker: nothing on the cluster may stand in for it, so every
    // attempt fails and the run with it.
    Path broken =
        BrokenJar.without(
            SparkDistribution.clusterJar(), "net/datafaker/", dir.resolve("no-datafaker.jar"));
    spark.stop();
    spark = null;
    try (JavaSparkContext withBrokenJar =
        SparkTestSupport.start(cluster.masterUrl(), settings(broken))) {
      assertThatThrownBy(() -> generate(withBrokenJar, people, "broken-jar.dump", 4))
          .isInstanceOfSatisfying(
              DatagenException.class,
              e -> assertThat(e.category()).isEqualTo(ErrorCategory.GENERATION))
          .hasMessageMatching("(?s).*net[./]datafaker[./].*");
    } finally {
      spark = SparkTestSupport.start(cluster.masterUrl(), settings(SparkDistribution.clusterJar()));
    }
    assertThat(dir.resolve("broken-jar.dump")).doesNotExist();
  }

  @Test
  void withSpeculationAndASlowTaskTheSpeculativeCopyWinsAndTheArchiveIsTheSame() throws Exception {
    TaskAttempts attempts = new TaskAttempts();
    spark.sc().addSparkListener(attempts);
    Path staging = dir.resolve("speculation-staging");
    spark.setLocalProperty(FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS, "120000");
    byte[] archive;
    try {
      archive = generate(spark, blog, "speculation.dump", 8, staging);
    } finally {
      spark.setLocalProperty(FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS, null);
    }
    spark.sc().listenerBus().waitUntilEmpty();
    spark.sc().removeSparkListener(attempts);
    assertThat(attempts.speculativeStarted()).as("speculative attempts").isGreaterThanOrEqualTo(1);
    // The copy won: it succeeded, and the slow original (stalled 120 s) was killed, not finished.
    assertThat(attempts.speculativeSucceeded())
        .as("speculative copies that won")
        .isGreaterThanOrEqualTo(1);
    assertThat(attempts.killed()).as("attempts killed").isGreaterThanOrEqualTo(1);
    assertThat(archive).isEqualTo(localBlog);
    assertThat(stagedFiles(staging)).isEmpty();
  }

  @Test
  void withFirstAttemptsFailingMidWriteRetriesGiveTheSameArchive() throws Exception {
    TaskAttempts attempts = new TaskAttempts();
    spark.sc().addSparkListener(attempts);
    Path staging = dir.resolve("retry-staging");
    spark.setLocalProperty(FaultInjection.FAIL_FIRST_ATTEMPT, "2");
    byte[] archive;
    try {
      archive = generate(spark, blog, "retried.dump", 8, staging);
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_FIRST_ATTEMPT, null);
    }
    spark.sc().listenerBus().waitUntilEmpty();
    spark.sc().removeSparkListener(attempts);
    assertThat(attempts.failed()).as("failed first attempts (partitions 0, 2, 4, 6)").isEqualTo(4);
    assertThat(archive).isEqualTo(localBlog);
    assertThat(stagedFiles(staging)).isEmpty();
  }

  @Test
  void anExecutorKilledMidJobIsReplacedAndTheArchiveIsTheSame() throws Exception {
    // Partition 0's first attempt stalls after writing a piece; once a heartbeat shows it has
    // generated rows (counted every few thousand rows, so perhaps before that piece is written),
    // its executor is killed while the attempt is still running.
    KillWhileRunning kill = new KillWhileRunning();
    spark.sc().addSparkListener(kill);
    Path staging = dir.resolve("lost-executor-staging");
    spark.setLocalProperty(FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS, "120000");
    byte[] archive;
    try {
      archive = generate(spark, blog, "lost-executor.dump", 8, staging);
    } finally {
      spark.setLocalProperty(FaultInjection.SLOW_FIRST_ATTEMPT_MILLIS, null);
    }
    assertThat(kill.killedExecutor())
        .as("the executor killed under the stalled attempt")
        .isNotNull();
    String replacement = kill.awaitReplacement();
    spark.sc().listenerBus().waitUntilEmpty();
    spark.sc().removeSparkListener(kill);
    assertThat(kill.processesKilled()).as("executor processes killed").isGreaterThanOrEqualTo(1);
    assertThat(kill.stalledAttemptEnd())
        .as("how the stalled attempt ended, its executor lost under it (%s)", kill)
        .isEqualTo("ExecutorLostFailure");
    assertThat(kill.lostAttempts()).as("task attempts lost").isGreaterThanOrEqualTo(1);
    assertThat(kill.removedExecutors()).as("executors removed").contains(kill.killedExecutor());
    assertThat(replacement).as("the replacement executor").isNotEqualTo(kill.killedExecutor());
    assertThat(archive).isEqualTo(localBlog);
    assertThat(stagedFiles(staging)).isEmpty();
  }

  /**
   * Kills the executor of partition 0's first attempt (stalled by {@link
   * FaultInjection#SLOW_FIRST_ATTEMPT_MILLIS}) as soon as an executor heartbeat shows that attempt
   * has written rows, and records what Spark then reports: how that attempt ended, which task
   * attempts were lost, which executors were removed and added. The kill runs on the listener's
   * thread, so no end of the attempt can have been seen before it.
   */
  private static final class KillWhileRunning extends SparkListener {
    private long stalledTaskId = -1;
    private String stalledHost;
    private String stalledExecutor;
    private String killedExecutor;
    private int processesKilled;
    private String stalledAttemptEnd;
    private int lostAttempts;
    private final Set<String> removedExecutors = new HashSet<>();
    private final CompletableFuture<String> replacement = new CompletableFuture<>();

    @Override
    public synchronized void onTaskStart(SparkListenerTaskStart event) {
      if (event.taskInfo().index() == 0 && event.taskInfo().attemptNumber() == 0) {
        stalledTaskId = event.taskInfo().taskId();
        stalledHost = event.taskInfo().host();
        stalledExecutor = event.taskInfo().executorId();
      }
    }

    @Override
    public synchronized void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate event) {
      if (killedExecutor != null || stalledAttemptEnd != null || stalledTaskId < 0) {
        return;
      }
      for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> task :
          CollectionConverters.asJava(event.accumUpdates())) {
        if ((Long) task._1() == stalledTaskId && wroteRows(task._4())) {
          killedExecutor = stalledExecutor;
          processesKilled = cluster.killExecutorsOn(stalledHost);
          return;
        }
      }
    }

    /** The attempt's row counters (ProgressReporter's accumulators) show rows generated. */
    private static boolean wroteRows(scala.collection.immutable.Seq<AccumulableInfo> updates) {
      return CollectionConverters.asJava(updates).stream()
          .anyMatch(
              info ->
                  info.name().exists(name -> name.startsWith("datagen rows "))
                      && info.update().exists(value -> ((Number) value).longValue() > 0));
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
      boolean lost = event.reason() instanceof ExecutorLostFailure;
      if (lost) {
        lostAttempts++;
      }
      if (event.taskInfo().taskId() == stalledTaskId) {
        stalledAttemptEnd = lost ? "ExecutorLostFailure" : event.reason().toString();
      }
    }

    @Override
    public synchronized void onExecutorRemoved(SparkListenerExecutorRemoved event) {
      removedExecutors.add(event.executorId());
    }

    @Override
    public synchronized void onExecutorAdded(SparkListenerExecutorAdded event) {
      if (killedExecutor != null && event.executorInfo().executorHost().equals(stalledHost)) {
        replacement.complete(event.executorId());
      }
    }

    /** The executor that the Worker on the killed executor's host launches in its place. */
    String awaitReplacement() throws Exception {
      return replacement.get(120, TimeUnit.SECONDS);
    }

    synchronized int processesKilled() {
      return processesKilled;
    }

    synchronized String killedExecutor() {
      return killedExecutor;
    }

    synchronized String stalledAttemptEnd() {
      return stalledAttemptEnd;
    }

    synchronized int lostAttempts() {
      return lostAttempts;
    }

    synchronized Set<String> removedExecutors() {
      return new HashSet<>(removedExecutors);
    }

    @Override
    public synchronized String toString() {
      return "killed executor "
          + killedExecutor
          + " ("
          + processesKilled
          + " process(es)) on "
          + stalledHost
          + "; stalled attempt ended "
          + stalledAttemptEnd
          + "; attempts lost "
          + lostAttempts
          + "; executors removed "
          + removedExecutors
          + "; replacement "
          + replacement.getNow(null);
    }
  }

  private static byte[] generate(
      JavaSparkContext context, Schema schema, String name, Integer partitions) throws Exception {
    return generate(context, schema, name, partitions, null);
  }

  private static byte[] generate(
      JavaSparkContext context, Schema schema, String name, Integer partitions, Path staging)
      throws Exception {
    Path output = dir.resolve(name);
    GenerateRequest request = SparkTestSupport.request(output, 9, partitions);
    if (staging != null) {
      request = request.withStaging(staging.toUri().toString(), false);
    }
    GenerateJob.run(context, schema, request, null);
    return Files.readAllBytes(output);
  }

  private static Set<Path> stagedFiles(Path staging) throws Exception {
    if (!Files.exists(staging)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.walk(staging)) {
      return new HashSet<>(files.filter(Files::isRegularFile).toList());
    }
  }

  private static long scalar(PostgresServers.Database db, String sql) {
    return Long.parseLong(PgTools.query(db, sql).get(0).get(0));
  }

  /** The executors that ran tasks. */
  private static final class Executors extends SparkListener {
    private final Set<String> ids = new HashSet<>();

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd event) {
      ids.add(event.taskInfo().executorId());
    }

    synchronized Set<String> ids() {
      return new HashSet<>(ids);
    }
  }
}
