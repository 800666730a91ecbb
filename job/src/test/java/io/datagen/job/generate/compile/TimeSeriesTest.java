package io.datagen.job.generate.compile;

import static io.datagen.job.generate.compile.TestSchemas.col;
import static io.datagen.job.generate.compile.TestSchemas.column;
import static io.datagen.job.generate.compile.TestSchemas.schema;
import static io.datagen.job.generate.compile.TestSchemas.table;
import static org.assertj.core.api.Assertions.assertThat;

import io.datagen.job.schema.SchemaProblem;
import io.datagen.job.schema.TypeKind;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The time-series shapes, over 20 seeds: coverage, grid, business hours, daily peaks, defaults. */
class TimeSeriesTest {
  private static final int SEEDS = 20;

  private static List<LocalDateTime> times(long rows, long seed, Object... config) {
    TestSchemas.Col column =
        col("at", TestSchemas.timestamp(TypeKind.TIMESTAMP, null)).gen("timeseries", config);
    return column(schema(table("t", rows).col(column)), "t", "at", seed).stream()
        .map(s -> LocalDateTime.parse(s.replace(' ', 'T')))
        .toList();
  }

  private static List<SchemaProblem> errors(Object... config) {
    return GenerationValidator.validate(
            schema(table("t", 10).col(col("at", TypeKind.TIMESTAMPTZ).gen("timeseries", config))))
        .stream()
        .filter(p -> p.severity() == SchemaProblem.Severity.ERROR)
        .toList();
  }

