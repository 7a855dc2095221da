package io.rpcservices.master;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CallThreadsTest {
  private static final int MAX_THREADS = 16;

  private final ExecutorService pool =
      CallThreads.create(MAX_THREADS, 30, Executors.defaultThreadFactory());

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void callsOneAfterAnotherReuseAnIdleThread() throws Exception {
    Set<Thread> threads = ConcurrentHashMap.newKeySet();

    for (int i = 0; i < 1_000; i++) {
      pool.submit(() -> threads.add(Thread.currentThread())).get(10, TimeUnit.SECONDS);
    }

    // A call may come just before the thread that ran the last one is idle again, and start a
    // second thread; a pool with as many core threads as its maximum would use all sixteen.
    assertThat(threads).hasSizeLessThanOrEqualTo(4);
  }

  @Test
  void runsUpToTheMaximumAtOnceAndQueuesTheRestWithoutLosingAny() throws Exception {
    int calls = MAX_THREADS * 3;
    CountDownLatch allThreadsBusy = new CountDownLatch(MAX_THREADS);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger running = new AtomicInteger();
    AtomicInteger mostAtOnce = new AtomicInteger();
    List<Future<?>> futures = new ArrayList<>();

    for (int i = 0; i < calls; i++) {
      futures.add(
          pool.submit(
              () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                allThreadsBusy.countDown();
                release.await();
                running.decrementAndGet();
                return null;
              }));
    }

    assertThat(allThreadsBusy.await(10, TimeUnit.SECONDS)).isTrue();
    release.countDown();
    for (Future<?> future : futures) {
      future.get(10, TimeUnit.SECONDS);
    }
    assertThat(mostAtOnce.get()).isEqualTo(MAX_THREADS);
  }

  @Test
  void refusesCallsOnceShutDown() {
    pool.shutdown();

    assertThatThrownBy(() -> pool.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }
}
