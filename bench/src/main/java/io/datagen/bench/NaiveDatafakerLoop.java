package io.datagen.bench;

import java.io.BufferedWriter;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import net.datafaker.Faker;

/**
 * The baseline of issue 12: what one writes without datagen -- one thread, Datafaker's own calls
 * for the customers table's columns, tab-separated lines through a {@link GZIPOutputStream} (zlib
 * level 6, like gzip:6), into a stream that only counts.
 */
public final class NaiveDatafakerLoop {
  /**
   * @param rows lines written
   * @param rawBytes the text before compression
   * @param compressedBytes the gzip stream's size
   * @param nanos wall time of the whole loop
   */
  public record Result(long rows, long rawBytes, long compressedBytes, long nanos) {
    public double seconds() {
      return nanos / 1e9;
    }

    public double megabytesPerSecond() {
      return Units.megabytesPerSecond(rawBytes, nanos);
    }
  }

  private NaiveDatafakerLoop() {}

  public static Result run(long rows, long seed) throws IOException {
    Faker faker = new Faker(Locale.ENGLISH, new Random(seed));
    CountingStream compressed = new CountingStream(OutputStream.nullOutputStream());
    CountingStream raw = new CountingStream(new GZIPOutputStream(compressed, 1 << 16));
    long started = System.nanoTime();
    try (Writer out =
        new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16)) {
      for (long id = 1; id <= rows; id++) {
        out.write(Long.toString(id));
        column(out, faker.name().firstName());
        column(out, faker.name().lastName());
        column(out, faker.internet().emailAddress());
        column(out, faker.phoneNumber().cellPhone());
        column(out, faker.address().streetAddress());
        column(out, faker.address().city());
        column(out, faker.address().zipCode());
        column(out, faker.address().countryCode());
        column(out, faker.timeAndDate().birthday().toString());
        column(out, Double.toString(faker.number().randomDouble(2, 0, 50_000)));
        column(out, faker.bool().bool() ? "t" : "f");
        column(out, faker.timeAndDate().past(3650, TimeUnit.DAYS).toString());
        column(out, faker.timeAndDate().past(365, TimeUnit.DAYS).toString());
        out.write('\n');
      }
    }
    return new Result(rows, raw.count, compressed.count, System.nanoTime() - started);
  }

  private static void column(Writer out, String value) throws IOException {
    out.write('\t');
    out.write(value);
  }

  /** Counts the bytes passing through. */
  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      out.write(bytes, offset, length);
      count += length;
    }
  }
}
