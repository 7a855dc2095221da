package io.rpcservices.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter for reconnections: the first delay, doubled after each failure up
 * to the maximum; each wait is a random time between half the delay and the whole delay.
 */
public final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  /**
   * A backoff from {@code initial} up to {@code max}.
   *
   * @throws IllegalArgumentException if {@code initial} is not positive or {@code max} is less
   */
  public Backoff(Duration initial, Duration max) {
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial: " + initial + " (expected: > 0)");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max: " + max + " (expected: >= " + initial + ")");
    }
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** The wait before the next attempt; the delay after it doubles. Not thread-safe. */
  public Duration nextDelay() {
    long millis = Math.max(1, next.toMillis());
    Duration wait = Duration.ofMillis(ThreadLocalRandom.current().nextLong(millis / 2, millis + 1));
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return wait;
  }

  /** Starts again from the first delay, after a success. */
  public void reset() {
    next = initial;
  }
}
