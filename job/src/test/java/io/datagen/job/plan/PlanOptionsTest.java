package io.datagen.job.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datagen.job.schema.ColumnSpec;
import io.datagen.job.schema.DatabaseSpec;
import io.datagen.job.schema.PgType;
import io.datagen.job.schema.QualifiedName;
import io.datagen.job.schema.Schema;
import io.datagen.job.schema.TableSpec;
import io.datagen.job.schema.TypeKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanOptionsTest {
  private static TableSpec table(String name, long rows) {
    ColumnSpec id =
        new ColumnSpec(
            "id",
            PgType.of(TypeKind.INTEGER),
            false,
            0,
            null,
            false,
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            "$.tables." + name + ".columns.id");
    return new TableSpec(
        QualifiedName.parse(name),
        List.of(id),
        rows,
        List.of("id"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        "$.tables." + name);
  }

  private static final Schema SCHEMA =
      new Schema(
          "1.0",
          new DatabaseSpec("db", "UTF8", null),
          List.of(table("a", 10), table("b", 0), table("c", 25)),
          List.of(),
          List.of(),
          List.of());

  @Test
  void segmentsAreFixedRowRangesPerTable() {
    List<Segment> segments = SegmentPlanner.segments(SCHEMA, 8);
    assertThat(segments)
        .containsExactly(
            new Segment(0, 0, 0, 8),
            new Segment(0, 1, 8, 2),
            new Segment(2, 0, 0, 8),
            new Segment(2, 1, 8, 8),
            new Segment(2, 2, 16, 8),
            new Segment(2, 3, 24, 1));
    assertThatThrownBy(() -> SegmentPlanner.segments(SCHEMA, 0)).hasMessageContaining("at least 1");
  }

  @Test
  void partitionsDealSegmentsRoundRobinAndDropEmptyGroups() {
    List<Segment> segments = SegmentPlanner.segments(SCHEMA, 8);
    assertThat(SegmentPlanner.partition(segments, 4))
        .hasSize(4)
        .allSatisfy(group -> assertThat(group).isNotEmpty());
    assertThat(SegmentPlanner.partition(segments, 100)).hasSize(segments.size());
    assertThat(SegmentPlanner.partition(List.of(), 3)).isEmpty();
    assertThat(SegmentPlanner.partition(segments, 2).stream().mapToInt(List::size).sum())
        .isEqualTo(segments.size());
    assertThatThrownBy(() -> SegmentPlanner.partition(segments, 0))
        .hasMessageContaining("at least 1");
  }

  @Test
  void compressionOptionParsesPgDumpSpellings() {
    assertThat(CompressionOption.parse("none")).isEqualTo(CompressionOption.NONE);
    assertThat(CompressionOption.parse("0")).isEqualTo(CompressionOption.NONE);
    assertThat(CompressionOption.parse("gzip")).isEqualTo(CompressionOption.DEFAULT_GZIP);
    assertThat(CompressionOption.parse("gzip:9").level()).isEqualTo(9);
    assertThat(CompressionOption.parse(" 3 ").level()).isEqualTo(3);
    assertThat(CompressionOption.parse("gzip:1").toString()).isEqualTo("gzip:1");
    assertThatThrownBy(() -> CompressionOption.parse("gzip:0")).hasMessageContaining("use 'none'");
    assertThatThrownBy(() -> CompressionOption.parse("10")).hasMessageContaining("0..9");
    assertThat(CompressionOption.parse("zstd").toString()).isEqualTo("zstd:3");
    assertThat(CompressionOption.parse("ZSTD:19").level()).isEqualTo(19);
    assertThat(CompressionOption.parse("zstd:1").readableByEveryPgRestore()).isFalse();
    assertThat(CompressionOption.parse("gzip:1").readableByEveryPgRestore()).isTrue();
    assertThatThrownBy(() -> CompressionOption.parse("zstd:0")).hasMessageContaining("1..22");
    assertThatThrownBy(() -> CompressionOption.parse("zstd:x"))
        .hasMessageContaining("expected none");
    assertThat(CompressionOption.parse("lz4").toString()).isEqualTo("lz4:1");
    assertThat(CompressionOption.parse("lz4:9").readableByEveryPgRestore()).isFalse();
    assertThatThrownBy(() -> CompressionOption.parse("lz4:13")).hasMessageContaining("1..12");
    assertThatThrownBy(() -> CompressionOption.parse("brotli"))
        .hasMessageContaining("Invalid compression");
  }

  @Test
  void outputFormatsByName() {
    assertThat(OutputFormat.fromText("COPY")).isEqualTo(OutputFormat.COPY);
    assertThat(OutputFormat.SQL.id()).isEqualTo("sql");
    assertThat(OutputFormat.fromText(" Directory ")).isEqualTo(OutputFormat.DIRECTORY);
    assertThat(OutputFormat.DIRECTORY.isArchive()).isTrue();
    assertThat(OutputFormat.COPY.isArchive()).isFalse();
    assertThatThrownBy(() -> OutputFormat.fromText("tar"))
        .hasMessageContaining("custom, directory, copy, sql");
  }

  @Test
  void compatReadersAndTheFastestCodecTheyRead() {
    assertThat(CompressionOption.parse("zstd").readableBy(15)).isFalse();
    assertThat(CompressionOption.parse("zstd").readableBy(16)).isTrue();
    assertThat(CompressionOption.parse("gzip:9").readableBy(12)).isTrue();
    assertThat(CompressionOption.fastestFor(14)).hasToString("gzip:1");
    assertThat(CompressionOption.fastestFor(16)).hasToString("lz4:1");
    assertThatThrownBy(() -> CompressionOption.fastestFor(9))
        .hasMessageContaining("Invalid --compat 9");
  }

  @Test
  void referenceTimePrecedence() {
    Instant now = Instant.parse("2030-05-05T05:05:05Z");
    assertThat(
            RunClock.referenceTime(
                "2024-02-03T04:05:06Z", true, Map.of("SOURCE_DATE_EPOCH", "0"), now))
        .isEqualTo(Instant.parse("2024-02-03T04:05:06Z"));
    assertThat(RunClock.referenceTime("2024-02-03", false, Map.of(), now))
        .isEqualTo(Instant.parse("2024-02-03T00:00:00Z"));
    assertThat(RunClock.referenceTime("2024-02-03T01:02:03", false, Map.of(), now))
        .isEqualTo(Instant.parse("2024-02-03T01:02:03Z"));
    assertThat(RunClock.referenceTime(null, false, Map.of("SOURCE_DATE_EPOCH", "86400"), now))
        .isEqualTo(Instant.parse("1970-01-02T00:00:00Z"));
    assertThat(RunClock.referenceTime(null, true, Map.of(), now)).isEqualTo(RunClock.SEEDED_EPOCH);
    assertThat(RunClock.referenceTime(null, false, Map.of(), now)).isEqualTo(now);
    assertThatThrownBy(
            () -> RunClock.referenceTime(null, true, Map.of("SOURCE_DATE_EPOCH", "yesterday"), now))
        .hasMessageContaining("SOURCE_DATE_EPOCH");
    assertThatThrownBy(() -> RunClock.referenceTime("soon", true, Map.of(), now))
        .hasMessageContaining("--timestamp");
  }

  @Test
  void seedIsTheGivenOneOrANonNegativeRandomOne() {
    assertThat(RunClock.seed(42L)).isEqualTo(42);
    assertThat(RunClock.seed(null)).isNotNegative();
  }
}
