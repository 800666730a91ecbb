package io.datagen.job.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.apache.hadoop.conf.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

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
            "--spring.main.banner-mode=off",
            // One line per request (method, path and query: the S3 operation) and the controller
            // method that served it, so tests can read from the server's own log which calls came.
            "--logging.level.org.springframework.web.servlet.DispatcherServlet=DEBUG",
            "--logging.level.org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping=DEBUG");
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
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("fs.s3a.endpoint", endpoint());
    settings.put("fs.s3a.endpoint.region", "us-east-1");
    settings.put("fs.s3a.path.style.access", "true");
    settings.put("fs.s3a.access.key", ACCESS_KEY);
    settings.put("fs.s3a.secret.key", SECRET_KEY);
    settings.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    settings.put("fs.s3a.connection.ssl.enabled", "true");
    settings.put("fs.s3a.change.detection.mode", "none");
    settings.put("fs.s3a.bucket.probe", "0");
    // S3's smallest part (the default is 64 MB): a stream uploads a part each time it has buffered
    // PART_SIZE bytes, while it is being written, so an archive over 10 MiB goes up as a multipart
    // upload of three or more parts that only close() completes. Buffered on disk, as by default.
    settings.put("fs.s3a.multipart.size", "5M");
    settings.put("fs.s3a.fast.upload.buffer", "disk");
    // One part in flight per stream (the default is 4): a write that fills a part waits until the
    // part before it is uploaded, so once a write returns, every full part but the last one is on
    // the server -- what lets a test kill a run and know which parts S3 has.
    settings.put("fs.s3a.fast.upload.active.blocks", "1");
    return settings;
  }

  /** S3's smallest multipart part, which {@link #s3aSettings()} makes S3A upload in. */
  public static final long PART_SIZE = 5L << 20;

  /** One request the server received, as its log shows it. */
  public record Request(String operation, String method, String path, String query) {
    /** The multipart upload the request belongs to ({@code uploadId=}), or null. */
    public String uploadId() {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith("uploadId=")) {
          return parameter.substring("uploadId=".length());
        }
      }
      return null;
    }
  }

  // 2025-… DEBUG 123 --- [s3mock] [nio-1234-exec-5] o.s.web.servlet.DispatcherServlet : PUT
  // "/b/k?partNumber=1&uploadId=…", parameters=…
  private static final Pattern DISPATCHED =
      Pattern.compile(
          "\\[\\s*([^\\]]+)\\] \\S*DispatcherServlet\\s*: ([A-Z]+) \"([^\"?]*)\\??([^\"]*)\"");
  // … [nio-1234-exec-5] s.w.s.m.m.a.RequestMappingHandlerMapping : Mapped to
  // com.adobe.testing.s3mock.MultipartController#uploadPart(…)
  private static final Pattern MAPPED =
      Pattern.compile(
          "\\[\\s*([^\\]]+)\\] \\S*RequestMappingHandlerMapping\\s*: Mapped to \\S+#(\\w+)\\(");

  /**
   * Every request for one object that the server's log shows, in order, each named by the S3
   * operation S3Mock served it with ({@code CreateMultipartUpload}, {@code UploadPart}, {@code
   * CompleteMultipartUpload}, {@code AbortMultipartUpload}, {@code PutObject}, …): a request line
   * of Spring's DispatcherServlet, paired with the next handler-mapping line of the same thread.
   */
  public List<Request> requestsFor(String bucket, String key) throws IOException {
    String path = "/" + bucket + "/" + key;
    return requests(path::equals);
  }

  /** As {@link #requestsFor}, for every object whose key starts with {@code keyPrefix}. */
  public List<Request> requestsUnder(String bucket, String keyPrefix) throws IOException {
    String prefix = "/" + bucket + "/" + keyPrefix;
    return requests(path -> path.startsWith(prefix));
  }

  private List<Request> requests(java.util.function.Predicate<String> paths) throws IOException {
    Map<String, String[]> pending = new HashMap<>();
    List<Request> requests = new ArrayList<>();
    for (String line : process.log().lines().toList()) {
      Matcher request = DISPATCHED.matcher(line);
      if (request.find()) {
        pending.put(
            request.group(1).strip(),
            new String[] {request.group(2), request.group(3), request.group(4)});
        continue;
      }
      Matcher mapped = MAPPED.matcher(line);
      if (mapped.find()) {
        String[] seen = pending.remove(mapped.group(1).strip());
        if (seen != null && paths.test(seen[1])) {
          String method = mapped.group(2);
          String operation = Character.toUpperCase(method.charAt(0)) + method.substring(1);
          requests.add(new Request(operation, seen[0], seen[1], seen[2]));
        }
      }
    }
    return requests;
  }

  /** The server's log (its stdout and stderr). */
  public String log() throws IOException {
    return process.log();
  }

  /**
   * An AWS SDK client for this server, for what S3A does not show: incomplete multipart uploads
   * ({@code ListMultipartUploads}, {@code ListParts}). It trusts S3Mock's certificate itself,
   * whatever this JVM's trust store.
   */
  public S3Client client() {
    TrustManager[] trust;
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(trustStore)) {
        store.load(in, "changeit".toCharArray());
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      trust = factory.getTrustManagers();
    } catch (Exception e) {
      throw new IllegalStateException("Cannot read " + trustStore, e);
    }
    return S3Client.builder()
        .endpointOverride(URI.create(endpoint()))
        .region(Region.US_EAST_1)
        .forcePathStyle(true)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .httpClientBuilder(ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trust))
        .build();
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
