package io.rpcservices.bench;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/** Counts how the waiters' {@code stack.pop} calls ended; safe to call from any thread. */
final class WaiterTally {
  private final CountDownLatch remaining;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger faulted = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private final AtomicLong lastAnswerNanos = new AtomicLong();

  WaiterTally(int waiters) {
    this.remaining = new CountDownLatch(waiters);
  }

  /** Records one waiter's end: an answer, or the failure that ended its call or its connect. */
  void record(@Nullable CallOutcome outcome, @Nullable Throwable failure) {
    if (failure == null
        && outcome != null
        && outcome.isSuccess()
        && outcome.body().contains("item-")) {
      answered.incrementAndGet();
      lastAnswerNanos.accumulateAndGet(System.nanoTime(), Math::max);
    } else if (failure == null && outcome != null && outcome.isFault()) {
      faulted.incrementAndGet();
    } else {
      failed.incrementAndGet();
    }
    remaining.countDown();
  }

  /** Waits until every waiter has ended or the timeout passes; returns whether all ended. */
  boolean await(long timeout, TimeUnit unit) throws InterruptedException {
    return remaining.await(timeout, unit);
  }

  /** Waiters answered with an item. */
  int answered() {
    return answered.get();
  }

  /** Waiters answered with a fault (an empty stack after the wait, for instance). */
  int faulted() {
    return faulted.get();
  }

  /** Waiters whose connect or call failed, or whose answer was not an item. */
  int failed() {
    return failed.get();
  }

  /** Waiters that have ended so far, whichever way. */
  long ended() {
    return answered() + faulted() + failed();
  }

  /** {@link System#nanoTime()} of the last item handed to a waiter. */
  long lastAnswerNanos() {
    return lastAnswerNanos.get();
  }
}
