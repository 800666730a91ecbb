package io.datagen.job.leftovers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeftoverNameTest {
  private static final RunId RUN = new RunId("0a1b2c3d4e5f", Instant.parse("2026-12-07T21:05:09Z"));

  @Test
  void stagingNameCarriesTheRunIdAndStartTimeAndReadsBack() {
    assertThat(RUN.stagingName()).isEqualTo(".datagen-staging-0a1b2c3d4e5f-20261207T210509Z");
    assertThat(LeftoverName.parse(RUN.stagingName()))
        .contains(new LeftoverName(LeftoverName.Kind.STAGING, null, RUN));
  }

  @Test
  void temporaryNameCarriesTheOutputNameRunIdAndStartTimeAndReadsBack() {
    String name = RUN.temporaryName("shop.datagen-old.dump");
    assertThat(name).isEqualTo(".shop.datagen-old.dump.datagen-0a1b2c3d4e5f-20261207T210509Z.tmp");
    LeftoverName parsed = LeftoverName.parse(name).orElseThrow();
    assertThat(parsed.kind()).isEqualTo(LeftoverName.Kind.TEMPORARY);
    assertThat(parsed.outputName()).isEqualTo("shop.datagen-old.dump");
    assertThat(parsed.run()).isEqualTo(RUN);
    assertThat(parsed.fileName()).isEqualTo(name);
  }

  @Test
  void aNewRunIdIsRandomAndStartsAtTheClockToTheSecond() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05.678Z"), ZoneOffset.UTC);
    RunId one = RunId.start(clock);
    RunId two = RunId.start(clock);
    assertThat(one.id()).matches("[0-9a-f]{12}").isNotEqualTo(two.id());
    assertThat(one.started()).isEqualTo(Instant.parse("2026-01-02T03:04:05Z"));
    assertThat(LeftoverName.parse(one.temporaryName("x.dump")).orElseThrow().run()).isEqualTo(one);
  }

  @Test
  void namesFromBeforeTheTimeWasInThemAreReadWithoutATime() {
    String uuid = "123e4567-e89b-12d3-a456-426614174000";
    LeftoverName staging = LeftoverName.parse(".datagen-staging-" + uuid).orElseThrow();
    assertThat(staging.kind()).isEqualTo(LeftoverName.Kind.STAGING);
    assertThat(staging.run()).isEqualTo(new RunId(uuid, null));
    LeftoverName temporary = LeftoverName.parse(".out.dump.datagen-" + uuid + ".tmp").orElseThrow();
    assertThat(temporary.outputName()).isEqualTo("out.dump");
    assertThat(temporary.fileName()).isEqualTo(".out.dump.datagen-" + uuid + ".tmp");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "out.dump",
        ".datagen-staging-",
        ".datagen-staging-0a1b2c3d4e5f",
        ".datagen-staging-0a1b2c3d4e5f-20261207T210509Z.old",
        "datagen-staging-0a1b2c3d4e5f-20261207T210509Z",
        ".datagen-staging-0A1B2C3D4E5F-20261207T210509Z",
        ".datagen-staging-0a1b2c3d4e5f-20261307T210509Z",
        ".out.dump.datagen-0a1b2c3d4e5f-20261207T210509Z",
        ".out.dump.datagen-0a1b2c3d4e5f-20261207T210509Z.tmp.crc",
        "..datagen-0a1b2c3d4e5f-20261207T210509Z.tmp",
        ".out.dump.datagen-xyz.tmp",
        "out.dump.datagen-0a1b2c3d4e5f-20261207T210509Z.tmp",
        ".bashrc"
      })
  void foreignNamesAreNotLeftovers(String name) {
    assertThat(LeftoverName.parse(name)).as(name).isEmpty();
  }

  @Test
  void onlyATemporaryOutputHasAnOutputName() {
    assertThatThrownBy(() -> new LeftoverName(LeftoverName.Kind.STAGING, "x", RUN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new LeftoverName(LeftoverName.Kind.TEMPORARY, null, RUN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RUN.temporaryName("a/b")).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0s", "45s", "30m", "2h", "1d", "1h30m", "2d3h4m5s"})
  void durationsReadAsWrittenAndFormatBack(String text) {
    assertThat(Durations.format(Durations.parse(text))).isEqualTo(text);
  }

  @Test
  void durationUnitsAddUp() {
    assertThat(Durations.parse("30m")).isEqualTo(Duration.ofMinutes(30));
    assertThat(Durations.parse("1d")).isEqualTo(Duration.ofHours(24));
    assertThat(Durations.parse("1h30m")).isEqualTo(Duration.ofMinutes(90));
    assertThat(Durations.parse("90s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "1", "h", "1w", "-1h", "1.5h", "1 h", "1H", "99999999999999999999d"})
  void badDurationsAreRefusedWithTheAcceptedForms(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid duration '" + text + "'");
  }
}
