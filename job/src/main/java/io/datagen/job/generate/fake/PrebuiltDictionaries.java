package io.datagen.job.generate.fake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The {@link Dictionaries} of the common locales, built once from Datafaker's data and shipped as a
 * resource: building them reads every YAML file of the locale and expands the composed lists, which
 * cost more than a small run's whole generation (1 to 2 s of CPU). The lists are a function of the
 * Datafaker version and the locale only, so reading them gives the same lists, hence the same
 * bytes; {@code PrebuiltDictionariesTest} checks that against a fresh build and tells how to
 * rewrite them.
 *
 * <p>Format (UTF-8, gzip): a line {@code datagen-dictionaries 1}, a line {@code datafaker VERSION},
 * then per list a line {@code list NAME COUNT} followed by its COUNT entries, one per line. A
 * resource written for another Datafaker version is ignored (the lists are built).
 */
public final class PrebuiltDictionaries {
  static final String FORMAT_LINE = "datagen-dictionaries 1";
  static final String RESOURCE_DIRECTORY = "/datagen/dictionaries/prebuilt/";

  /** The locales shipped: English as the default, en_US as schemas and templates spell it. */
  public static final Locale[] LOCALES = {Locale.ENGLISH, Locale.forLanguageTag("en-US")};

  private PrebuiltDictionaries() {}

  /** The resource name of a locale's lists. */
  static String resource(Locale locale) {
    return RESOURCE_DIRECTORY + locale.toLanguageTag() + ".txt.gz";
  }

  /**
   * The prebuilt lists of {@code locale} by name, or null when none are shipped for it or they were
   * written for another Datafaker version.
   */
  static Map<String, String[]> read(Locale locale) {
    String version = datafakerVersion();
    try (InputStream in = PrebuiltDictionaries.class.getResourceAsStream(resource(locale))) {
      if (in == null || version == null) {
        return null;
      }
      BufferedReader reader =
          new BufferedReader(
              new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8));
      if (!FORMAT_LINE.equals(reader.readLine())
          || !("datafaker " + version).equals(reader.readLine())) {
        return null;
      }
      Map<String, String[]> lists = new LinkedHashMap<>();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] header = line.split(" ");
        if (header.length != 3 || !header[0].equals("list")) {
          throw new IllegalStateException(
              "Invalid prebuilt dictionary "
                  + resource(locale)
                  + ": expected 'list NAME COUNT', got '"
                  + line
                  + "'");
        }
        String[] entries = new String[Integer.parseInt(header[2])];
        for (int i = 0; i < entries.length; i++) {
          entries[i] = reader.readLine();
          if (entries[i] == null) {
            throw new IllegalStateException(
                "Invalid prebuilt dictionary "
                    + resource(locale)
                    + ": list "
                    + header[1]
                    + " ends after "
                    + i
                    + " of "
                    + entries.length
                    + " entries");
          }
        }
        lists.put(header[1], entries);
      }
      return lists;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read prebuilt dictionary " + resource(locale), e);
    }
  }

  /** Writes the lists of {@code dictionaries} in the resource format. */
  static void write(Dictionaries dictionaries, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(new GZIPOutputStream(out), StandardCharsets.UTF_8);
    writer.write(FORMAT_LINE + "\n");
    writer.write("datafaker " + datafakerVersion() + "\n");
    for (Map.Entry<String, String[]> list : dictionaries.datafakerLists().entrySet()) {
      writer.write("list " + list.getKey() + " " + list.getValue().length + "\n");
      for (String entry : list.getValue()) {
        if (entry.indexOf('\n') >= 0 || entry.indexOf('\r') >= 0) {
          throw new IllegalArgumentException(
              "Cannot write dictionary "
                  + list.getKey()
                  + ": an entry holds a line break: "
                  + entry);
        }
        writer.write(entry + "\n");
      }
    }
    writer.close();
  }

  /**
   * The version of the Datafaker on the class path, from its Maven metadata (read without loading
   * Datafaker itself), or null if unknown.
   */
  static String datafakerVersion() {
    try (InputStream in =
        PrebuiltDictionaries.class.getResourceAsStream(
            "/META-INF/maven/net.datafaker/datafaker/pom.properties")) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }
}
