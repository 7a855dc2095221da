package io.rpcservices.master.http;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code X-Rpc-Timeout} request header: how many seconds (a decimal number, such as {@code
 * 1.5}) the caller waits for its answer.
 */
final class RpcTimeoutHeader {
  /** The header's name. */
  static final String NAME = "X-Rpc-Timeout";

  private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}(\\.[0-9]{1,9})?");

  private RpcTimeoutHeader() {}

  /**
   * The timeout in {@code value}, or {@code fallback} when there is no header.
   *
   * @throws IllegalArgumentException for a value that is not a positive decimal number of seconds,
   *     such as {@code X-Rpc-Timeout: soon (expected: seconds > 0, such as 1.5)}
   */
  static Duration parse(@Nullable String value, Duration fallback) {
    if (value == null) {
      return fallback;
    }
    String trimmed = value.trim();
    if (!DECIMAL.matcher(trimmed).matches()) {
      throw invalid(value);
    }
    long nanos = new BigDecimal(trimmed).movePointRight(9).longValue();
    if (nanos <= 0) {
      throw invalid(value);
    }
    return Duration.ofNanos(nanos);
  }

  private static IllegalArgumentException invalid(String value) {
    return new IllegalArgumentException(
        NAME + ": " + value + " (expected: seconds > 0, such as 1.5)");
  }
}
