package io.datagen.job.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.DatagenException;
import io.datagen.job.schema.Schema;
import io.datagen.job.testing.ChildJvm;
import io.datagen.job.testing.S3MockServer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Staging and output on {@code s3a://}, through Hadoop's S3A connector (hadoop-aws with the
 * individual AWS SDK v2 modules), against a real S3-compatible server on loopback (S3Mock over
 * HTTPS on 127.0.0.1): the archive is byte-identical to the local-filesystem one, the output object
 * appears only when complete (not after a failure, an abort or a kill), and staging is empty
 * afterwards.
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
    Schema schema = SparkTestSupport.blogSchema();
    Path local = dir.resolve("local.dump");
    GenerateJob.run(spark, schema, SparkTestSupport.request(local, 42, 4), null);

    String output = "s3a://" + BUCKET + "/archives/blog.dump";
    GenerateRequest request =
        SparkTestSupport.request(Path.of("unused"), 42, 4)
            .withOutput(output)
            .withStaging("s3a://" + BUCKET + "/staging", false)
            .withManifest("s3a://" + BUCKET + "/archives/blog.manifest.json");
    RunSummary summary = GenerateJob.run(spark, schema, request, null);

    byte[] fromS3 = read(output);
    assertThat(fromS3).isEqualTo(Files.readAllBytes(local));
    assertThat(summary.archiveBytes()).isEqualTo(fromS3.length);
    assertThat(keys("s3a://" + BUCKET + "/staging")).as("staging objects left").isEmpty();
    assertThat(keys("s3a://" + BUCKET + "/archives"))
        .containsExactlyInAnyOrder("archives/blog.dump", "archives/blog.manifest.json");
    assertThat(
            new String(
                read("s3a://" + BUCKET + "/archives/blog.manifest.json"), StandardCharsets.UTF_8))
        .contains("\"sha256\" : \"" + SchemaInput.sha256(fromS3) + "\"");

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
  void aRunFailingMidUploadLeavesTheExistingObjectAsItWas() throws Exception {
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

  @Test
  void anAbortedUploadNeverAppearsAndACommittedOneAppearsWhole() throws Exception {
    Configuration conf = spark.hadoopConfiguration();
    byte[] bytes = new byte[12 << 20]; // more than two 5 MiB parts: a real multipart upload
    new Random(7).nextBytes(bytes);

    OutputTarget aborted = OutputTarget.of("s3a://" + BUCKET + "/upload/aborted.bin", conf);
    OutputStream out = aborted.open();
    out.write(bytes);
    out.flush();
    aborted.abort();
    assertThat(keys("s3a://" + BUCKET + "/upload")).isEmpty();

    OutputTarget committed = OutputTarget.of("s3a://" + BUCKET + "/upload/committed.bin", conf);
    out = committed.open();
    out.write(bytes, 0, bytes.length / 2);
    assertThat(keys("s3a://" + BUCKET + "/upload")).as("visible before commit").isEmpty();
    out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
    committed.commit();
    assertThat(read("s3a://" + BUCKET + "/upload/committed.bin")).isEqualTo(bytes);
  }

  @Test
  void aRunKilledWithTheWholeArchiveUploadedButNotCommittedLeavesNoObject() throws Exception {
    String output = "s3a://" + BUCKET + "/killed/blog.dump";
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Xmx768m",
                "-Djavax.net.ssl.trustStore=" + s3.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-D" + FaultInjection.PAUSE_BEFORE_COMMIT_MILLIS + "=600000"));
    s3.s3aSettings().forEach((key, value) -> options.add("-Dspark.hadoop." + key + "=" + value));
    List<String> command =
        ChildJvm.javaCommand(
            options,
            String.join(File.pathSeparator, ChildJvm.testClassPath()),
            "io.datagen.job.cli.DatagenCli",
            "generate",
            SparkTestSupport.resource("/e2e/blog-core.json").toString(),
            "-o",
            output,
            "--staging",
            "s3a://" + BUCKET + "/killed-staging",
            "--seed",
            "5",
            "--master",
            "local[2]");
    try (ChildJvm run =
        ChildJvm.start("datagen", command, Map.of(), dir.resolve("killed-run.log"))) {
      run.awaitLog(Pattern.compile("pausing \\d+ ms before commit"), Duration.ofSeconds(180));
      assertThat(keys("s3a://" + BUCKET + "/killed"))
          .as("every byte sent, upload not completed")
          .isEmpty();
      run.kill();
    }
    assertThat(keys("s3a://" + BUCKET + "/killed")).isEmpty();
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
