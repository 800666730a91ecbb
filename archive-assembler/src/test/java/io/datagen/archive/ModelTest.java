package io.datagen.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTest {

  @Test
  void versionBytesAbove127AreRefused() {
    assertThatThrownBy(() -> new ArchiveVersion(1, 14, 128))
        .hasMessage(
            "Cannot use archive version revision byte: 128 (pg_restore reads version bytes as signed char; use 0 to 127)");
    assertThatThrownBy(() -> new ArchiveVersion(1, 255, 0)).hasMessageContaining("minor byte: 255");
    assertThatThrownBy(() -> new ArchiveVersion(-1, 0, 0)).hasMessageContaining("major byte: -1");
    assertThat(ArchiveVersion.K_VERS_1_14.packed()).isEqualTo((1 * 256 + 14) * 256);
    assertThat(ArchiveVersion.K_VERS_1_16.isAtLeast(ArchiveVersion.K_VERS_1_14)).isTrue();
    assertThat(ArchiveVersion.K_VERS_1_12.isAtLeast(ArchiveVersion.K_VERS_1_13)).isFalse();
    assertThat(ArchiveVersion.K_VERS_1_15).hasToString("1.15.0");
  }

  @Test
  void enumsDecodeTheirCodesAndFailLoudly() {
    for (Section section : Section.values()) {
      assertThat(Section.fromCode(section.code())).isEqualTo(section);
    }
    for (OffsetFlag flag : OffsetFlag.values()) {
      assertThat(OffsetFlag.fromCode(flag.code())).isEqualTo(flag);
    }
    for (BlockType type : BlockType.values()) {
      assertThat(BlockType.fromCode(type.code())).isEqualTo(type);
    }
    for (ArchiveFormat format : ArchiveFormat.values()) {
      assertThat(ArchiveFormat.fromCode(format.code())).isEqualTo(format);
    }
    for (CompressionAlgorithm algorithm : CompressionAlgorithm.values()) {
      assertThat(CompressionAlgorithm.fromCode(algorithm.code())).isEqualTo(algorithm);
    }
    assertThat(Section.PRE_DATA.code()).isEqualTo(2);
    assertThat(OffsetFlag.NO_DATA.code()).isEqualTo(3);
    assertThatThrownBy(() -> Section.fromCode(5))
        .hasMessage("Cannot decode section: 5 (expected 1 to 4)");
    assertThatThrownBy(() -> OffsetFlag.fromCode(0))
        .hasMessageContaining("Cannot decode data offset flag: 0");
    assertThatThrownBy(() -> BlockType.fromCode(2))
        .hasMessageContaining("Cannot decode block type: 2");
    assertThatThrownBy(() -> ArchiveFormat.fromCode(5))
        .hasMessageContaining("Cannot decode archive format: 5");
    assertThatThrownBy(() -> CompressionAlgorithm.fromCode(4))
        .hasMessageContaining("Cannot decode compression algorithm: 4");
  }

  @Test
  void compressionLevels() {
    assertThat(Compression.gzip(-1).effectiveLevel()).isEqualTo(6);
    assertThat(Compression.gzip(9).headerLevel()).isEqualTo(9);
    assertThat(Compression.none().headerLevel()).isZero();
    assertThat(Compression.fromHeaderLevel(0)).isEqualTo(Compression.none());
    assertThat(Compression.fromHeaderLevel(-1)).isEqualTo(Compression.gzip(-1));
    assertThat(Compression.gzip(3)).hasToString("gzip:3");
    assertThat(Compression.none()).hasToString("none");
    assertThat(Compression.fromAlgorithm(CompressionAlgorithm.NONE)).isEqualTo(Compression.none());
    assertThatThrownBy(() -> Compression.gzip(0))
        .hasMessageContaining("Cannot create gzip compression with level: 0");
    assertThatThrownBy(() -> Compression.gzip(10)).hasMessageContaining("level: 10");
    assertThatThrownBy(() -> Compression.fromHeaderLevel(10))
        .hasMessageContaining("Cannot decode compression level: 10");
    assertThatThrownBy(() -> new Compression(CompressionAlgorithm.NONE, 3))
        .hasMessageContaining("none with level: 3");
    assertThatThrownBy(() -> new Compression(null, 0)).hasMessageContaining("algorithm is null");
    assertThatThrownBy(() -> new Compression(CompressionAlgorithm.LZ4, 13))
        .hasMessageContaining("lz4 compression with level: 13");
    assertThatThrownBy(() -> Compression.zstd(0))
        .hasMessageContaining("zstd compression with level: 0");
    assertThat(Compression.lz4(9)).hasToString("lz4:9");
    assertThat(Compression.zstd(-1)).hasToString("zstd");
    assertThat(Compression.zstd(-1).effectiveLevel()).isEqualTo(3);
    assertThat(Compression.lz4(-1).effectiveLevel()).isEqualTo(1);
    assertThat(Compression.zstd(3).fitsVersion114()).isFalse();
    assertThat(Compression.gzip(3).fitsVersion114()).isTrue();
    assertThatThrownBy(() -> Compression.fromAlgorithm(CompressionAlgorithm.ZSTD).headerLevel())
        .hasMessageContaining("Cannot write ZSTD in a 1.14 header");
  }

  @Test
  void headerValidates() {
    LocalDateTime time = LocalDateTime.of(2020, 1, 2, 3, 4, 5, 999);
    assertThat(ArchiveHeader.of(Compression.none(), time, "d", "s", "p").creationTime().getNano())
        .isZero();
    assertThatThrownBy(() -> ArchiveHeader.of(Compression.none(), null, "d", "s", "p"))
        .hasMessageContaining("creation time is null");
    assertThatThrownBy(() -> ArchiveHeader.of(Compression.none(), time, null, "s", "p"))
        .hasMessageContaining("database name is null");
    assertThatThrownBy(
            () -> ArchiveHeader.of(Compression.none(), time.withYear(1800), "d", "s", "p"))
        .hasMessageContaining("tm_year counts from 1900");
  }

  @Test
  void tocEntryDefaultsAndValidation() {
    TocEntry entry = TocEntry.builder(7, "TABLE", Section.PRE_DATA).tag("t").build();
    assertThat(entry.owner()).isEmpty();
    assertThat(entry.tableOid()).isEqualTo("0");
    assertThat(entry.oid()).isEqualTo("0");
    assertThat(entry.defn()).isNull();
    assertThat(entry.isTableData()).isFalse();
    assertThat(entry.toBuilder().owner("bob").build().owner()).isEqualTo("bob");
    assertThat(TocEntry.builder(1, "X", Section.NONE).build().tag()).isEqualTo("X");
    assertThatThrownBy(() -> TocEntry.builder(0, "TABLE", Section.PRE_DATA).build())
        .hasMessage("Cannot create TOC entry with dumpId: 0 (must be > 0)");
    assertThatThrownBy(() -> TocEntry.builder(1, null, Section.PRE_DATA).build())
        .hasMessageContaining("with desc: NULL");
    assertThatThrownBy(() -> TocEntry.builder(1, "", Section.PRE_DATA).build())
        .hasMessageContaining("with desc: \"\"");
    assertThatThrownBy(() -> TocEntry.builder(1, "TABLE", Section.PRE_DATA).oid(null).build())
        .hasMessageContaining("oid is NULL");
    assertThatThrownBy(() -> TocEntry.builder(1, "TABLE", Section.PRE_DATA).tableOid(null).build())
        .hasMessageContaining("tableOid is NULL");
    assertThatThrownBy(() -> TocEntry.builder(1, "TABLE", Section.PRE_DATA).tag(null).build())
        .hasMessageContaining("tag is NULL");
    assertThatThrownBy(() -> TocEntry.builder(1, "TABLE", null).build())
        .hasMessageContaining("section is null");
    assertThatThrownBy(() -> TocEntry.builder(1, "TABLE", Section.PRE_DATA).dependsOn(0).build())
        .hasMessageContaining("dependency: 0");
    assertThatThrownBy(
            () -> TocEntry.builder(1, "TABLE DATA", Section.PRE_DATA).hadDumper(true).build())
        .hasMessageContaining("with data in section: PRE_DATA");
    assertThatThrownBy(
            () ->
                new TocEntry(
                    1,
                    false,
                    "0",
                    "0",
                    "t",
                    "T",
                    Section.NONE,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessageContaining("dependencies is null");
    TocEntry withDeps =
        TocEntry.builder(2, "TABLE DATA", Section.DATA)
            .hadDumper(true)
            .dependencies(List.of(1, 1))
            .build();
    assertThat(withDeps.dependencies()).containsExactly(1, 1);
    assertThat(withDeps.isTableData()).isTrue();
  }
}
