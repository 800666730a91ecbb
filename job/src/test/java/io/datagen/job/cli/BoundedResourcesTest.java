package io.datagen.job.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impossible is refused with a message before any work starts, never with a crash. */
class BoundedResourcesTest {
  @TempDir Path dir;

  private Path schema(String tables) throws Exception {
    Path file = dir.resolve("schema.json");
    Files.writeString(
        file,
        "{\"version\": \"1.0\", \"database\": {\"name\": \"big\"}, \"tables\": {" + tables + "}}");
    return file;
  }

  private static String table(String name, String rows, String columns) {
    return "\"" + name + "\": {\"row_count\": " + rows + ", \"columns\": {" + columns + "}}";
  }

  @Test
  void aPatternWhoseShortestMatchIsAGigabyteIsASchemaError() throws Exception {
    Path schema =
        schema(
            table(
                "t",
                "10",
                "\"a\": {\"type\": \"text\", \"generator\": \"pattern\", \"generator_config\":"
                    + " {\"pattern\": \"((a{1000}){1000}){1000}\"}}"));
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("its shortest match has 1,000,000,000 characters")
        .contains("at most 100,000");
  }

  @Test
  void rowCountsThatOverflowTogetherAreASchemaError() throws Exception {
    String rows = Long.toString(1L << 62);
    String column = "\"a\": {\"type\": \"integer\"}";
    Path schema =
        schema(
            String.join(
                ", ",
                table("a", rows, column),
                table("b", rows, column),
                table("c", rows, column),
                table("d", rows, column)));
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err()).contains("more than 9,223,372,036,854,775,807 rows together");
  }

  @Test
  void aDryRunOfTenTrillionRowsCountsWithoutPlanning() throws Exception {
    Path schema = schema(table("huge", "10000000000000", "\"a\": {\"type\": \"integer\"}"));
    DatagenCliTest.Run run =
        DatagenCliTest.run("generate", schema.toString(), "--dry-run", "--seed", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err())
        .contains("152,587,891 segments of up to 65,536 rows")
        .contains("10,000,000,000,000 rows");
  }

  @Test
  void aPlanTooBigForTheDriverIsRefusedBeforeSparkStarts() throws Exception {
    Path schema = schema(table("huge", "10000000000000", "\"a\": {\"type\": \"integer\"}"));
    DatagenCliTest.Run run =
        DatagenCliTest.run(
            "generate", schema.toString(), "-o", dir.resolve("x.dump").toString(), "--seed", "1");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip())
        .isEqualTo(
            "datagen: Cannot plan 152,587,891 segments of up to 65,536 rows: the driver keeps a"
                + " record of every segment and plans at most 10,000,000; use --segment-rows"
                + " 1000001 or more (see datagen generate --help)");
  }

  @Test
  void aNulCharacterAnywhereIsASchemaError() throws Exception {
    Path schema =
        schema(
            table(
                "t",
                "10",
                "\"a\": {\"type\": \"text\", \"generator\": \"enum\", \"generator_config\":"
                    + " {\"values\": [\"x\\u0000y\"]}}"));
    DatagenCliTest.Run run = DatagenCliTest.run("validate", schema.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out() + run.err())
        .contains("generator_config.values[0]")
        .contains("NUL character (\\u0000), which PostgreSQL cannot store");
  }
}
