package io.rpcservices.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The daemon threads that every transport of this JVM shares: a timer and a completion pool. */
final class ClientThreads {
  /** Fires the deadlines of all calls, heartbeats and reconnections; tasks must be short. */
  static final ScheduledThreadPoolExecutor TIMER = newTimer();

  /**
   * Completes calls of transports built without an executor. Not the default pool of {@link
   * java.util.concurrent.CompletableFuture}, which starts a thread per task on machines with one or
   * two cores.
   */
  static final Executor COMPLETIONS =
      Executors.newCachedThreadPool(daemonThreads("rpcservices-client-completions"));

  private ClientThreads() {}

  /** A factory of daemon threads named {@code name-1}, {@code name-2} and so on. */
  static ThreadFactory daemonThreads(String name) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(1, daemonThreads("rpcservices-client-timer"));
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
