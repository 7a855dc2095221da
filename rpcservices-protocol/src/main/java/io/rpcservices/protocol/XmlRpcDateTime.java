package io.rpcservices.protocol;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The {@code dateTime.iso8601} text form, done by hand so that no time zone, default or other, ever
 * takes part: the wall-clock fields go through unchanged.
 */
final class XmlRpcDateTime {
  private XmlRpcDateTime() {}

  /** Writes {@code yyyyMMdd'T'HH:mm:ss}; fractions of a second are dropped. */
  static void format(LocalDateTime value, StringBuilder out) {
    int year = value.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException(
          "dateTime year out of range: " + year + " (expected: 0-9999)");
    }
    digits(out, year, 4);
    digits(out, value.getMonthValue(), 2);
    digits(out, value.getDayOfMonth(), 2);
    out.append('T');
    digits(out, value.getHour(), 2);
    out.append(':');
    digits(out, value.getMinute(), 2);
    out.append(':');
    digits(out, value.getSecond(), 2);
  }

  private static void digits(StringBuilder out, int value, int width) {
    for (int divisor = width == 4 ? 1000 : 10; divisor > 0; divisor /= 10) {
      out.append((char) ('0' + value / divisor % 10));
    }
  }

  /**
   * Reads {@code yyyyMMdd'T'HH:mm:ss} or {@code yyyy-MM-dd'T'HH:mm:ss}, the time also without
   * colons, with an optional fraction of a second and an optional trailing {@code Z}.
   *
   * @return the value, or {@code null} if the text has another form
   * @throws java.time.DateTimeException for a field out of range, such as month 13
   */
  static @Nullable LocalDateTime parse(String text) {
    Cursor cursor = new Cursor(text);
    int year = cursor.number(4);
    boolean dashes = cursor.skip('-');
    int month = cursor.number(2);
    if (dashes && !cursor.skip('-')) {
      return null;
    }
    int day = cursor.number(2);
    if (!cursor.skip('T')) {
      return null;
    }
    int hour = cursor.number(2);
    boolean colons = cursor.skip(':');
    int minute = cursor.number(2);
    if (colons && !cursor.skip(':')) {
      return null;
    }
    int second = cursor.number(2);
    int nanos = 0;
    if (cursor.skip('.')) {
      nanos = cursor.fraction();
    }
    cursor.skip('Z');
    if (!cursor.atEnd() || cursor.failed) {
      return null;
    }
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
  }

  /** Reads fixed-width fields; a mismatch sets {@link #failed} instead of throwing. */
  private static final class Cursor {
    private final String text;
    private int position;
    private boolean failed;

    Cursor(String text) {
      this.text = text;
    }

    int number(int width) {
      int value = 0;
      for (int i = 0; i < width; i++) {
        if (position >= text.length() || !isDigit(text.charAt(position))) {
          failed = true;
          return 0;
        }
        value = value * 10 + text.charAt(position++) - '0';
      }
      return value;
    }

    int fraction() {
      int nanos = 0;
      int digits = 0;
      while (position < text.length() && isDigit(text.charAt(position))) {
        if (digits < 9) {
          nanos = nanos * 10 + text.charAt(position) - '0';
        }
        digits++;
        position++;
      }
      if (digits == 0) {
        failed = true;
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
      return nanos;
    }

    boolean skip(char c) {
      if (position < text.length() && text.charAt(position) == c) {
        position++;
        return true;
      }
      return false;
    }

    boolean atEnd() {
      return position == text.length();
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }
  }
}
