package io.rpcservices.master.service.internal;

import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.time.Duration;

/** Checks the seconds that callers pass for waits and leases. */
public final class Seconds {
  /** The longest wait in seconds, one hour; longer waits are cut to it. */
  public static final double MAX_WAIT = 3600;

  /** The longest lease in seconds, one day; longer leases are refused. */
  public static final double MAX_LEASE = 86400;

  private Seconds() {}

  /**
   * A wait of {@code seconds}, at least 0 and at most {@link #MAX_WAIT}.
   *
   * @throws FaultException an InvalidParams fault naming {@code parameter} if {@code seconds} is
   *     negative or not a number
   */
  public static Duration waitTime(String parameter, double seconds) {
    if (!(seconds >= 0)) {
      throw invalid(parameter, seconds, ">= 0");
    }
    return toDuration(Math.min(seconds, MAX_WAIT));
  }

  /**
   * A lease of {@code seconds}, more than 0 and at most {@link #MAX_LEASE}.
   *
   * @throws FaultException an InvalidParams fault naming {@code parameter} otherwise
   */
  public static Duration lease(String parameter, double seconds) {
    if (!(seconds > 0)) {
      throw invalid(parameter, seconds, "> 0");
    }
    if (seconds > MAX_LEASE) {
      throw invalid(parameter, seconds, "<= " + format(MAX_LEASE));
    }
    return toDuration(seconds);
  }

  private static Duration toDuration(double seconds) {
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  private static FaultException invalid(String parameter, double seconds, String expected) {
    return new FaultException(
        FaultCode.INVALID_PARAMS,
        parameter + ": " + format(seconds) + " (expected: " + expected + ")");
  }

  /** {@code seconds} as a caller wrote it: {@code -1} rather than {@code -1.0}. */
  static String format(double seconds) {
    return seconds == Math.rint(seconds) && Math.abs(seconds) < 1e15
        ? Long.toString((long) seconds)
        : Double.toString(seconds);
  }
}
