package io.datagen.job.generate.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped dictionaries are exactly what Datafaker's data builds, so reading them instead never
 * changes a byte. After a Datafaker upgrade this fails; rewrite them with
 *
 * <pre>
 * mvn -B -o -pl job -am test -Dtest=PrebuiltDictionariesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddatagen.dictionaries.write=$PWD/job/src/main/resources/datagen/dictionaries/prebuilt
 * </pre>
 *
 * (then run it again without the property: the resources are read from the class path).
 */
class PrebuiltDictionariesTest {
  @Test
  void theShippedListsAreWhatDatafakerBuilds() throws Exception {
    String writeTo = System.getProperty("datagen.dictionaries.write");
    if (writeTo != null) {
      for (Locale locale : PrebuiltDictionaries.LOCALES) {
        Path file = Path.of(writeTo, locale.toLanguageTag() + ".txt.gz");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
          PrebuiltDictionaries.write(Dictionaries.build(locale), out);
        }
      }
    }
    for (Locale locale : PrebuiltDictionaries.LOCALES) {
      Dictionaries built = Dictionaries.build(locale);
      Map<String, String[]> shipped = PrebuiltDictionaries.read(locale);
      assertThat(shipped)
          .as(
              "prebuilt dictionaries for %s (Datafaker %s): rewrite them, see this test's comment",
              locale, PrebuiltDictionaries.datafakerVersion())
          .isNotNull();
      assertThat(shipped.keySet()).containsExactlyElementsOf(built.datafakerLists().keySet());
      built
          .datafakerLists()
          .forEach(
              (name, list) ->
                  assertThat(shipped.get(name)).as("%s %s", locale, name).containsExactly(list));
      Dictionaries read = Dictionaries.of(locale);
      assertThat(read.firstNames).isNotSameAs(built.firstNames).containsExactly(built.firstNames);
      assertThat(read.cities).containsExactly(built.cities);
      assertThat(read.asciiLastNames).containsExactly(built.asciiLastNames);
    }
  }

  @Test
  void aLocaleWithoutPrebuiltListsIsBuilt() {
    Locale german = Locale.GERMANY;
    assertThat(PrebuiltDictionaries.read(german)).isNull();
    assertThat(Dictionaries.of(german).firstNames)
        .containsExactly(Dictionaries.build(german).firstNames);
  }
}
