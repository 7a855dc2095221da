package io.rpcservices.examples.exchange;

import io.rpcservices.protocol.Help;

/** The {@code math} service: a quick method, one that refuses bad input, and a slow one. */
public final class MathService {

  /** Multiplies {@code x} by {@code y}. */
  @Help("Multiplies two integers.")
  public int multiply(int x, int y) {
    return x * y;
  }

  /**
   * The natural logarithm of {@code x}.
   *
   * @throws IllegalArgumentException if {@code x} is not positive; the caller gets a RemoteError
   */
  @Help("The natural logarithm of x, which must be > 0.")
  public double log(double x) {
    if (x <= 0) {
      throw new IllegalArgumentException("x must be > 0");
    }
    return Math.log(x);
  }

  /** Sleeps {@code seconds}, then returns them: a call to try timeouts with. */
  @Help("Sleeps the given seconds, then returns them.")
  public double slow(double seconds) throws InterruptedException {
    Thread.sleep((long) (seconds * 1000));
    return seconds;
  }

  /** The process id of the worker that answers, to see how calls spread over the workers. */
  @Help("The process id of the worker that answers.")
  public long pid() {
    return ProcessHandle.current().pid();
  }
}
