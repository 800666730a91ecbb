package io.datagen.bench;

import io.datagen.archive.text.TextBuffer;
import io.datagen.job.encode.CopyRowSink;
import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.fake.Dictionaries;
import io.datagen.job.generate.fake.EmailValues;
import io.datagen.job.generate.fake.FullNameValues;
import io.datagen.job.generate.fake.PhoneValues;
import io.datagen.job.generate.fake.PickValues;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Values per second written as COPY text (one-column rows into a reused buffer), for datagen's
 * dictionary-backed generators and, as the baseline in the same run, Datafaker's own methods
 * writing the same kind of value into the same buffer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class GeneratorBenchmarks {
  static final int BATCH = 1_000;

  private final TextBuffer buffer = new TextBuffer(1 << 16);
  private final CopyRowSink sink = new CopyRowSink(buffer);
  private final RandomSource rng = new RandomSource(0x5eedL);
  private ValueSource firstNames;
  private ValueSource cities;
  private ValueSource fullNames;
  private ValueSource emails;
  private ValueSource uniqueEmails;
  private ValueSource phones;
  private Faker faker;
  private long row;

  @Setup(Level.Trial)
  public void setUp() {
    Dictionaries en = Dictionaries.of(Locale.ENGLISH);
    firstNames = new PickValues(en.firstNames);
    cities = new PickValues(en.cities);
    fullNames = new FullNameValues(en, 100);
    emails = new EmailValues(en, null, 255, 9, 1L);
    uniqueEmails = emails;
    phones = new PhoneValues(PhoneValues.Format.US);
    faker = new Faker(Locale.ENGLISH, new Random(1));
  }

  private void random(ValueSource source) {
    buffer.clear();
    long end = row + BATCH;
    for (long r = row; r < end; r++) {
      source.random(rng, r, sink);
      sink.endRow();
    }
    row = end;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenFirstName() {
    random(firstNames);
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenCity() {
    random(cities);
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenFullName() {
    random(fullNames);
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenEmail() {
    random(emails);
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenUniqueEmail() {
    buffer.clear();
    long end = row + BATCH;
    for (long r = row; r < end; r++) {
      uniqueEmails.emit(r % 1_000_000_000L, sink);
      sink.endRow();
    }
    row = end;
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datagenPhone() {
    random(phones);
    return buffer.length();
  }

  // ---- baseline: Datafaker's own methods, same buffer, same COPY escaping

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datafakerFirstName() {
    buffer.clear();
    for (int i = 0; i < BATCH; i++) {
      sink.text(faker.name().firstName());
      sink.endRow();
    }
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datafakerCity() {
    buffer.clear();
    for (int i = 0; i < BATCH; i++) {
      sink.text(faker.address().city());
      sink.endRow();
    }
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datafakerFullName() {
    buffer.clear();
    for (int i = 0; i < BATCH; i++) {
      sink.text(faker.name().fullName());
      sink.endRow();
    }
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datafakerEmail() {
    buffer.clear();
    for (int i = 0; i < BATCH; i++) {
      sink.text(faker.internet().emailAddress());
      sink.endRow();
    }
    return buffer.length();
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public int datafakerPhone() {
    buffer.clear();
    for (int i = 0; i < BATCH; i++) {
      sink.text(faker.phoneNumber().phoneNumber());
      sink.endRow();
    }
    return buffer.length();
  }
}
