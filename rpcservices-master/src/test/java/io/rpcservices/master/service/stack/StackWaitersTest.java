package io.rpcservices.master.service.stack;

import static io.rpcservices.master.service.FaultAssertions.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.rpcservices.master.store.InMemoryStateStore;
import io.rpcservices.master.store.Reservation;
import io.rpcservices.master.store.StateStore;
import io.rpcservices.protocol.FaultCode;
import io.rpcservices.protocol.FaultException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Waiting pops and reserves, leases, and what many concurrent callers see. */
class StackWaitersTest {
  private final ScheduledThreadPoolExecutor scheduler = newScheduler();
  private final StateStore store = new InMemoryStateStore();
  private final StackService stack = new StackService(store.stacks(), scheduler);

  private static ScheduledThreadPoolExecutor newScheduler() {
    ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    scheduler.setRemoveOnCancelPolicy(true);
    return scheduler;
  }

  @AfterEach
  void stopScheduler() {
    scheduler.shutdownNow();
  }

  @Test
  void waitingPopIsAnsweredByALaterPush() {
    stack.create("in");
    CompletableFuture<Object> popped = stack.pop("in", 30);
    assertThat(popped).isNotDone();
    assertThat(stack.push("in", "a")).isZero();
    assertThat(popped).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("a");
    assertThat(stack.isEmpty("in")).isTrue();
  }

  @Test
  void waitingPopFaults100AfterItsTimeout() {
    stack.create("in");
    CompletableFuture<Object> popped = stack.pop("in", 0.05);
    assertFails(popped, FaultCode.STACK_INDEX_ERROR, "StackIndexError: stack 'in' is empty");
    assertThat(stack.push("in", "a")).isEqualTo(1);
  }

  @Test
  void pushServesTheOldestWaiterFirst() {
    stack.create("in");
    CompletableFuture<Object> first = stack.pop("in", 30);
    CompletableFuture<Object> second = stack.pop("in", 30);
    stack.push("in", "a");
    assertThat(first).isCompletedWithValue("a");
    assertThat(second).isNotDone();
    stack.push("in", "b");
    assertThat(second).isCompletedWithValue("b");
  }

  @Test
  void pushAllServesWaitersFromTheTopAndKeepsTheRest() {
    stack.create("in");
    CompletableFuture<Object> first = stack.pop("in", 30);
    CompletableFuture<Object> second = stack.pop("in", 30);
    assertThat(stack.pushAll("in", List.of("a", "b", "c"))).isEqualTo(1);
    assertThat(first).isCompletedWithValue("c");
    assertThat(second).isCompletedWithValue("b");
    assertThat(stack.pop("in")).isEqualTo("a");
  }

  @Test
  void cancelledWaiterDoesNotTakeTheItem() {
    stack.create("in");
    CompletableFuture<Object> cancelled = stack.pop("in", 30);
    CompletableFuture<Object> waiting = stack.pop("in", 30);
    cancelled.cancel(false);
    stack.push("in", "a");
    assertThat(waiting).isCompletedWithValue("a");
    cancelled = stack.pop("in", 30);
    cancelled.cancel(false);
    assertThat(stack.push("in", "b")).isEqualTo(1);
    assertThat(stack.pop("in")).isEqualTo("b");
  }

  @Test
  void removingTheStackFailsItsWaitersWith101() {
    stack.create("in");
    CompletableFuture<Object> popped = stack.pop("in", 30);
    CompletableFuture<Map<String, Object>> reserved = stack.reserve("in", 60, 30);
    stack.remove("in");
    assertFails(popped, FaultCode.STACK_NOT_FOUND_ERROR, "StackNotFoundError: no stack named 'in'");
    assertFails(
        reserved, FaultCode.STACK_NOT_FOUND_ERROR, "StackNotFoundError: no stack named 'in'");
  }

  @Test
  void waitingReserveIsAnsweredByALaterPush() {
    stack.create("in");
    CompletableFuture<Map<String, Object>> reserved = stack.reserve("in", 60, 30);
    assertThat(stack.push("in", "a")).isZero();
    Map<String, Object> answer = reserved.join();
    assertThat(answer).containsEntry("data", "a");
    assertThat(stack.isEmpty("in")).isTrue();
    assertThat(stack.ack("in", (String) answer.get("ticket"))).isTrue();
  }

  @Test
  void cancelledReserveLeavesTheItemOnTheStack() {
    stack.create("in");
    CompletableFuture<Map<String, Object>> reserved = stack.reserve("in", 60, 30);
    reserved.cancel(false);
    assertThat(stack.push("in", "a")).isEqualTo(1);
    assertThat(stack.pop("in")).isEqualTo("a");
  }

  @Test
  void releaseHandsTheItemToAWaitingPop() {
    stack.create("in");
    stack.push("in", "a");
    String ticket = (String) stack.reserve("in", 60).get("ticket");
    CompletableFuture<Object> popped = stack.pop("in", 30);
    assertThat(stack.release("in", ticket)).isTrue();
    assertThat(popped).isCompletedWithValue("a");
  }