  @Test
  void uniformCoversTheWholeRangeOnTheGridAndRisesWithTheRow() {
    LocalDateTime start = LocalDateTime.parse("2024-01-01T00:00:00");
    LocalDateTime end = LocalDateTime.parse("2024-03-31T23:00:00");
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<LocalDateTime> t =
          times(
              2_000,
              seed,
              "start",
              "2024-01-01T00:00:00Z",
              "end",
              "2024-03-31T23:00:00Z",
              "interval",
              "1h",
              "pattern",
              "uniform");
      assertThat(t)
          .allSatisfy(x -> assertThat(x).isBetween(start, end))
          .allSatisfy(x -> assertThat(x.getMinute() + x.getSecond() + x.getNano()).isZero());
      assertThat(t).isSorted();
      // Stratified: the first and last values sit within one stratum (≈ 1.1 h) of the ends, and no
      // gap is wider than two strata.
      assertThat(Duration.between(start, t.get(0)).toHours()).isLessThanOrEqualTo(2);
      assertThat(Duration.between(t.get(t.size() - 1), end).toHours()).isLessThanOrEqualTo(2);
      for (int i = 1; i < t.size(); i++) {
        assertThat(Duration.between(t.get(i - 1), t.get(i)).toHours()).isLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void businessHoursAreAlwaysWeekdaysNineToFiveInEveryWeek() {
    for (long seed = 1; seed <= SEEDS; seed++) {
      List<LocalDateTime> t =
          times(
              3_000,
              seed,
              "start",
              "2024-01-01T00:00:00Z",
              "end",
              "2024-12-31T23:59:59Z",
              "interval",
              "5m",
              "pattern",
              "business_hours");
      Set<Integer> weeks = new HashSet<>();
      for (LocalDateTime x : t) {
        assertThat(x.getDayOfWeek()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(x.getHour()).isBetween(9, 16);
        assertThat(x.getMinute() % 5 + x.getSecond()).isZero();
        weeks.add(x.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      }
      assertThat(weeks).as("ISO weeks with values, seed %d", seed).hasSize(52);
      assertThat(t).isSorted();
    }
  }

  @Test
  void businessHoursWorkWithAnOffsetGridAndADailyInterval() {
    List<LocalDateTime> t =
        times(
            500,
            1,
            "start",
            "2024-01-01T00:30:00Z",
            "end",
            "2024-02-01T00:00:00Z",
            "interval",
            "8h",
            "pattern",
            "business_hours");
    assertThat(t).allSatisfy(x -> assertThat(x.toLocalTime().toString()).isEqualTo("16:30"));
    List<LocalDateTime> daily =
        times(
            100,
            1,
            "start",
            "2024-01-01T10:00:00Z",
            "end",
            "2024-02-01T00:00:00Z",
            "interval",
            "1d",
            "pattern",
            "business_hours");
    assertThat(daily)
        .allSatisfy(x -> assertThat(x.getHour()).isEqualTo(10))
        .allSatisfy(x -> assertThat(x.getDayOfWeek().getValue()).isLessThanOrEqualTo(5));
  }

  @Test
  void dailyPeakPutsMostValuesNearThePeakHoursOnEveryDay() {
    for (long s = 1; s <= SEEDS; s++) {
      long seed = s;
      List<LocalDateTime> t =
          times(
              6_000,
              seed,
              "start",
              "2024-03-01T00:00:00Z",
              "end",
              "2024-04-29T23:59:59Z",
              "interval",
              "1m",
              "pattern",
              "daily_peak",
              "peak_hours",
              List.of(9, "18:00"));
      Map<LocalDate, int[]> perDay = new HashMap<>();
      for (LocalDateTime x : t) {
        int minute = x.getHour() * 60 + x.getMinute();
        boolean near = Math.abs(minute - 9 * 60) <= 60 || Math.abs(minute - 18 * 60) <= 60;
        int[] counts = perDay.computeIfAbsent(x.toLocalDate(), d -> new int[2]);
        counts[0]++;
        counts[1] += near ? 1 : 0;
      }
      assertThat(perDay).as("days with values, seed %d", seed).hasSize(60);
      perDay.forEach(
          (day, counts) ->
              assertThat(counts[1] / (double) counts[0])
                  .as("share near the peaks on %s, seed %d", day, seed)
                  .isGreaterThan(0.6));
    }
  }

  @Test
  void missingStartAndEndTakeTheYearBeforeTheReferenceDate() {
    // Real files give only interval and pattern; the reference time is 2024-06-15T12:00:00Z.
    List<LocalDateTime> t = times(1_000, 1, "interval", "1h", "pattern", "daily_peak");
    assertThat(t)
        .allSatisfy(
            x ->
                assertThat(x)
                    .isBetween(
                        LocalDateTime.parse("2023-06-16T12:00:00"),
                        LocalDateTime.parse("2024-06-15T12:00:00")));
    assertThat(t.get(0)).isBefore(LocalDateTime.parse("2023-06-18T00:00:00"));
    assertThat(t.get(999)).isAfter(LocalDateTime.parse("2024-06-13T00:00:00"));
    List<String> dates =
        column(
            schema(
                table("t", 10)
                    .col(
                        col("d", TypeKind.DATE)
                            .gen("timeseries", "start", "2024-01-01", "interval", "1d"))),
            "t",
            "d",
            1);
    assertThat(dates)
        .allSatisfy(
            d ->
                assertThat(LocalDate.parse(d))
                    .isBetween(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-06-15")));
  }

  @Test
  void badConfigsAreErrorsAtTheirKey() {
    assertThat(errors("interval", "5x").get(0).message())
        .contains("expected a positive amount with a unit");
    SchemaProblem shape = errors("pattern", "buisness_hours").get(0);
    assertThat(shape.message()).contains("did you mean 'business_hours'?");
    assertThat(shape.path()).isEqualTo("$.tables.t.columns.at.generator_config.pattern");
    assertThat(errors("interval", "7h", "pattern", "daily_peak").get(0).message())
        .contains("divides a day");
    assertThat(errors("start", "2024-02-01", "end", "2024-01-01").get(0).message())
        .contains("start is after end");
    assertThat(errors("peak_hours", List.of(12)).get(0).message())
        .contains("only applies to pattern daily_peak");
    assertThat(errors("pattern", "daily_peak", "peak_hours", List.of(25)).get(0).message())
        .contains("0 ≤ h < 24");
    assertThat(
            errors(
                    "start",
                    "2024-01-06T00:00:00Z",
                    "end",
                    "2024-01-07T23:00:00Z",
                    "pattern",
                    "business_hours")
                .get(0)
                .message())
        .contains("no point of the interval grid");
    assertThat(
            GenerationValidator.validate(
                    schema(table("t", 1).col(col("at", TypeKind.INTEGER).gen("timeseries"))))
                .get(0)
                .message())
        .contains("does not fit");
  }
}
