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
