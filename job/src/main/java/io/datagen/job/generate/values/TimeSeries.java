package io.datagen.job.generate.values;

import io.datagen.job.generate.RandomSource;
import io.datagen.job.generate.ValueSource;
import io.datagen.job.sink.ValueSink;

/**
 * Timestamps on the grid {@code start + k·step} within [start, end], spread over the whole range by
 * stratified sampling: row r of n draws in the r-th of n equal strata, so the series rises with the
 * row and every part of the range gets its share (no clustering, no gaps wider than a stratum). All
 * times are UTC.
 *
 * <ul>
 *   <li>{@link Shape#UNIFORM}: strata over the grid points.
 *   <li>{@link Shape#BUSINESS_HOURS}: strata over the grid points that fall on Monday–Friday, 09:00
 *       ≤ time &lt; 17:00 — counted and inverted arithmetically, week by week.
 *   <li>{@link Shape#DAILY_PEAK}: strata over the days; within its day a value lies, with
 *       probability {@link #PEAK_SHARE}, within an hour of one of the peak hours (triangular,
 *       densest at the hour), else anywhere in the day; then it is snapped down to the grid.
 * </ul>
 */
public final class TimeSeries extends ValueSource {
  public static final long MICROS_PER_HOUR = 3_600_000_000L;
  public static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;
  public static final long BUSINESS_START = 9 * MICROS_PER_HOUR;
  public static final long BUSINESS_END = 17 * MICROS_PER_HOUR;
  public static final double PEAK_SHARE = 0.8;

  /** 1970-01-05, a Monday: weekdays are counted in whole weeks from it. */
  private static final long MONDAY = 4;

  /** The daily shape of the series. */
  public enum Shape {
    UNIFORM,
    BUSINESS_HOURS,
    DAILY_PEAK
  }

  /** How a value is written: a timestamp, a timestamp with time zone or the date of the time. */
  public enum Output {
    TIMESTAMP,
    TIMESTAMPTZ,
    DATE
  }

  private final Shape shape;
  private final Output output;
  private final long rows;
  private final long origin;
  private final long step;
  private final long firstIndex;
  private final long lastIndex;
  private final long slotsPerDay;
  private final long firstBusinessSlot;
  private final long businessSlotsPerDay;
  private final long startDay;
  private final long businessLow;
  private final long businessHigh;
  private final long days;
  private final long[] peaks;

