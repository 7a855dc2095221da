package io.rpcservices.master.store.durable;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The engine as the stores write to it: counts the writes, and in {@link SyncMode#FSYNC} syncs them
 * in groups.
 *
 * <p>Group commit: a writer does not sync. {@link #durable} notes how many writes had returned and
 * hands a future to the sync thread, which syncs everything written so far in one go and then
 * completes every future whose writes that sync covered. While one sync runs, the futures of the
 * callers that come meanwhile pile up and share the next one; so the services can write while they
 * hold their per-name lock and wait for the sync after they let it go. Writes that nobody waits for
 * are synced within {@link #IDLE_SYNC_MILLIS} ms.
 */
final class Journal implements AutoCloseable {
  static final long IDLE_SYNC_MILLIS = 20;
  private static final int COMPLETION_THREADS = 2;
  private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

  private final Engine engine;
  private final SyncMode mode;
  private final AtomicLong written = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wanted = lock.newCondition();
  private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
  private final ReadWriteLock open = new ReentrantReadWriteLock();
  private boolean closing;
  private volatile long synced;
  private boolean closed;
  private final Thread syncer;
  private final ExecutorService completions;

  Journal(Engine engine, SyncMode mode) {
    this.engine = engine;
    this.mode = mode;
    this.syncer = new Thread(this::syncLoop, "rpcservices-store-sync");
    syncer.setDaemon(true);
    this.completions =
        Executors.newFixedThreadPool(
            COMPLETION_THREADS,
            task -> {
              Thread thread = new Thread(task, "rpcservices-store-synced");
              thread.setDaemon(true);
              return thread;
            });
    if (mode == SyncMode.FSYNC) {
      syncer.start();
    }
  }

  Engine engine() {
    return engine;
  }

  void put(byte[] key, byte[] value) {
    writing(() -> engine.put(key, value));
  }

  void delete(byte[] key) {
    writing(() -> engine.delete(key));
  }

  void write(Batch batch) {
    writing(() -> engine.write(batch));
  }

  /**
   * Runs a write unless the journal is closed. A call still running while the master shuts down
   * must get an exception, not reach a closed engine: native code does not check.
   */
  private void writing(Runnable write) {
    Lock shared = open.readLock();
    shared.lock();
    try {
      if (closing) {
        throw new IllegalStateException("store is closed");
      }
      write.run();
      written.incrementAndGet();
    } finally {
      shared.unlock();
    }
  }

  /** Completes once every write that returned before this call is as durable as the mode says. */
  CompletableFuture<Void> durable() {
    if (mode == SyncMode.PROCESS) {
      return DONE;
    }
    long mark = written.get();
    if (mark <= synced) {
      return DONE;
    }
    CompletableFuture<Void> future = new CompletableFuture<>();
    lock.lock();
    try {
      if (closed) {
        return CompletableFuture.failedFuture(new IllegalStateException("store is closed"));
      }
      waiting.add(new Waiting(mark, future));
      wanted.signal();
    } finally {
      lock.unlock();
    }
    return future;
  }

  /** Syncs what is left, stops the sync thread and closes the engine. */
  @Override
  public void close() {
    Lock exclusive = open.writeLock();
    exclusive.lock();
    try {
      closing = true;
    } finally {
      exclusive.unlock();
    }
    lock.lock();
    try {
      closed = true;
      wanted.signal();
    } finally {
      lock.unlock();
    }
    if (mode == SyncMode.FSYNC) {
      joinSyncer();
    }
    completions.shutdown();
    engine.close();
  }

  private void syncLoop() {
    while (true) {
      long target;
      lock.lock();
      try {
        while (!closed && waiting.isEmpty()) {
          if (!wanted.await(IDLE_SYNC_MILLIS, TimeUnit.MILLISECONDS) && written.get() > synced) {
            break;
          }
        }
        target = written.get();
      } catch (InterruptedException e) {
        return;
      } finally {
        lock.unlock();
      }
      @Nullable RuntimeException failure = null;
      if (target > synced) {
        try {
          engine.sync();
          synced = target;
        } catch (RuntimeException e) {
          failure = e;
        }
      }
      if (finish(target, failure)) {
        return;
      }
    }
  }

  /** Completes the futures the sync up to {@code target} covered; returns whether to stop. */
  private boolean finish(long target, @Nullable RuntimeException failure) {
    List<Waiting> covered = new ArrayList<>();
    boolean stop;
    lock.lock();
    try {
      while (!waiting.isEmpty() && waiting.peek().mark() <= target) {
        covered.add(waiting.poll());
      }
      stop = closed && waiting.isEmpty();
    } finally {
      lock.unlock();
    }
    // The callers' answers are written from their futures' callbacks: run those on other threads,
    // so that the next sync starts at once instead of after them.
    for (Waiting each : covered) {
      completions.execute(
          () -> {
            if (failure == null) {
              each.future().complete(null);
            } else {
              each.future().completeExceptionally(failure);
            }
          });
    }
    return stop;
  }

  private void joinSyncer() {
    boolean interrupted = false;
    while (syncer.isAlive()) {
      try {
        syncer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** A caller waiting until the first {@code mark} writes are synced. */
  private record Waiting(long mark, CompletableFuture<Void> future) {}
}
