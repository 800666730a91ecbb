package io.datagen.job.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.archive.testing.PgTools;
import io.datagen.job.testing.S3MockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The launcher a user runs ({@code submit/datagen}, on the packaged jar and {@code job/target/lib})
 * writing to an S3-compatible server (S3Mock over HTTPS on 127.0.0.1), configured as a user would:
 * S3A settings as {@code -Dspark.hadoop.fs.s3a.*} and the trust store in {@code DATAGEN_JAVA_OPTS},
 * credentials in the AWS environment variables. S3A comes from {@code job/target/lib} alone.
 */
class S3LauncherIT {
  private static final Path ROOT =
      Path.of(System.getProperty("datagen.root", "..")).toAbsolutePath().normalize();
  private static final Path LAUNCHER = ROOT.resolve("submit/datagen");
  private static final String BUCKET = "datagen";
  private static final String GENERATE = " generate --template blog --param scale=0.1 --seed 3 -q";

  @TempDir static Path dir;
  private static S3MockServer s3;

  @BeforeAll
  static void start() throws Exception {
    s3 = S3MockServer.start(dir, BUCKET);
  }

  @AfterAll
  static void stop() {
    if (s3 != null) {
      s3.close();
    }
  }

  record Result(int exitCode, String err) {}

  /** Runs {@code command} in bash in the temp dir, with the S3 settings in the environment. */
  private static Result shell(String command) throws Exception {
    List<String> options =
        new ArrayList<>(
            List.of(
                "-Djavax.net.ssl.trustStore=" + s3.trustStore(),
                "-Djavax.net.ssl.trustStorePassword=changeit",
                "-Djavax.net.ssl.trustStoreType=PKCS12"));
    s3.s3aSettings().entrySet().stream()
        .filter(e -> !e.getKey().contains("access.key") && !e.getKey().contains("secret.key"))
        .filter(e -> !e.getKey().equals("fs.s3a.aws.credentials.provider"))
        .forEach(e -> options.add("-Dspark.hadoop." + e.getKey() + "=" + e.getValue()));
    options.add(
        "-Dspark.hadoop.fs.s3a.aws.credentials.provider="
            + "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider");
    Path err = dir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(List.of("bash", "-c", command))
            .directory(dir.toFile())
            .redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(err.toFile());
    builder
        .environment()
        .putAll(
            Map.of(
                "DATAGEN_JAVA_OPTS", String.join(" ", options),
                "AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY,
                "AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY));
    Process process = builder.start();
    assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished: " + command).isTrue();
    return new Result(process.exitValue(), Files.readString(err));
  }

  @Test
  void theLauncherWritesTheArchiveToS3AndStagesOnS3() throws Exception {
    assertThat(ROOT.resolve("job/target/lib"))
        .as("S3A on the launcher's class path")
        .isDirectoryContaining("glob:**/hadoop-aws-*.jar")
        .isDirectoryContaining("glob:**/s3-2*.jar");
    Result local = shell(LAUNCHER + GENERATE + " -o local.dump");
    assertThat(local.exitCode()).as(local.err()).isZero();

    Result toS3 = shell(LAUNCHER + GENERATE + " -o s3a://" + BUCKET + "/launcher/blog.dump");
    assertThat(toS3.exitCode()).as(toS3.err()).isZero();
    assertThat(toS3.err()).isEmpty();
    Path downloaded = dir.resolve("downloaded.dump");
    try (S3Client client = s3.client()) {
      client.getObject(b -> b.bucket(BUCKET).key("launcher/blog.dump"), downloaded);
    }
    assertThat(Files.readAllBytes(downloaded)).isEqualTo(Files.readAllBytes(local()));
    assertThat(PgTools.pgRestoreList(downloaded).orThrow().stdoutText())
        .contains("TABLE DATA public comments");

    Result staged =
        shell(
            LAUNCHER
                + GENERATE
                + " -o staged.dump --staging s3a://"
                + BUCKET
                + "/launcher-staging --partitions 3");
    assertThat(staged.exitCode()).as(staged.err()).isZero();
    assertThat(Files.readAllBytes(dir.resolve("staged.dump")))
        .isEqualTo(Files.readAllBytes(local()));
    assertThat(s3.log())
        .as("pieces staged on S3")
        .contains("PUT \"/" + BUCKET + "/launcher-staging/.datagen-staging-");
    try (S3Client client = s3.client();
        Stream<S3Object> left =
            client
                .listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix("launcher-staging/"))
                .contents()
                .stream()) {
      assertThat(left.map(S3Object::key))
          .as("staging removed")
          .allMatch(k -> !k.contains(".pieces"));
    }
  }

  private static Path local() {
    return dir.resolve("local.dump");
  }
}
