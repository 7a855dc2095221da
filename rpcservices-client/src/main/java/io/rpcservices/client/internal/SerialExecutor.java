package io.rpcservices.client.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/** Runs tasks one at a time, in the order they were given, on the threads of another executor. */
final class SerialExecutor implements Executor {
  private final Executor threads;
  private final Queue<Runnable> tasks = new ArrayDeque<>();
  private @Nullable Runnable active;

  SerialExecutor(Executor threads) {
    this.threads = threads;
  }

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(
        () -> {
          try {
            task.run();
          } finally {
            next();
          }
        });
    if (active == null) {
      next();
    }
  }

  private synchronized void next() {
    active = tasks.poll();
    if (active != null) {
      threads.execute(active);
    }
  }
}
