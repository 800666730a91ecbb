package io.datagen.job.generate.fake;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.generate.values.Chars;
import io.datagen.job.sink.TextTable;
import io.datagen.job.sink.ValueSink;

/**
 * Street lines, {@code 742 Evergreen Terrace}: a building number from the locale's shapes and a
 * street name.
 */
public final class AddressValues extends ValueSource {
  private final TextTable streets;
  private final PatternCodes numbers;
  private final String[] numberShapes;
  private final int max;
  private final Chars scratch = new Chars(96);

  public AddressValues(Dictionaries dictionaries, int max) {
    this.streets = TextTable.of(dictionaries.streets);
    this.numberShapes = dictionaries.buildingNumberPatterns;
    this.numbers = new PatternCodes(numberShapes, true);
    this.max = max;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    // Building number on draws 1.. of a shifted row position, the street on draw 0 of the row.
    CharSequence number =
        numbers.fill(rng, row, numberShapes[rng.nextInt(row, 20, numberShapes.length)]);
    scratch.clear();
    for (int i = 0; i < number.length(); i++) {
      scratch.append(number.charAt(i));
    }
    scratch.append(' ').append(streets, rng.nextInt(row, 0, streets.size()));
    out.text(scratch.fit(max));
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException("Cannot enumerate addresses");
  }
}
