package io.rpcservices.protocol;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.Base64;

/** Strict parsing of the text of XML-RPC scalar values; each refusal is an invalid request. */
final class XmlRpcScalars {
  private XmlRpcScalars() {}

  /** An {@code int}/{@code i4}: optional sign, ASCII digits, leading zeros allowed, no wrapping. */
  static int parseInt(String text) {
    long value = parseLong(text, "int", Integer.MIN_VALUE, Integer.MAX_VALUE);
    return (int) value;
  }

  /** An {@code i8}: optional sign, ASCII digits, leading zeros allowed, no wrapping. */
  static long parseI8(String text) {
    return parseLong(text, "i8", Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private static long parseLong(String raw, String type, long min, long max) {
    String text = raw.strip();
    int length = text.length();
    int i = 0;
    boolean negative = false;
    if (length > 0 && (text.charAt(0) == '+' || text.charAt(0) == '-')) {
      negative = text.charAt(0) == '-';
      i = 1;
    }
    if (i == length) {
      throw invalid(type, raw);
    }
    // Accumulate negatively so that Long.MIN_VALUE fits.
    long limit = negative ? min : -max;
    long multiplyMin = limit / 10;
    long value = 0;
    for (; i < length; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        throw invalid(type, raw);
      }
      int digit = c - '0';
      if (value < multiplyMin || value * 10 < limit + digit) {
        throw outOfRange(type, text);
      }
      value = value * 10 - digit;
    }
    return negative ? value : -value;
  }

  /** A {@code boolean}: exactly {@code 0} or {@code 1}. */
  static boolean parseBoolean(String raw) {
    String text = raw.strip();
    if (text.equals("1")) {
      return true;
    }
    if (text.equals("0")) {
      return false;
    }
    throw invalid("boolean", raw);
  }

  /**
   * A {@code double}: decimal digits with an optional fraction and exponent; NaN, infinities, hex
   * floats, type suffixes and values too large for a double are refused.
   */
  static double parseDouble(String raw) {
    String text = raw.strip();
    if (!isDecimal(text)) {
      throw invalid("double", raw);
    }
    double value = Double.parseDouble(text);
    if (Double.isInfinite(value)) {
      throw outOfRange("double", text);
    }
    return value;
  }

  private static boolean isDecimal(String text) {
    int length = text.length();
    int i = 0;
    if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < length && isDigit(text.charAt(i))) {
      i++;
      digits++;
    }
    if (i < length && text.charAt(i) == '.') {
      i++;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return false;
    }
    if (i < length && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < length && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exponentDigits = 0;
      while (i < length && isDigit(text.charAt(i))) {
        i++;
        exponentDigits++;
      }
      if (exponentDigits == 0) {
        return false;
      }
    }
    return i == length;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** A {@code base64}: the standard alphabet, line breaks and other XML whitespace ignored. */
  static byte[] parseBase64(String text) {
    String compact = text;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        compact = stripWhitespace(text);
        break;
      }
    }
    try {
      return Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw new ProtocolException(FaultCode.INVALID_REQUEST, "invalid base64 value");
    }
  }

  private static String stripWhitespace(String text) {
    StringBuilder builder = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        builder.append(c);
      }
    }
    return builder.toString();
  }

  /** A {@code dateTime.iso8601}; see {@link XmlRpcDateTime#parse}. */
  static LocalDateTime parseDateTime(String raw) {
    try {
      LocalDateTime value = XmlRpcDateTime.parse(raw.strip());
      if (value != null) {
        return value;
      }
    } catch (DateTimeException e) {
      // An impossible date such as February 30th: refused below like any malformed text.
    }
    throw invalid("dateTime.iso8601", raw);
  }

  static ProtocolException invalid(String type, String text) {
    return new ProtocolException(
        FaultCode.INVALID_REQUEST, "invalid " + type + " value: '" + abbreviate(text) + "'");
  }

  private static ProtocolException outOfRange(String type, String text) {
    return new ProtocolException(
        FaultCode.INVALID_REQUEST, type + " value out of range: " + abbreviate(text));
  }

  /** Keeps messages short when the offending text is long. */
  static String abbreviate(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
