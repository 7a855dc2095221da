package io.rpcservices.master.service.internal;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A caller waiting for an answer without holding a thread: the future the dispatcher answers from,
 * and the timer that ends the wait.
 *
 * @param <T> the answer type
 */
public abstract class Waiter<T> {
  private final CompletableFuture<T> future = new CompletableFuture<>();
  private volatile @Nullable ScheduledFuture<?> timer;

  /** A waiter whose future is not yet complete. */
  protected Waiter() {}

  /** The future that completes with the answer; the dispatcher may cancel it. */
  public final CompletableFuture<T> future() {
    return future;
  }

  /** Whether the wait is over: answered, failed, or cancelled by the caller. */
  public final boolean isDone() {
    return future.isDone();
  }

  /** Runs {@code onTimeout} on {@code scheduler} after {@code delay}. */
  public final void startTimer(
      ScheduledExecutorService scheduler, Duration delay, Runnable onTimeout) {
    timer = scheduler.schedule(onTimeout, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Cancels the timer, once the waiter has been answered by other means. */
  public final void stopTimer() {
    ScheduledFuture<?> current = timer;
    if (current != null) {
      current.cancel(false);
    }
  }
}
