package io.rpcservices.master.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Stacks in memory: a concurrent map of stacks, each guarded by its own lock. */
final class MemoryStackStore implements StackStore {
  private final Map<String, Stack> stacks = new ConcurrentHashMap<>();

  @Override
  public boolean create(String name) {
    return !stacks.containsKey(name) && stacks.putIfAbsent(name, new Stack(name)) == null;
  }

  @Override
  public boolean exists(String name) {
    return stacks.containsKey(name);
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>(stacks.keySet());
    names.sort(null);
    return names;
  }

  @Override
  public boolean remove(String name) {
    Stack stack = stacks.remove(name);
    if (stack == null) {
      return false;
    }
    stack.close();
    return true;
  }

  @Override
  public int push(String name, @Nullable Object value) {
    return stack(name).push(value);
  }

  @Override
  public int pushAll(String name, List<?> values) {
    return stack(name).pushAll(values);
  }

  @Override
  public @Nullable StoredValue pop(String name) {
    return stack(name).pop();
  }

  @Override
  public @Nullable StoredValue peek(String name) {
    return stack(name).peek();
  }

  @Override
  public int size(String name) {
    return stack(name).size();
  }

  @Override
  public int truncate(String name) {
    return stack(name).truncate();
  }

  @Override
  public @Nullable Reservation reserve(String name, String ticket, Instant deadline) {
    return stack(name).reserve(ticket, deadline);
  }

  @Override
  public void hold(String name, Reservation reservation) {
    stack(name).hold(reservation);
  }

  @Override
  public boolean ack(String name, String ticket) {
    return stack(name).ack(ticket);
  }

  @Override
  public boolean release(String name, String ticket) {
    return stack(name).release(ticket);
  }

  @Override
  public List<Reservation> reservations(String name) {
    return stack(name).reservations();
  }

  private Stack stack(String name) {
    Stack stack = stacks.get(name);
    if (stack == null) {
      throw new NameNotFoundException(name);
    }
    return stack;
  }

  /**
   * One stack. A caller may have looked it up just before it was removed, so every operation checks
   * under the lock that it is still open: nothing lands in a removed stack.
   */
  private static final class Stack {
    private final String name;
    private final ArrayList<@Nullable Object> items = new ArrayList<>();
    private final Map<String, Reservation> reservations = new LinkedHashMap<>();
    private boolean removed;

    Stack(String name) {
      this.name = name;
    }

    synchronized void close() {
      removed = true;
      items.clear();
      reservations.clear();
    }

    synchronized int push(@Nullable Object value) {
      checkOpen();
      items.add(value);
      return items.size();
    }

    synchronized int pushAll(List<?> values) {
      checkOpen();
      items.addAll(values);
      return items.size();
    }

    synchronized @Nullable StoredValue pop() {
      checkOpen();
      return items.isEmpty() ? null : new StoredValue(items.remove(items.size() - 1));
    }

    synchronized @Nullable StoredValue peek() {
      checkOpen();
      return items.isEmpty() ? null : new StoredValue(items.get(items.size() - 1));
    }

    synchronized int size() {
      checkOpen();
      return items.size();
    }

    synchronized int truncate() {
      checkOpen();
      int removedItems = items.size();
      items.clear();
      return removedItems;
    }

    synchronized @Nullable Reservation reserve(String ticket, Instant deadline) {
      checkOpen();
      if (items.isEmpty()) {
        return null;
      }
      Reservation reservation = new Reservation(ticket, items.remove(items.size() - 1), deadline);
      reservations.put(ticket, reservation);
      return reservation;
    }

    synchronized void hold(Reservation reservation) {
      checkOpen();
      reservations.put(reservation.ticket(), reservation);
    }

    synchronized boolean ack(String ticket) {
      checkOpen();
      return reservations.remove(ticket) != null;
    }

    synchronized boolean release(String ticket) {
      checkOpen();
      Reservation reservation = reservations.remove(ticket);
      if (reservation == null) {
        return false;
      }
      items.add(reservation.value());
      return true;
    }

    synchronized List<Reservation> reservations() {
      checkOpen();
      return new ArrayList<>(reservations.values());
    }

    private void checkOpen() {
      if (removed) {
        throw new NameNotFoundException(name);
      }
    }
  }
}