  @Test
  void expiredLeasePutsTheItemBackOnTop() {
    stack.create("in");
    stack.push("in", "a");
    String ticket = (String) stack.reserve("in", 0.05).get("ticket");
    // The waiting pop is answered when the lease runs out and the item comes back.
    assertThat(stack.pop("in", 30)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("a");
    assertThat(stack.ack("in", ticket)).isFalse();
    assertThat(stack.release("in", ticket)).isFalse();
  }

  @Test
  void ackAndReleaseCancelTheLeaseTimer() {
    stack.create("in");
    stack.push("in", "a");
    String ticket = (String) stack.reserve("in", 60).get("ticket");
    assertThat(scheduler.getQueue()).hasSize(1);
    stack.ack("in", ticket);
    assertThat(scheduler.getQueue()).isEmpty();
    stack.push("in", "b");
    ticket = (String) stack.reserve("in", 60).get("ticket");
    stack.release("in", ticket);
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void servedWaiterCancelsItsTimer() {
    stack.create("in");
    CompletableFuture<Object> popped = stack.pop("in", 60);
    assertThat(scheduler.getQueue()).hasSize(1);
    stack.push("in", "a");
    assertThat(popped).isCompletedWithValue("a");
    assertThat(scheduler.getQueue()).isEmpty();
  }

  @Test
  void leaseOfAWaitingReserveStartsWhenTheItemArrives() {
    stack.create("in");
    CompletableFuture<Map<String, Object>> reserved = stack.reserve("in", 0.05, 30);
    stack.push("in", "a");
    String ticket = (String) reserved.join().get("ticket");
    assertThat(stack.pop("in", 30)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("a");
    assertThat(stack.ack("in", ticket)).isFalse();
  }

  @Test
  void reservationsInTheStoreExpireAfterARestart() {
    store.stacks().create("in");
    store.stacks().hold("in", new Reservation("t1", "a", Instant.now().minusSeconds(1)));
    store.stacks().hold("in", new Reservation("t2", "b", Instant.now().plusSeconds(3600)));
    StackService restarted = new StackService(store.stacks(), scheduler);
    assertThat(restarted.pop("in", 30)).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("a");
    assertThat(restarted.ack("in", "t2")).isTrue();
  }

  @Test
  void tenThousandWaitersHoldNoThreads() throws Exception {
    stack.create("in");
    int waiters = 10_000;
    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
    List<CompletableFuture<Object>> pops = new ArrayList<>();
    for (int i = 0; i < waiters; i++) {
      pops.add(stack.pop("in", 60));
    }
    assertThat(ManagementFactory.getThreadMXBean().getThreadCount())
        .isLessThanOrEqualTo(threadsBefore + 2);
    for (int i = 0; i < waiters; i++) {
      stack.push("in", i);
    }
    CompletableFuture.allOf(pops.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    Set<Object> received = new HashSet<>();
    for (CompletableFuture<Object> pop : pops) {
      received.add(pop.join());
    }
    assertThat(received).hasSize(waiters);
    assertThat(stack.isEmpty("in")).isTrue();
  }

  @Test
  void concurrentPushersAndWaitersLoseAndDuplicateNothing() throws Exception {
    stack.create("in");
    int pushers = 4;
    int perPusher = 5_000;
    int poppers = 4;
    ExecutorService threads = Executors.newFixedThreadPool(pushers + poppers);
    ConcurrentLinkedQueue<Object> popped = new ConcurrentLinkedQueue<>();
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> tasks = new ArrayList<>();
      for (int p = 0; p < poppers; p++) {
        tasks.add(threads.submit(() -> popWithRaces(start, popped)));
      }
      for (int p = 0; p < pushers; p++) {
        int base = p * perPusher;
        tasks.add(threads.submit(() -> push(start, base, perPusher)));
      }
      start.countDown();
      for (Future<?> task : tasks) {
        task.get(60, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    List<Object> all = new ArrayList<>(popped);
    while (!stack.isEmpty("in")) {
      all.add(stack.pop("in"));
    }
    assertThat(all).hasSize(pushers * perPusher).doesNotHaveDuplicates();
  }

  private Void push(CountDownLatch start, int base, int count) throws InterruptedException {
    start.await();
    for (int i = 0; i < count; i += 2) {
      if (i % 10 == 0) {
        stack.pushAll("in", List.of(base + i, base + i + 1));
      } else {
        stack.push("in", base + i);
        stack.push("in", base + i + 1);
      }
    }
    return null;
  }

  /**
   * Pops with timeouts of one to three milliseconds, so that timeouts race with pushes, and cancels
   * a quarter of the waits, so that cancellations race with them too.
   */
  private Void popWithRaces(CountDownLatch start, ConcurrentLinkedQueue<Object> popped)
      throws InterruptedException {
    start.await();
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int round = 0; round < 300; round++) {
      List<CompletableFuture<Object>> waits = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        waits.add(stack.pop("in", (1 + random.nextInt(3)) * 0.001));
      }
      for (CompletableFuture<Object> wait : waits) {
        if (random.nextInt(4) == 0 && wait.cancel(false)) {
          continue;
        }
        try {
          popped.add(wait.join());
        } catch (CompletionException e) {
          assertThat(e.getCause()).isInstanceOf(FaultException.class);
        }
      }
    }
    return null;
  }
}
