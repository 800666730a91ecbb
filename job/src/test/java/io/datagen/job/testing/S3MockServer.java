package io.datagen.job.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.hadoop.conf.Configuration;

/**
 * Adobe's S3Mock (an S3-compatible server; the exec jar copied from Maven Central into {@code
 * target/s3mock}) as a child process. Its HTTPS port is bound to 127.0.0.1 and is the only one
 * used; its certificate is for {@code localhost}, which resolves to 127.0.0.1 here. (S3Mock always
 * opens a plain-HTTP port too, on an ephemeral port that Tomcat binds to every interface; nothing
 * talks to it.) Path-style access, dummy credentials, files under a temp dir.
 */
public final class S3MockServer implements AutoCloseable {
  public static final String ACCESS_KEY = "datagen-test";
  public static final String SECRET_KEY = "datagen-test-secret";

  private final ChildJvm process;
  private final int port;
  private final Path trustStore;

  private S3MockServer(ChildJvm process, int port, Path trustStore) {
    this.process = process;
    this.port = port;
    this.trustStore = trustStore;
  }

  public static S3MockServer start(Path workDir, String... buckets) throws Exception {
    Path jar = Path.of("target", "s3mock", "s3mock.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "Cannot find " + jar + ": run the build through Maven (copy-s3mock)");
    }
    Path root = Files.createDirectories(workDir.resolve("s3mock-root"));
    int port = freePort();
    List<String> command =
        ChildJvm.javaCommand(
            List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
            jar.toString(),
            "org.springframework.boot.loader.launch.JarLauncher",
            "--server.address=127.0.0.1",
            "--server.port=" + port,
            "--com.adobe.testing.s3mock.httpPort=0",
            "--com.adobe.testing.s3mock.store.root=" + root,
            "--com.adobe.testing.s3mock.store.initialBuckets=" + String.join(",", buckets),
            "--spring.main.banner-mode=off");
    ChildJvm process = ChildJvm.start("s3mock", command, Map.of(), workDir.resolve("s3mock.log"));
    try {
      process.awaitLog(Pattern.compile("Started S3MockApplication"), Duration.ofSeconds(120));
      return new S3MockServer(
          process, port, trustStoreFor(jar, workDir.resolve("s3mock-truststore.jks")));
    } catch (Exception | Error e) {
      process.close();
      throw e;
    }
  }

  public String endpoint() {
    return "https://localhost:" + port;
  }

  /**
   * A trust store holding only S3Mock's self-signed certificate (for {@code
   * javax.net.ssl.trustStore}).
   */
  public Path trustStore() {
    return trustStore;
  }

  /**
   * The S3A settings a user would put in spark-defaults (as {@code spark.hadoop.*}) for this
   * endpoint.
   */
  public Map<String, String> s3aSettings() {
    return Map.of(
        "fs.s3a.endpoint", endpoint(),
        "fs.s3a.endpoint.region", "us-east-1",
        "fs.s3a.path.style.access", "true",
        "fs.s3a.access.key", ACCESS_KEY,
        "fs.s3a.secret.key", SECRET_KEY,
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider",
        "fs.s3a.connection.ssl.enabled", "true",
        "fs.s3a.change.detection.mode", "none",
        "fs.s3a.bucket.probe", "0");
  }

  public void applyTo(Configuration conf) {
    s3aSettings().forEach(conf::set);
  }

  private static Path trustStoreFor(Path jar, Path out) throws Exception {
    KeyStore source = KeyStore.getInstance("JKS");
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry("BOOT-INF/classes/s3mock.jks");
      try (InputStream in = zip.getInputStream(entry)) {
        source.load(in, "password".toCharArray());
      }
    }
    Certificate certificate = source.getCertificate("selfsigned");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("s3mock", certificate);
    try (OutputStream stream = Files.newOutputStream(out)) {
      trust.store(stream, "changeit".toCharArray());
    }
    return out;
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.close();
  }
}
