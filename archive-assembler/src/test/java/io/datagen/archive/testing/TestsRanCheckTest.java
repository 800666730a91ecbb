package io.datagen.archive.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests-ran check on a fake target directory: real compiled test classes, hand-written reports.
 */
class TestsRanCheckTest {
  private static final Instant START = Instant.parse("2026-12-07T12:00:00Z");
  private static final String GOLDEN = "io.datagen.archive.custom.GoldenArchiveTest";
  private static final String ROUND_TRIP = "io.datagen.archive.custom.RoundTripProperties";

  @TempDir Path target;

  private void compiled(String name) throws IOException {
    String file = name.replace('.', '/') + ".class";
    Path copy = target.resolve("test-classes").resolve(file);
    Files.createDirectories(copy.getParent());
    try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
      Files.write(copy, in.readAllBytes());
    }
  }

  private void report(String dir, String name, int tests, int skipped, Instant written)
      throws IOException {
    Path report = target.resolve(dir).resolve("TEST-" + name + ".xml");
    Files.createDirectories(report.getParent());
    Files.writeString(
        report,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\""
            + name
            + "\" time=\"0.1\" tests=\""
            + tests
            + "\" errors=\"0\" skipped=\""
            + skipped
            + "\" failures=\"0\"><properties/></testsuite>\n");
    Files.setLastModifiedTime(report, FileTime.from(written));
  }

  private TestsRanCheck.Result check(Set<String> groups, Set<String> excluded) throws IOException {
    return new TestsRanCheck(target, groups, excluded, false, START, getClass().getClassLoader())
        .run();
  }

  @Test
  void aClassWithoutAReportIsNamedAndOneWithTestsPasses() throws IOException {
    compiled(GOLDEN);
    compiled(ROUND_TRIP);
    compiled(PgTools.class.getName()); // a helper: no test methods, never expected
    report("surefire-reports", GOLDEN, 6, 0, START.plusSeconds(5));

    TestsRanCheck.Result result = check(Set.of(), Set.of("invariant-long"));

    assertThat(result.checked()).isEqualTo(2);
    assertThat(result.silent())
        .containsExactly(
            "io.datagen.archive.custom.RoundTripProperties"
                + " (e.g. RoundTripProperties.readerReturnsExactlyTheInput)");
  }

  @Test
  void staleEmptyAndAllSkippedReportsDoNotCount() throws IOException {
    compiled(GOLDEN);
    compiled(ROUND_TRIP);
    report("surefire-reports", GOLDEN, 6, 0, START.minusSeconds(1));
    report("failsafe-reports", ROUND_TRIP, 1, 1, START.plusSeconds(5));

    assertThat(check(Set.of(), Set.of()).silent()).hasSize(2);

    report("surefire-reports", GOLDEN, 6, 0, START.plusSeconds(5));
    report("failsafe-reports", ROUND_TRIP, 1, 0, START.plusSeconds(5));
    assertThat(check(Set.of(), Set.of()).silent()).isEmpty();
  }

  @Test
  void untaggedTestsAreNotExpectedWhenOnlyAGroupRuns() throws IOException {
    compiled(GOLDEN);
    TestsRanCheck.Result result = check(Set.of("invariant-long"), Set.of());
    assertThat(result.checked()).isZero();
    assertThat(result.silent()).isEmpty();
  }

  @Test
  void tagListsAreNamesNotExpressions() {
    assertThat(TestsRanCheck.tags(" a, b ,,")).containsExactlyInAnyOrder("a", "b");
    assertThat(TestsRanCheck.tags("")).isEmpty();
    assertThatThrownBy(() -> TestsRanCheck.tags("a & !b"))
        .hasMessage("Cannot evaluate tag expression (only comma-separated tag names): a & !b");
  }
}
