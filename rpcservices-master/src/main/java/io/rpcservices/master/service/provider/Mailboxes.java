package io.rpcservices.master.service.provider;

import io.rpcservices.master.service.internal.WaitQueues;
import io.rpcservices.master.service.internal.Waiter;
import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The visits waiting for a message, and every operation that adds messages or logs clients out,
 * since those must serve or end waiting visits.
 *
 * <p>As for stacks, a visit is registered as waiting, and a message is stored or handed to a
 * waiting visit, only while holding the client name's lock, so no message lands in the store while
 * a live visit waits for one. Futures are completed after the lock is released; a message whose
 * visit was cancelled meanwhile is sent again (to the next waiting visit or the store).
 */
final class Mailboxes {
  private final ClientStore clients;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final WaitQueues<VisitWaiter> queues = new WaitQueues<>();

  Mailboxes(ClientStore clients, ScheduledExecutorService scheduler, Clock clock) {
    this.clients = clients;
    this.scheduler = scheduler;
    this.clock = clock;
  }

  /**
   * Records a visit and takes the pending messages; with none pending, waits up to {@code wait} for
   * one. The future answers the messages as wire structs; it is the waiter's own future, so that a
   * caller who cancels it cancels the wait.
   *
   * @throws io.rpcservices.master.store.NameNotFoundException if the client is not logged in
   */
  CompletableFuture<List<Object>> visit(String name, String status, Duration wait) {
    synchronized (queues.lock(name)) {
      List<ClientMessage> messages = clients.visit(name, status, clock.instant());
      if (!messages.isEmpty() || wait.isZero()) {
        return CompletableFuture.completedFuture(WireRecords.messages(messages));
      }
      VisitWaiter waiter = new VisitWaiter();
      waiter.startTimer(scheduler, wait, () -> timeOut(name, waiter));
      queues.add(name, waiter);
      return waiter.future();
    }
  }

  /** Gives the message to a waiting visit or keeps it; returns whether the client is logged in. */
  boolean send(String name, ClientMessage message) {
    VisitWaiter waiter;
    synchronized (queues.lock(name)) {
      waiter = nextLive(name);
      if (waiter == null) {
        return clients.send(name, message);
      }
    }
    waiter.stopTimer();
    clients.touch(name, clock.instant());
    if (!waiter.future().complete(WireRecords.messages(List.of(message)))) {
      send(name, message);
    }
    return true;
  }

  /** Logs the client out; its waiting visits fail with fault 300. Returns whether it was in. */
  boolean logout(String name) {
    boolean existed;
    List<VisitWaiter> waiting;
    synchronized (queues.lock(name)) {
      existed = clients.logout(name);
      waiting = queues.removeAll(name);
    }
    for (VisitWaiter waiter : waiting) {
      waiter.stopTimer();
      waiter.future().completeExceptionally(ProviderFaults.notLoggedIn(name));
    }
    return existed;
  }

  /**
   * Logs the client out if its last visit was before {@code cutoff} and no visit of it is waiting;
   * returns whether it was logged out.
   */
  boolean logoutIfIdle(String name, Instant cutoff) {
    synchronized (queues.lock(name)) {
      // A client waiting in a visit is present, however long ago that visit began.
      if (firstLive(name) != null || !clients.logoutIfIdle(name, cutoff)) {
        return false;
      }
      queues.removeAll(name);
      return true;
    }
  }

  private void timeOut(String name, VisitWaiter waiter) {
    boolean stillWaiting;
    synchronized (queues.lock(name)) {
      stillWaiting = queues.remove(name, waiter);
    }
    if (stillWaiting) {
      // The visit lasted until now: the client was present all along.
      clients.touch(name, clock.instant());
      waiter.future().complete(List.of());
    }
  }

  /** Under the lock: the oldest visit not yet cancelled, taken out of the queue. */
  private @Nullable VisitWaiter nextLive(String name) {
    VisitWaiter waiter = firstLive(name);
    if (waiter != null) {
      queues.remove(name, waiter);
    }
    return waiter;
  }

  /** Under the lock: the oldest visit not yet cancelled, after dropping cancelled ones. */
  private @Nullable VisitWaiter firstLive(String name) {
    VisitWaiter waiter;
    while ((waiter = queues.first(name)) != null && waiter.isDone()) {
      queues.remove(name, waiter);
    }
    return waiter;
  }

  /** A {@code provider.visit} waiting for a message. */
  private static final class VisitWaiter extends Waiter<List<Object>> {}
}