  /**
   * @param start, end micros since the epoch, start ≤ end
   * @param step grid step in micros; for the business-hours and daily-peak shapes it divides a day
   * @param peakHours peak times of day in micros (daily peak only)
   */
  public TimeSeries(
      Shape shape, Output output, long rows, long start, long end, long step, long[] peakHours) {
    if (start > end || step < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "Cannot create time series [" + start + ", " + end + "] step " + step);
    }
    this.shape = shape;
    this.output = output;
    this.rows = rows;
    this.step = step;
    this.startDay = Math.floorDiv(start, MICROS_PER_DAY);
    // Daily shapes count grid points from the start day's midnight (the grid divides a day, so
    // every day has the same points); the uniform shape counts from the start itself.
    long midnight = startDay * MICROS_PER_DAY;
    this.origin = shape == Shape.UNIFORM ? start : midnight + Math.floorMod(start - midnight, step);
    this.firstIndex = (start - origin) / step;
    this.lastIndex = firstIndex + (end - start) / step;
    this.slotsPerDay = shape == Shape.UNIFORM ? 0 : MICROS_PER_DAY / step;
    long dayOffset = Math.floorMod(origin, MICROS_PER_DAY);
    this.firstBusinessSlot = shape == Shape.UNIFORM ? 0 : ceilDiv(BUSINESS_START - dayOffset, step);
    this.businessSlotsPerDay =
        shape == Shape.UNIFORM ? 0 : ceilDiv(BUSINESS_END - dayOffset, step) - firstBusinessSlot;
    this.businessLow = shape == Shape.BUSINESS_HOURS ? businessBefore(firstIndex) : 0;
    this.businessHigh = shape == Shape.BUSINESS_HOURS ? businessBefore(lastIndex + 1) : 0;
    this.days = Math.floorDiv(end, MICROS_PER_DAY) - startDay + 1;
    this.peaks = peakHours == null ? new long[0] : peakHours.clone();
  }

  /** Grid points in business hours; 0 means the shape cannot produce any value in the range. */
  public long businessSlots() {
    return businessHigh - businessLow;
  }

  @Override
  public void random(RandomSource rng, long row, ValueSink out) {
    double u = (Math.min(row, rows - 1) + rng.nextDouble(row, 0)) / rows;
    long index =
        switch (shape) {
          case UNIFORM ->
              firstIndex
                  + Math.min(lastIndex - firstIndex, (long) (u * (lastIndex - firstIndex + 1)));
          case BUSINESS_HOURS ->
              businessIndex(
                  businessLow + Math.min(businessSlots() - 1, (long) (u * businessSlots())));
          case DAILY_PEAK -> peakIndex(rng, row, Math.min(days - 1, (long) (u * days)));
        };
    long micros = origin + index * step;
    switch (output) {
      case TIMESTAMP -> out.timestamp(micros);
      case TIMESTAMPTZ -> out.timestamptz(micros);
      case DATE -> out.date((int) Math.floorDiv(micros, MICROS_PER_DAY));
    }
  }

  /** Business grid points with index below {@code index} (indexes count from the origin's day). */
  private long businessBefore(long index) {
    long day = Math.floorDiv(index, slotsPerDay);
    long within = index - day * slotsPerDay;
    long full = (weekdaysBefore(startDay + day) - weekdaysBefore(startDay)) * businessSlotsPerDay;
    if (isWeekday(startDay + day)) {
      full += Math.max(0, Math.min(within - firstBusinessSlot, businessSlotsPerDay));
    }
    return full;
  }

  /**
   * The grid index of business point number {@code ordinal} (the inverse of {@link
   * #businessBefore}).
   */
  private long businessIndex(long ordinal) {
    long weekday = weekdaysBefore(startDay) + ordinal / businessSlotsPerDay;
    long epochDay = MONDAY + Math.floorDiv(weekday, 5) * 7 + Math.floorMod(weekday, 5);
    return (epochDay - startDay) * slotsPerDay + firstBusinessSlot + ordinal % businessSlotsPerDay;
  }

  /** Weekdays in [MONDAY, epochDay) (negative before it). */
  private static long weekdaysBefore(long epochDay) {
    long days = epochDay - MONDAY;
    return Math.floorDiv(days, 7) * 5 + Math.min(Math.floorMod(days, 7), 5);
  }

  private static boolean isWeekday(long epochDay) {
    return Math.floorMod(epochDay - MONDAY, 7) < 5;
  }

  private long peakIndex(RandomSource rng, long row, long day) {
    long timeOfDay;
    if (peaks.length > 0 && rng.nextDouble(row, 1) < PEAK_SHARE) {
      long peak = peaks[peaks.length == 1 ? 0 : rng.nextInt(row, 2, peaks.length)];
      double offset = rng.nextDouble(row, 3) + rng.nextDouble(row, 4) - 1; // triangular on (−1, 1)
      timeOfDay = Math.floorMod(peak + (long) (offset * MICROS_PER_HOUR), MICROS_PER_DAY);
    } else {
      timeOfDay = (long) (rng.nextDouble(row, 2) * MICROS_PER_DAY);
    }
    long micros = (startDay + day) * MICROS_PER_DAY + timeOfDay;
    long index = Math.floorDiv(micros - origin, step);
    return Math.max(firstIndex, Math.min(lastIndex, index));
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  @Override
  public long domainSize() {
    return 0;
  }

  @Override
  public void emit(long index, ValueSink out) {
    throw new UnsupportedOperationException(
        "Time series values follow the row, they are not enumerable");
  }
}
