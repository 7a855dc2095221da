package io.rpcservices.client;

import io.rpcservices.protocol.Help;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The service the worker tests export: quick, throwing, slow and concurrency-counting methods. */
public final class MathService {
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();
  private final CountDownLatch interrupted = new CountDownLatch(1);
  private final CountDownLatch sleeping = new CountDownLatch(1);

  /** Multiplies. */
  @Help("Multiplies two numbers.")
  public int multiply(int x, int y) {
    return x * y;
  }

  /** Refuses numbers that are not positive. */
  public int check(int x) {
    if (x <= 0) {
      throw new IllegalArgumentException("x must be > 0");
    }
    return x;
  }

  /** Sleeps, and notes when it is interrupted. */
  public String sleep(double seconds) throws InterruptedException {
    sleeping.countDown();
    try {
      Thread.sleep((long) (seconds * 1000));
      return "slept";
    } catch (InterruptedException e) {
      interrupted.countDown();
      throw e;
    }
  }

  /** Runs for {@code millis}, counting how many calls run at once. */
  public int hold(int millis) throws InterruptedException {
    int now = running.incrementAndGet();
    mostRunning.accumulateAndGet(now, Math::max);
    try {
      Thread.sleep(millis);
      return millis;
    } finally {
      running.decrementAndGet();
    }
  }

  /** The most calls of {@link #hold} that ran at once. */
  int mostRunning() {
    return mostRunning.get();
  }

  /** Whether a call of {@link #sleep} started within {@code seconds}. */
  boolean awaitSleeping(long seconds) throws InterruptedException {
    return sleeping.await(seconds, TimeUnit.SECONDS);
  }

  /** Whether a sleeping call was interrupted within {@code seconds}. */
  boolean awaitInterrupted(long seconds) throws InterruptedException {
    return interrupted.await(seconds, TimeUnit.SECONDS);
  }
}
