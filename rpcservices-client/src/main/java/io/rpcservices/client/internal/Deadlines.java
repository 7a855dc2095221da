package io.rpcservices.client.internal;

import io.rpcservices.client.RpcTimeoutException;
import java.math.BigDecimal;
import java.time.Duration;

/** The deadline rules that every transport shares (docs/REMOTE-SERVICES.md, "Deadlines"). */
final class Deadlines {
  /** The header that tells the master how long the caller waits, in decimal seconds. */
  static final String TIMEOUT_HEADER = "X-Rpc-Timeout";

  private static final Duration MIN_GRACE = Duration.ofMillis(500);
  private static final Duration MAX_GRACE = Duration.ofSeconds(5);

  private Deadlines() {}

  /**
   * How long past a call's timeout the client still waits for the master's own CallTimeoutError: a
   * tenth of the timeout, at least 0.5 s and at most 5 s.
   */
  static Duration grace(Duration timeout) {
    Duration tenth = timeout.dividedBy(10);
    if (tenth.compareTo(MIN_GRACE) < 0) {
      return MIN_GRACE;
    }
    return tenth.compareTo(MAX_GRACE) > 0 ? MAX_GRACE : tenth;
  }

  /** {@code timeout} as the value of {@link #TIMEOUT_HEADER}, such as {@code 1.5} or {@code 30}. */
  static String headerValue(Duration timeout) {
    return BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString();
  }

  /** The exception of a call that {@code where} describes and that ran out of {@code timeout}. */
  static RpcTimeoutException timedOut(String where, Duration timeout) {
    return new RpcTimeoutException(where + "no answer within " + timeout.toMillis() + " ms");
  }
}
