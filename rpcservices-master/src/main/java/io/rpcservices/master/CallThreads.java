package io.rpcservices.master;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool that runs service methods: an idle thread takes a call if there is one; else a new
 * thread starts, up to the maximum; past that, calls queue without bound. A plain {@link
 * ThreadPoolExecutor} with that many core threads would start a new thread for every call until it
 * had them all, idle ones or not, and then rotate calls over all of them; this one keeps as many
 * threads as the calls at once need, and they end after a while idle.
 *
 * <pre>{@code
 * ExecutorService calls = CallThreads.create(256, 30, threadFactory);
 * }</pre>
 */
final class CallThreads {
  private CallThreads() {}

  /** A pool of at most {@code maxThreads} threads, each ending after {@code idleSeconds} idle. */
  static ExecutorService create(int maxThreads, long idleSeconds, ThreadFactory threads) {
    AtomicInteger live = new AtomicInteger();
    HandOffQueue queue = new HandOffQueue(live, maxThreads);
    return new ThreadPoolExecutor(
        0,
        maxThreads,
        idleSeconds,
        TimeUnit.SECONDS,
        queue,
        counted(threads, live),
        // A call refused because the pool filled up a moment ago queues all the same.
        (call, executor) -> {
          if (executor.isShutdown()) {
            throw new RejectedExecutionException("the master is closed");
          }
          queue.enqueue(call);
        });
  }

  /** Threads of {@code threads} that count themselves in {@code live} while they run. */
  private static ThreadFactory counted(ThreadFactory threads, AtomicInteger live) {
    return task ->
        threads.newThread(
            () -> {
              live.incrementAndGet();
              try {
                task.run();
              } finally {
                live.decrementAndGet();
              }
            });
  }

  /**
   * Hands a call to an idle thread; else refuses it while the pool may start another thread, so
   * that it does; else queues it.
   */
  private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    private final transient AtomicInteger live;
    private final int maxThreads;

    HandOffQueue(AtomicInteger live, int maxThreads) {
      this.live = live;
      this.maxThreads = maxThreads;
    }

    @Override
    public boolean offer(Runnable call) {
      if (tryTransfer(call)) {
        return true;
      }
      return live.get() >= maxThreads && super.offer(call);
    }

    void enqueue(Runnable call) {
      super.offer(call);
    }
  }
}
