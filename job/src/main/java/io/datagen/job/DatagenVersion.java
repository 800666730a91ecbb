package io.datagen.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The tool's version, from the build (resource {@code datagen-version.properties}). */
public final class DatagenVersion {
  public static final String VERSION = load();

  /** The pg_dump archive version datagen writes. */
  public static final String ARCHIVE_FORMAT = "1.14";

  private DatagenVersion() {}

  public static String describe() {
    return "datagen "
        + VERSION
        + " (archive format "
        + ARCHIVE_FORMAT
        + ", Spark "
        + sparkVersion()
        + ", Java "
        + Runtime.version()
        + ")";
  }

  public static String sparkVersion() {
    return org.apache.spark.package$.MODULE$.SPARK_VERSION();
  }

  private static String load() {
    try (InputStream in = DatagenVersion.class.getResourceAsStream("/datagen-version.properties")) {
      if (in == null) {
        throw new IllegalStateException("Cannot find datagen-version.properties on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read datagen-version.properties", e);
    }
  }
}
