package io.datagen.job.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;

/**
 * A Hadoop {@link Configuration} that travels to executors inside a task closure: the driver's
 * settings (S3A credentials, endpoints, buffer sizes, {@code spark.hadoop.*}) reach every executor
 * exactly as the driver saw them.
 */
public final class HadoopConf implements Serializable {
  private final byte[] serialized;
  private transient Configuration configuration;

  public HadoopConf(Configuration configuration) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      configuration.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot serialize Hadoop configuration", e);
    }
    this.serialized = bytes.toByteArray();
    this.configuration = configuration;
  }

  /**
   * The Hadoop configuration of a run without a Spark context. When every location is local, a bare
   * one (no default resources of its own) marked {@link HadoopFileSystems#LOCAL_ONLY}: its local
   * file system is made directly, without the service-file scan and the login that {@code
   * FileSystem.get} costs (docs/profiling.md). Otherwise Hadoop's defaults, as before.
   *
   * @param localOnly whether the output, staging and manifest are all local
   */
  static Configuration withoutSpark(boolean localOnly) {
    if (!localOnly) {
      return new Configuration();
    }
    Configuration local = new Configuration(false);
    local.setBoolean(HadoopFileSystems.LOCAL_ONLY, true);
    return local;
  }

  public Configuration get() {
    if (configuration == null) {
      Configuration restored = new Configuration(false);
      try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(serialized))) {
        restored.readFields(in);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot deserialize Hadoop configuration", e);
      }
      configuration = restored;
    }
    return configuration;
  }
}
