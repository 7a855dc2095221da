package io.rpcservices.master;

import java.time.Duration;

/**
 * The moment by which a call must be answered, on the monotonic clock ({@link System#nanoTime()}).
 *
 * <pre>{@code
 * Deadline deadline = Deadline.after(Duration.ofSeconds(30));
 * if (deadline.hasPassed()) { ... }
 * scheduler.schedule(task, deadline.remainingNanos(), TimeUnit.NANOSECONDS);
 * }</pre>
 */
public final class Deadline {
  /** The longest deadline: about 100 days, far beyond any wait the master allows. */
  private static final long MAX_NANOS = Duration.ofDays(100).toNanos();

  private final long expiresAtNanos;

  private Deadline(long expiresAtNanos) {
    this.expiresAtNanos = expiresAtNanos;
  }

  /**
   * The deadline {@code timeout} from now; timeouts over 100 days count as 100 days.
   *
   * @throws IllegalArgumentException if {@code timeout} is not positive
   */
  public static Deadline after(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected: > 0)");
    }
    long nanos = timeout.compareTo(Duration.ofNanos(MAX_NANOS)) > 0 ? MAX_NANOS : timeout.toNanos();
    return new Deadline(System.nanoTime() + nanos);
  }

  /** The nanoseconds left, 0 once the deadline has passed. */
  public long remainingNanos() {
    return Math.max(0, expiresAtNanos - System.nanoTime());
  }

  /** The time left, zero once the deadline has passed. */
  public Duration remaining() {
    return Duration.ofNanos(remainingNanos());
  }

  /** Whether the deadline has passed. */
  public boolean hasPassed() {
    return remainingNanos() == 0;
  }

  /** The time left, for logs, such as {@code Deadline[PT29.9S left]}. */
  @Override
  public String toString() {
    return "Deadline[" + remaining() + " left]";
  }
}
