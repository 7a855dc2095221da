package io.rpcservices.master.service.stack;

import io.rpcservices.master.service.internal.WaitQueues;
import io.rpcservices.master.service.internal.Waiter;
import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.master.store.Reservation;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StoredValue;
import io.rpcservices.protocol.FaultException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The callers waiting for stack items (waiting pops and reserves), and every operation that puts
 * items on a stack, since those must serve waiting callers first.
 *
 * <p>How no item is lost or delivered twice: a waiter is registered, and items are added and handed
 * to waiters, only while holding the stack name's lock, so an item never lands on a stack while a
 * live waiter is registered for it. Taking a waiter out of its queue, under the lock, is what
 * decides who answers it: the hand-off, the timeout or the removal of the stack. The future is
 * completed after the lock is released, so that no caller's callback runs under it; if the caller
 * cancelled its future meanwhile, the item goes back on top (or to the next waiter).
 */
final class StackWaiters {
  private final StackStore stacks;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final WaitQueues<StackWaiter<?>> queues = new WaitQueues<>();
  // Lease expiry tasks by ticket (tickets are unique across stacks), so that ack and release can
  // cancel them instead of leaving one task per reservation queued until its deadline.
  private final Map<String, ScheduledFuture<?>> leases = new ConcurrentHashMap<>();

