package io.datagen.job.sink;

/**
 * String renderings behind the default methods of {@link ValueSink} (used by sinks that do not
 * override them, e.g. in tests). The encoders use the allocation-free equivalents in {@link
 * ValueText}; both follow the text forms documented on ValueSink.
 */
final class ValueSinkText {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private ValueSinkText() {}

  static String time(long microsOfDay) {
    long seconds = microsOfDay / 1_000_000;
    int fraction = (int) (microsOfDay % 1_000_000);
    String text =
        String.format(
            java.util.Locale.ROOT,
            "%02d:%02d:%02d",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60);
    if (fraction != 0) {
      text += "." + String.format(java.util.Locale.ROOT, "%06d", fraction).replaceAll("0+$", "");
    }
    return text;
  }

  static String offset(int offsetSeconds) {
    int abs = Math.abs(offsetSeconds);
    String text =
        (offsetSeconds < 0 ? "-" : "+") + String.format(java.util.Locale.ROOT, "%02d", abs / 3600);
    if (abs % 3600 != 0) {
      text += String.format(java.util.Locale.ROOT, ":%02d", abs / 60 % 60);
      if (abs % 60 != 0) {
        text += String.format(java.util.Locale.ROOT, ":%02d", abs % 60);
      }
    }
    return text;
  }

  static String interval(int months, int days, long micros) {
    StringBuilder out = new StringBuilder();
    int years = months / 12;
    int mons = months % 12;
    unit(out, years, "year");
    unit(out, mons, "mon");
    unit(out, days, "day");
    if (micros != 0 || out.length() == 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      if (micros < 0) {
        out.append('-');
      }
      long abs = Math.abs(micros);
      long hours = abs / 3_600_000_000L;
      out.append(hours < 10 ? "0" : "").append(hours).append(':');
      out.append(time(abs % 3_600_000_000L).substring(3));
    }
    return out.toString();
  }

  private static void unit(StringBuilder out, long n, String name) {
    if (n != 0) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(n).append(' ').append(name).append(Math.abs(n) == 1 ? "" : "s");
    }
  }

  static String byteaHex(byte[] bytes, int offset, int length) {
    char[] text = new char[2 + 2 * length];
    text[0] = '\\';
    text[1] = 'x';
    for (int i = 0; i < length; i++) {
      text[2 + 2 * i] = HEX[(bytes[offset + i] >> 4) & 0xF];
      text[3 + 2 * i] = HEX[bytes[offset + i] & 0xF];
    }
    return new String(text);
  }
}
