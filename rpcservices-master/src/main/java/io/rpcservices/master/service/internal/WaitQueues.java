package io.rpcservices.master.service.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Callers waiting on named things (stacks, clients), oldest first, with a lock per name.
 *
 * <p>The locks are striped: a fixed array of monitors indexed by the name's hash, so that they need
 * no life cycle and different names rarely share one. A name's queue may only be read or changed
 * while holding {@link #lock(String)} for that name; the service also holds it while it checks the
 * store and registers a waiter, and while it adds an item and hands it to a waiter, so that no item
 * arrives unseen between the two.
 *
 * @param <W> the waiter type
 */
public final class WaitQueues<W> {
  private static final int STRIPES = 256;

  private final Object[] locks = new Object[STRIPES];
  // Insertion-ordered sets: the oldest waiter first, and O(1) removal of one that timed out.
  private final Map<String, LinkedHashSet<W>> queues = new ConcurrentHashMap<>();

  /** Queues without waiters. */
  public WaitQueues() {
    for (int i = 0; i < STRIPES; i++) {
      locks[i] = new Object();
    }
  }

  /** The monitor that guards {@code name}'s queue. */
  public Object lock(String name) {
    int hash = name.hashCode();
    return locks[(hash ^ (hash >>> 16)) & (STRIPES - 1)];
  }

  /** Adds {@code waiter} as the newest on {@code name}. */
  public void add(String name, W waiter) {
    queues.computeIfAbsent(name, key -> new LinkedHashSet<>()).add(waiter);
  }

  /** The oldest waiter on {@code name}, or {@code null}. */
  public @Nullable W first(String name) {
    LinkedHashSet<W> queue = queues.get(name);
    return queue == null ? null : queue.iterator().next();
  }

  /** Removes and returns the oldest waiter on {@code name}, or returns {@code null}. */
  public @Nullable W poll(String name) {
    LinkedHashSet<W> queue = queues.get(name);
    if (queue == null) {
      return null;
    }
    Iterator<W> oldest = queue.iterator();
    W waiter = oldest.next();
    oldest.remove();
    if (queue.isEmpty()) {
      queues.remove(name);
    }
    return waiter;
  }

  /** Removes {@code waiter}; returns whether it was still waiting on {@code name}. */
  public boolean remove(String name, W waiter) {
    LinkedHashSet<W> queue = queues.get(name);
    if (queue == null || !queue.remove(waiter)) {
      return false;
    }
    if (queue.isEmpty()) {
      queues.remove(name);
    }
    return true;
  }

  /** Removes and returns every waiter on {@code name}, oldest first. */
  public List<W> removeAll(String name) {
    LinkedHashSet<W> queue = queues.remove(name);
    return queue == null ? List.of() : new ArrayList<>(queue);
  }
}