  StackWaiters(StackStore stacks, ScheduledExecutorService scheduler, Clock clock) {
    this.stacks = stacks;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /** Puts {@code values} on the stack, the last on top, serving waiters from the top first. */
  int push(String name, List<?> values) {
    List<Runnable> deliveries = new ArrayList<>(0);
    int size;
    synchronized (queues.lock(name)) {
      int left = values.size();
      StackWaiter<?> waiter;
      while (left > 0 && (waiter = nextLive(name)) != null) {
        deliveries.add(waiter.take(name, values.get(--left)));
      }
      if (left == 0) {
        size = stacks.size(name);
      } else if (left == 1) {
        size = stacks.push(name, values.get(0));
      } else {
        size = stacks.pushAll(name, values.subList(0, left));
      }
    }
    deliveries.forEach(Runnable::run);
    return size;
  }

  /** Pops the top item, waiting up to {@code wait} for one. */
  CompletableFuture<@Nullable Object> pop(String name, Duration wait) {
    return await(name, wait, new PopWaiter());
  }

  /** Reserves the top item for {@code lease}, waiting up to {@code wait} for one. */
  CompletableFuture<Map<String, @Nullable Object>> reserve(
      String name, Duration lease, Duration wait) {
    return await(name, wait, new ReserveWaiter(lease));
  }

  /** Drops a reserved item for good; returns whether it was still held. */
  boolean ack(String name, String ticket) {
    boolean acked = stacks.ack(name, ticket);
    if (acked) {
      cancelLease(ticket);
    }
    return acked;
  }

  /** Puts a reserved item back on top, serving waiters; returns whether it was still held. */
  boolean release(String name, String ticket) {
    List<Runnable> deliveries = new ArrayList<>(0);
    boolean released;
    synchronized (queues.lock(name)) {
      released = stacks.release(name, ticket);
      if (released) {
        serveWaiters(name, deliveries);
      }
    }
    if (released) {
      cancelLease(ticket);
    }
    deliveries.forEach(Runnable::run);
    return released;
  }

  /** Removes the stack; its waiters fail with fault 101. Returns whether it existed. */
  boolean remove(String name) {
    boolean existed;
    List<StackWaiter<?>> waiting;
    synchronized (queues.lock(name)) {
      existed = stacks.remove(name);
      waiting = queues.removeAll(name);
    }
    for (StackWaiter<?> waiter : waiting) {
      waiter.fail(StackFaults.notFound(name));
    }
    return existed;
  }

  /** Schedules the return of every reservation in the store, as after a restart. */
  void resumeLeases() {
    for (String name : stacks.names()) {
      try {
        stacks.reservations(name).forEach(reservation -> expireLater(name, reservation));
      } catch (NameNotFoundException removedMeanwhile) {
        // Nothing to resume: the stack and its reservations are gone.
      }
    }
  }

  private <T> CompletableFuture<T> await(String name, Duration wait, StackWaiter<T> waiter) {
    // Fast path without the lock: an item on the stack means nobody waits for one.
    Runnable delivery = waiter.takeFromStore(name);
    if (delivery == null) {
      if (wait.isZero()) {
        throw StackFaults.empty(name);
      }
      synchronized (queues.lock(name)) {
        delivery = waiter.takeFromStore(name);
        if (delivery == null) {
          waiter.startTimer(scheduler, wait, () -> timeOut(name, waiter));
          queues.add(name, waiter);
          return waiter.future();
        }
      }
    }
    delivery.run();
    return waiter.future();
  }

  private void timeOut(String name, StackWaiter<?> waiter) {
    boolean stillWaiting;
    synchronized (queues.lock(name)) {
      stillWaiting = queues.remove(name, waiter);
    }
    if (stillWaiting) {
      waiter.fail(StackFaults.empty(name));
    }
  }

  /** Under the lock: the oldest waiter not yet cancelled, taken out of the queue. */
  private @Nullable StackWaiter<?> nextLive(String name) {
    StackWaiter<?> waiter;
    while ((waiter = queues.poll(name)) != null) {
      if (!waiter.isDone()) {
        return waiter;
      }
    }
    return null;
  }

  /** Under the lock: gives items from the store to waiters while there are both. */
  private void serveWaiters(String name, List<Runnable> deliveries) {
    StackWaiter<?> waiter;
    while ((waiter = queues.first(name)) != null) {
      if (!waiter.isDone()) {
        Runnable delivery = waiter.takeFromStore(name);
        if (delivery == null) {
          return;
        }
        deliveries.add(delivery);
      }
      queues.remove(name, waiter);
    }
  }

  /** Puts back an item whose caller went away before it could be answered. */
  private void putBack(String name, @Nullable Object value) {
    try {
      push(name, Collections.singletonList(value));
    } catch (NameNotFoundException removedMeanwhile) {
      // The stack is gone, and its items with it.
    }
  }

  private void expireLater(String name, Reservation reservation) {
    String ticket = reservation.ticket();
    long delay = Math.max(0, Duration.between(clock.instant(), reservation.deadline()).toNanos());
    ScheduledFuture<?> lease =
        scheduler.schedule(() -> expire(name, ticket), delay, TimeUnit.NANOSECONDS);
    leases.put(ticket, lease);
    if (lease.isDone()) {
      // It ran before it was registered: drop the entry nobody else will.
      leases.remove(ticket, lease);
    }
  }

  private void expire(String name, String ticket) {
    leases.remove(ticket);
    try {
      release(name, ticket);
    } catch (NameNotFoundException removedMeanwhile) {
      // The stack is gone, and its reservations with it.
    }
  }

  private void cancelLease(String ticket) {
    ScheduledFuture<?> lease = leases.remove(ticket);
    if (lease != null) {
      lease.cancel(false);
    }
  }

  /** A caller waiting for the top item of a stack. */
  private abstract static class StackWaiter<T> extends Waiter<T> {
    /** Takes the top item from the store; returns its delivery, or null when there is none. */
    abstract @Nullable Runnable takeFromStore(String name);

    /** Under the lock: takes {@code value}, which is not in the store; returns its delivery. */
    abstract Runnable take(String name, @Nullable Object value);

    final void fail(FaultException fault) {
      stopTimer();
      future().completeExceptionally(fault);
    }
  }

  /** A waiting {@code stack.pop}. */
  private final class PopWaiter extends StackWaiter<@Nullable Object> {
    @Override
    @Nullable Runnable takeFromStore(String name) {
      StoredValue item = stacks.pop(name);
      return item == null ? null : take(name, item.value());
    }

    @Override
    Runnable take(String name, @Nullable Object value) {
      return () -> {
        stopTimer();
        if (!future().complete(value)) {
          putBack(name, value);
        }
      };
    }
  }

  /** A waiting {@code stack.reserve}. */
  private final class ReserveWaiter extends StackWaiter<Map<String, @Nullable Object>> {
    private final Duration lease;

    ReserveWaiter(Duration lease) {
      this.lease = lease;
    }

    @Override
    @Nullable Runnable takeFromStore(String name) {
      Reservation reservation = stacks.reserve(name, newTicket(), deadline());
      return reservation == null ? null : () -> deliver(name, reservation);
    }

    @Override
    Runnable take(String name, @Nullable Object value) {
      Reservation reservation = new Reservation(newTicket(), value, deadline());
      stacks.hold(name, reservation);
      return () -> deliver(name, reservation);
    }

    private void deliver(String name, Reservation reservation) {
      stopTimer();
      expireLater(name, reservation);
      Map<String, @Nullable Object> answer = new LinkedHashMap<>();
      answer.put("ticket", reservation.ticket());
      answer.put("data", reservation.value());
      if (!future().complete(answer)) {
        expire(name, reservation.ticket());
      }
    }

    private Instant deadline() {
      // The lease starts when the caller gets the item, not when it started to wait.
      return clock.instant().plus(lease);
    }

    private String newTicket() {
      return UUID.randomUUID().toString();
    }
  }
}
