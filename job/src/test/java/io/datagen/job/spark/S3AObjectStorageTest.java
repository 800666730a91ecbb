package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.leftovers.LeftoverCleaner;
import io.datagen.job.schema.Schema;
import io.datagen.job.testing.ChildJvm;
import io.datagen.job.testing.S3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.s3a.s3guard.S3GuardTool;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Staging and output on {@code s3a://}, through Hadoop's S3A connector (hadoop-aws with the
 * individual AWS SDK v2 modules), against a real S3-compatible server on loopback (S3Mock over
 * HTTPS on 127.0.0.1): the archive is byte-identical to the local-filesystem one, the output object
 * appears only when complete (not after a failure, an abort or a kill), and staging is empty
 * afterwards. Parts are S3's smallest (5 MiB) and the archives 16 MB, so every archive goes up as a
 * real multipart upload, part by part while it is written; which S3 calls were made is read from
 * S3Mock's own request log, and what a killed run leaves from the S3 API.
 */
class S3AObjectStorageTest {
  private static final String BUCKET = "datagen";
  @TempDir static Path dir;
  private static S3MockServer s3;
  private static JavaSparkContext spark;
  private static final Map<String, String> savedTrust = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    s3 = S3MockServer.start(dir, BUCKET);
    // The SDK's HTTP client trusts the JVM's trust store: make it S3Mock's self-signed certificate.
    for (String key :
        List.of(
            "javax.net.ssl.trustStore",
            "javax.net.ssl.trustStorePassword",
            "javax.net.ssl.trustStoreType")) {
      savedTrust.put(key, System.getProperty(key));
    }
    System.setProperty("javax.net.ssl.trustStore", s3.trustStore().toString());
    System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    Map<String, String> settings = new HashMap<>();
    s3.s3aSettings().forEach((key, value) -> settings.put("spark.hadoop." + key, value));
    spark = SparkTestSupport.start("local[2]", settings);
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
    if (s3 != null) {
      s3.close();
    }
    savedTrust.forEach(
        (key, value) -> {
          if (value == null) {
            System.clearProperty(key);
          } else {
            System.setProperty(key, value);
          }
        });
  }

  @Test
  void stagingAndOutputOnS3aGiveTheLocalArchiveAndLeaveOnlyTheArchiveBehind() throws Exception {
    Schema schema = SparkTestSupport.eventsSchema(); // a 15 MB archive: three parts of 5 MiB
    Path local = dir.resolve("local.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(local, 42, 4), null);
    assertThat(Files.size(local)).isGreaterThan(2 * S3MockServer.PART_SIZE);

    String output = "s3a://" + BUCKET + "/archives/events.dump";
    GenerateRequest request =
        SparkTestSupport.request(Path.of("unused"), 42, 4)
            .withOutput(output)
            .withStaging("s3a://" + BUCKET + "/staging", false)
            .withManifest("s3a://" + BUCKET + "/archives/events.manifest.json");
    RunSummary summary = GenerateJob.run(spark, schema, request, null);
    List<String> writes = writes("archives/events.dump");

    byte[] fromS3 = read(output);
    assertThat(fromS3).isEqualTo(Files.readAllBytes(local));
    assertThat(summary.archiveBytes()).isEqualTo(fromS3.length);
    // The server's own log: the archive went up as one multipart upload of several parts, uploaded
    // while it was written, completed once -- not as one PUT on close.
    assertThat(writes)
        .as(requestLog())
        .startsWith("CreateMultipartUpload")
        .endsWith("CompleteMultipartUpload")
        .doesNotContain("PutObject", "AbortMultipartUpload")
        .filteredOn("UploadPart"::equals)
        .hasSize((int) (fromS3.length / S3MockServer.PART_SIZE) + 1);
    assertThat(keys("s3a://" + BUCKET + "/staging")).as("staging objects left").isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/archives"))
        .containsExactlyInAnyOrder("archives/events.dump", "archives/events.manifest.json");
    assertThat(
            new String(
                read("s3a://" + BUCKET + "/archives/events.manifest.json"), StandardCharsets.UTF_8))
        .contains("\"sha256\" : \"" + SchemaInput.sha256(fromS3) + "\"");
    assertThat(incompleteUploads("")).isEmpty();

    // The staging really is on S3: kept, it holds one pieces object per task.
    GenerateRequest kept =
        request.withStaging("s3a://" + BUCKET + "/kept-staging", true).withManifest(null);
    GenerateJob.run(spark, schema, kept, null);
    assertThat(read(output)).isEqualTo(fromS3);
    assertThat(keys("s3a://" + BUCKET + "/kept-staging"))
        .hasSize(4)
        .allMatch(k -> k.endsWith(".pieces"));
  }

  @Test
  void aFailedRunLeavesAnExistingObjectAloneAndStagingEmpty() throws Exception {
    String output = "s3a://" + BUCKET + "/failed/blog.dump";
    byte[] previous = "the archive of an earlier run".getBytes(StandardCharsets.UTF_8);
    write(output, previous);
    GenerateRequest request =
        SparkTestSupport.request(Path.of("unused"), 1, 2)
            .withOutput(output)
            .withStaging("s3a://" + BUCKET + "/failed-staging", false);
    spark.setLocalProperty(
        FaultInjection.FAIL_FIRST_ATTEMPT, "1"); // local[2] does not retry: the job fails
    try {
      assertThatThrownBy(() -> GenerateJob.run(spark, SparkTestSupport.blogSchema(), request, null))
          .isInstanceOf(DatagenException.class)
          .hasMessageContaining("Injected failure");
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_FIRST_ATTEMPT, null);
    }
    assertThat(read(output)).isEqualTo(previous);
    assertThat(keys("s3a://" + BUCKET + "/failed-staging")).isEmpty();
  }

  @Test
  void aRunFailingBeforeItsFirstPartLeavesTheExistingObjectAsItWas() throws Exception {
    String output = "s3a://" + BUCKET + "/failed-upload/blog.dump";
    byte[] previous = "the archive of an earlier run".getBytes(StandardCharsets.UTF_8);
    write(output, previous);
    GenerateRequest toS3 =
        SparkTestSupport.request(Path.of("unused"), 3, 2)
            .withOutput(output)
            .withStaging("s3a://" + BUCKET + "/failed-upload-staging", false);
    spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, String.valueOf(1 << 20));
    try {
      assertThatThrownBy(() -> GenerateJob.run(spark, SparkTestSupport.blogSchema(), toS3, null))
          .isInstanceOf(DatagenException.class)
          .hasMessageContaining("Injected failure");
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, null);
    }
    assertThat(read(output)).isEqualTo(previous);
    assertThat(keys("s3a://" + BUCKET + "/failed-upload"))
        .containsExactly("failed-upload/blog.dump");
    assertThat(keys("s3a://" + BUCKET + "/failed-upload-staging")).isEmpty();
  }

  /**
   * A run failing with parts uploaded aborts its upload. (On S3 an older object under the key is
   * untouched by the abort; S3Mock 4.12 instead drops the key on AbortMultipartUpload, so this test
   * writes a fresh key.)
   */
  @Test
  void aRunFailingMidUploadAbortsTheUpload() throws Exception {
    String key = "failed-mid-upload/events.dump";
    GenerateRequest toS3 =
        SparkTestSupport.request(Path.of("unused"), 3, 2)
            .withOutput("s3a://" + BUCKET + "/" + key)
            .withStaging("s3a://" + BUCKET + "/failed-mid-upload-staging", false);
    // Fails with two parts filled (so the first is uploaded) and the archive's stream still open.
    spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, String.valueOf(14L << 20));
    try {
      assertThatThrownBy(() -> GenerateJob.run(spark, SparkTestSupport.eventsSchema(), toS3, null))
          .isInstanceOf(DatagenException.class)
          .hasMessageContaining("Injected failure");
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, null);
    }
    assertThat(keys("s3a://" + BUCKET + "/failed-mid-upload")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/failed-mid-upload-staging")).isEmpty();
    assertThat(writes(key))
        .as(requestLog())
        .startsWith("CreateMultipartUpload", "UploadPart")
        .contains("AbortMultipartUpload")
        .doesNotContain("CompleteMultipartUpload");
    assertThat(incompleteUploads("failed-mid-upload/")).isEmpty();
  }

  @Test
  void anAbortedUploadNeverAppearsAndACommittedOneAppearsWhole() throws Exception {
    Configuration conf = spark.hadoopConfiguration();
    byte[] bytes = new byte[12 << 20]; // two full 5 MiB parts and a last one of 2 MiB
    new Random(7).nextBytes(bytes);

    OutputTarget aborted = OutputTarget.of("s3a://" + BUCKET + "/upload/aborted.bin", conf);
    OutputStream out = aborted.open();
    out.write(bytes);
    out.flush();
    aborted.abort();
    assertThat(keys("s3a://" + BUCKET + "/upload")).isEmpty();
    assertThat(writes("upload/aborted.bin"))
        .as(requestLog())
        .startsWith("CreateMultipartUpload", "UploadPart")
        .contains("AbortMultipartUpload")
        .doesNotContain("CompleteMultipartUpload", "PutObject");
    assertThat(incompleteUploads("upload/")).as("the upload's parts are gone").isEmpty();

    OutputTarget committed = OutputTarget.of("s3a://" + BUCKET + "/upload/committed.bin", conf);
    out = committed.open();
    out.write(bytes, 0, bytes.length / 2);
    assertThat(keys("s3a://" + BUCKET + "/upload")).as("visible before commit").isEmpty();
    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
    committed.commit();
    List<String> operations = writes("upload/committed.bin");
    assertThat(read("s3a://" + BUCKET + "/upload/committed.bin")).isEqualTo(bytes);
    assertThat(operations)
        .as(requestLog())
        .containsExactly(
            "CreateMultipartUpload",
            "UploadPart",
            "UploadPart",
            "UploadPart",
            "CompleteMultipartUpload");
  }

  @Test
  void aRunTerminatedMidUploadAbortsTheUpload() throws Exception {
    String key = "terminated/events.dump";
    try (ChildJvm run = startRun(key, "terminated-staging", "terminated-run.log")) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(incompleteUploads("terminated/")).as("the upload, open").hasSize(1);
      run.close(); // SIGTERM, as a scheduler's stop: the shutdown hook aborts the upload
      assertThat(run.log())
          .containsPattern(
              "(?m)^datagen: interrupted while writing s3a://"
                  + BUCKET
                  + "/"
                  + key
                  + "; removed the incomplete upload to s3a://"
                  + BUCKET
                  + "/"
                  + key
                  + " and staging s3a://"
                  + BUCKET
                  + "/terminated-staging/\\.datagen-staging-[0-9a-f]{12}-\\d{8}T\\d{6}Z$");
    }
    assertThat(keys("s3a://" + BUCKET + "/terminated")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/terminated-staging")).isEmpty();
    assertThat(incompleteUploads("terminated/")).as("nothing left to clean").isEmpty();
    assertThat(writes(key))
        .as(requestLog())
        .startsWith("CreateMultipartUpload", "UploadPart", "UploadPart")
        .contains("AbortMultipartUpload")
        .doesNotContain("CompleteMultipartUpload");
  }

  /**
   * SIGKILL: nothing in the run can clean up. No object appears; what stays is exactly what
   * docs/operations.md says (an incomplete multipart upload under the output key, and the staging
   * objects), and the documented {@code hadoop s3guard uploads -abort} removes the upload.
   */
  @Test
  void aRunKilledMidUploadLeavesNoObjectAndAnIncompleteUploadThatTheDocumentedStepsRemove()
      throws Exception {
    String key = "killed/events.dump";
    try (ChildJvm run = startRun(key, "killed-staging", "killed-run.log")) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(keys("s3a://" + BUCKET + "/killed"))
          .as("every byte written, upload not completed")
          .isEmpty();
      // The archive (14.8 MiB) fills two 5 MiB parts. With one part in flight per stream, the
      // second may still be on its way when the driver pauses: wait for S3 to hold it.
      awaitParts(key, 2, Duration.ofSeconds(60));
      run.kill();
    }
    assertThat(keys("s3a://" + BUCKET + "/killed")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/killed-staging"))
        .as("staging, left behind")
        .isNotEmpty()
        .allMatch(k -> k.contains("/.datagen-staging-") && k.endsWith(".pieces"));

    List<MultipartUpload> left = incompleteUploads("killed/");
    assertThat(left).extracting(MultipartUpload::key).containsExactly(key);
    String uploadId = left.get(0).uploadId();
    try (S3Client client = s3.client()) {
      List<Part> parts =
          client.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts();
      assertThat(parts)
          .as("whole parts, uploaded while the archive was written")
          .hasSizeGreaterThanOrEqualTo(2)
          .allMatch(p -> p.size() == S3MockServer.PART_SIZE);
    }
    assertThat(writes(key))
        .as(requestLog())
        .startsWith("CreateMultipartUpload", "UploadPart", "UploadPart")
        .doesNotContain("CompleteMultipartUpload", "AbortMultipartUpload", "PutObject");
    assertThat(s3.requestsFor(BUCKET, key))
        .as("one upload")
        .allMatch(r -> r.uploadId() == null || uploadId.equals(r.uploadId()));

    // docs/operations.md: hadoop s3guard uploads -list / -abort -force s3a://BUCKET/PREFIX
    assertThat(S3GuardTool.run(spark.hadoopConfiguration(), "uploads", "-expect", "1", prefix()))
        .isZero();
    assertThat(
            S3GuardTool.run(spark.hadoopConfiguration(), "uploads", "-abort", "-force", prefix()))
        .isZero();
    assertThat(incompleteUploads("killed/")).isEmpty();
    assertThat(writes(key)).as(requestLog()).endsWith("AbortMultipartUpload");
  }

  /**
   * What a killed run leaves on S3, {@code datagen clean} removes: it keeps the upload and staging
   * of a run that wrote seconds ago at the default threshold, and with {@code --older-than 0s}
   * aborts the upload and deletes the staging objects.
   */
  @Test
  void datagenCleanAbortsAKilledRunsUploadAndRemovesItsStaging() throws Exception {
    String key = "cleaned/events.dump";
    try (ChildJvm run = startRun(key, "cleaned-staging", "cleaned-run.log")) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      awaitParts(key, 2, Duration.ofSeconds(60));
      run.kill();
    }
    assertThat(incompleteUploads("cleaned/")).hasSize(1);
    assertThat(keys("s3a://" + BUCKET + "/cleaned-staging")).isNotEmpty();
    List<String> locations =
        List.of("s3a://" + BUCKET + "/cleaned/", "s3a://" + BUCKET + "/cleaned-staging/");

    StringWriter young = new StringWriter();
    new LeftoverCleaner(
            spark.hadoopConfiguration(),
            new PrintWriter(young),
            new PrintWriter(new StringWriter()))
        .clean(locations, Duration.ofHours(1), false, Instant.now());
    assertThat(young.toString())
        .contains("kept staging directory s3a://" + BUCKET + "/cleaned-staging/.datagen-staging-")
        .contains("kept incomplete upload s3a://" + BUCKET + "/" + key);
    assertThat(incompleteUploads("cleaned/")).hasSize(1);

    StringWriter out = new StringWriter();
    new LeftoverCleaner(
            spark.hadoopConfiguration(), new PrintWriter(out), new PrintWriter(new StringWriter()))
        .clean(locations, Duration.ZERO, false, Instant.now());
    assertThat(out.toString())
        .contains(
            "removed staging directory s3a://" + BUCKET + "/cleaned-staging/.datagen-staging-")
        .contains("aborted incomplete upload s3a://" + BUCKET + "/" + key + " (upload ")
        .contains("datagen: removed 1 leftover (")
        .contains("aborted 1 incomplete upload; kept 0");
    assertThat(incompleteUploads("cleaned/")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/cleaned-staging")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/cleaned")).isEmpty();
    assertThat(writes(key)).as(requestLog()).endsWith("AbortMultipartUpload");
  }

  /**
   * A directory archive on S3: the files go straight to their keys, data files first, toc.dat (the
   * commit marker) completed last; the objects equal a local run's files.
   */
  @Test
  void aDirectoryArchiveGoesUpFileByFileWithTocDatLast() throws Exception {
    Schema schema = SparkTestSupport.blogSchema();
    Path local = dir.resolve("local-blog.dir");
    GenerateJob.run(
        spark, schema, directoryRequest(local.toString(), "s3a://" + BUCKET + "/x"), null);
    String prefix = "dirs/blog.dir";
    GenerateJob.run(
        spark,
        schema,
        directoryRequest("s3a://" + BUCKET + "/" + prefix, "s3a://" + BUCKET + "/dir-staging"),
        null);
    List<String> names;
    try (java.util.stream.Stream<Path> files = Files.list(local)) {
      names = files.map(f -> f.getFileName().toString()).sorted().toList();
    }
    assertThat(keys("s3a://" + BUCKET + "/dirs"))
        .containsExactlyInAnyOrderElementsOf(names.stream().map(n -> prefix + "/" + n).toList());
    for (String name : names) {
      assertThat(read("s3a://" + BUCKET + "/" + prefix + "/" + name))
          .as(name)
          .isEqualTo(Files.readAllBytes(local.resolve(name)));
    }
    List<S3MockServer.Request> completions =
        s3.requestsUnder(BUCKET, prefix + "/").stream()
            .filter(r -> Set.of("PutObject", "CompleteMultipartUpload").contains(r.operation()))
            .toList();
    assertThat(completions).as(requestLog()).hasSize(names.size());
    assertThat(completions.get(completions.size() - 1).path())
        .as("toc.dat completes last")
        .isEqualTo("/" + BUCKET + "/" + prefix + "/toc.dat");
    assertThat(keys("s3a://" + BUCKET + "/dir-staging")).isEmpty();
  }

  /** A directory archive failing half-way leaves no object: no toc.dat, its data files deleted. */
  @Test
  void aDirectoryArchiveFailingHalfWayLeavesNothingUnderItsPrefix() throws Exception {
    String prefix = "failed-dirs/events.dir";
    // events: two tables; the failure comes inside the second data file, after the first is up.
    spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, String.valueOf(12L << 20));
    try {
      assertThatThrownBy(
              () ->
                  GenerateJob.run(
                      spark,
                      SparkTestSupport.eventsSchema(),
                      directoryRequest(
                          "s3a://" + BUCKET + "/" + prefix,
                          "s3a://" + BUCKET + "/failed-dir-staging"),
                      null))
          .isInstanceOf(DatagenException.class)
          .hasMessageContaining("Injected failure");
    } finally {
      spark.setLocalProperty(FaultInjection.FAIL_OUTPUT_AFTER_BYTES, null);
    }
    List<S3MockServer.Request> writes = s3.requestsUnder(BUCKET, prefix + "/");
    assertThat(writes)
        .as("a data file was complete before the failure: " + requestLog().get())
        .anyMatch(
            r ->
                r.operation().equals("PutObject")
                    || r.operation().equals("CompleteMultipartUpload"));
    assertThat(keys("s3a://" + BUCKET + "/failed-dirs")).isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/failed-dir-staging")).isEmpty();
    assertThat(incompleteUploads("failed-dirs/")).isEmpty();
  }

  @Test
  void aDirectoryArchiveRefusesAPrefixThatHoldsObjects() throws Exception {
    String output = "s3a://" + BUCKET + "/busy-dir/blog.dir";
    write(output + "/keep.txt", "mine".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () ->
                GenerateJob.run(
                    spark,
                    SparkTestSupport.blogSchema(),
                    directoryRequest(output, "s3a://" + BUCKET + "/busy-staging"),
                    null))
        .isInstanceOf(DatagenException.class)
        .hasMessageContaining("the directory is not empty");
    assertThat(keys("s3a://" + BUCKET + "/busy-dir")).containsExactly("busy-dir/blog.dir/keep.txt");
  }

  private static GenerateRequest directoryRequest(String output, String staging) {
    return SparkTestSupport.request(
            Path.of("unused"),
            42,
            3,
            io.datagen.job.plan.OutputFormat.DIRECTORY,
            io.datagen.job.plan.CompressionOption.parse("zstd:3"))
        .withOutput(output)
        .withStaging(staging, false);
  }

  private static final Set<String> WRITES =
      Set.of(
          "PutObject",
          "DeleteObject",
          "DeleteObjects",
          "CreateMultipartUpload",
          "UploadPart",
          "CompleteMultipartUpload",
          "AbortMultipartUpload");

  private static String prefix() {
    return "s3a://" + BUCKET + "/killed/";
  }

  /** {@code datagen generate} of the 16 MB events archive in a child JVM, paused before commit. */
  /**
   * Waits until the one incomplete upload of {@code key} holds {@code count} parts: the parts a
   * paused run has filled are uploaded in the background, one at a time.
   */
  private static void awaitParts(String key, int count, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (S3Client client = s3.client()) {
      while (true) {
        List<MultipartUpload> uploads = incompleteUploads(key);
        int parts =
            uploads.size() != 1
                ? 0
                : client
                    .listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploads.get(0).uploadId()))
                    .parts()
                    .size();
        if (parts >= count) {
          return;
        }
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the upload of "
                  + key
                  + " holds "
                  + parts
                  + " parts, not "
                  + count
                  + requestLog().get());
        }
        Thread.sleep(100);
      }
    }
  }

  private ChildJvm startRun(String key, String staging, String log) throws Exception {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xmx768m",
                "-Djavax.net.ssl.trustStore=" + s3.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-D" + FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS + "=600000"));
    s3.s3aSettings().forEach((k, value) -> options.add("-Dspark.hadoop." + k + "=" + value));
    List<String> command =
        ChildJvm.javaCommand(
            options,
            String.join(File.pathSeparator, ChildJvm.testClassPath()),
            "io.datagen.job.cli.DatagenCli",
            "generate",
            SparkTestSupport.resource("/cluster/events.json").toString(),
            "-o",
            "s3a://" + BUCKET + "/" + key,
            "--staging",
            "s3a://" + BUCKET + "/" + staging,
            "--seed",
            "5",
            "--master",
            "local[2]");
    return ChildJvm.start("datagen", command, Map.of(), dir.resolve(log));
  }

  /**
   * The S3 operations that wrote one key (PutObject and the multipart upload's calls), in order, as
   * S3Mock's log shows them; reads and listings left out.
   */
  private static List<String> writes(String key) throws IOException {
    return s3.requestsFor(BUCKET, key).stream()
        .map(S3MockServer.Request::operation)
        .filter(WRITES::contains)
        .toList();
  }

  /** The request log, for a failing assertion's description. */
  private static Supplier<String> requestLog() {
    return () -> {
      try {
        String log = s3.log();
        return "S3Mock log:\n" + log.substring(Math.max(0, log.length() - 20000));
      } catch (IOException e) {
        return "S3Mock log unreadable: " + e;
      }
    };
  }

  /** Multipart uploads begun and neither completed nor aborted, under a key prefix. */
  private static List<MultipartUpload> incompleteUploads(String keyPrefix) {
    try (S3Client client = s3.client()) {
      return client.listMultipartUploads(b -> b.bucket(BUCKET).prefix(keyPrefix)).uploads();
    }
  }

  private static byte[] read(String uri) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (InputStream in = path.getFileSystem(spark.hadoopConfiguration()).open(path)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      in.transferTo(bytes);
      return bytes.toByteArray();
    }
  }

  private static void write(String uri, byte[] bytes) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(uri);
    try (OutputStream out = path.getFileSystem(spark.hadoopConfiguration()).create(path, true)) {
      out.write(bytes);
    }
  }

  /** Every object key under a prefix (recursively), relative to the bucket. */
  private static List<String> keys(String prefix) throws IOException {
    org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(prefix);
    FileSystem fs = path.getFileSystem(spark.hadoopConfiguration());
    List<String> keys = new ArrayList<>();
    if (!fs.exists(path)) {
      return keys;
    }
    RemoteIterator<LocatedFileStatus> files = fs.listFiles(path, true);
    while (files.hasNext()) {
      keys.add(files.next().getPath().toUri().getPath().substring(1));
    }
    return keys;
  }
}
