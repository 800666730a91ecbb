package io.datagen.job.sink;

import io.datagen.archive.text.TextBuffer;
import java.util.Arrays;

/**
 * Recently written ISO dates, by epoch day: a date column (and the date part of a timestamp) draws
 * from a range of a few thousand days, so most dates of a segment were already rendered once. A
 * direct-mapped cache: slot {@code epochDay mod SLOTS} keeps the last day rendered there and its
 * ten bytes. One per encoder (not thread-safe).
 */
public final class DateTexts {
  private static final int SLOTS = 1 << 12;

  /**
   * Every date {@link ValueText#date} writes has this length ({@code YYYY-MM-DD}, years 1..9999).
   */
  private static final int DATE_LENGTH = 10;

  private final int[] days = new int[SLOTS];
  private final byte[] texts = new byte[SLOTS * DATE_LENGTH];

  public DateTexts() {
    // Integer.MIN_VALUE is outside years 1..9999, so no real day matches an empty slot.
    Arrays.fill(days, Integer.MIN_VALUE);
  }

  /** Appends the same bytes as {@link ValueText#date(TextBuffer, int)}. */
  public void appendDate(TextBuffer out, int epochDay) {
    int slot = epochDay & (SLOTS - 1);
    if (days[slot] == epochDay) {
      out.appendBytes(texts, slot * DATE_LENGTH, DATE_LENGTH);
      return;
    }
    int start = out.length();
    ValueText.date(out, epochDay);
    if (out.length() - start == DATE_LENGTH) {
      System.arraycopy(out.array(), start, texts, slot * DATE_LENGTH, DATE_LENGTH);
      days[slot] = epochDay;
    }
  }
}
