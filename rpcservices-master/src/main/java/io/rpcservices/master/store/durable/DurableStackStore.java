package io.rpcservices.master.store.durable;

import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.master.store.Reservation;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StoredValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Stacks served from memory and written through to the engine: each mutation is written while the
 * stack's lock is held, before memory changes and before the method returns, so memory never shows
 * what the engine does not have. Item {@code i} from the bottom is the record at index {@code i},
 * so a push writes one record and a pop deletes one.
 */
final class DurableStackStore implements StackStore {
  private final Journal journal;
  private final Map<String, Stack> stacks = new ConcurrentHashMap<>();
  private final AtomicLong lastId = new AtomicLong();

  DurableStackStore(Journal journal) {
    this.journal = journal;
  }

  @Override
  public boolean create(String name) {
    if (stacks.containsKey(name)) {
      return false;
    }
    boolean[] created = {false};
    // Inside computeIfAbsent, so that nobody uses the stack before its record is written.
    stacks.computeIfAbsent(
        name,
        key -> {
          Stack stack = new Stack(name, lastId.incrementAndGet());
          journal.put(Keys.named(Keys.STACK, name), Records.id(stack.id));
          created[0] = true;
          return stack;
        });
    return created[0];
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
    boolean[] removed = {false};
    // Inside compute, so that a create of the same name waits until the records are deleted.
    stacks.computeIfPresent(
        name,
        (key, stack) -> {
          stack.close();
          removed[0] = true;
          return null;
        });
    return removed[0];
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

  /** Adds a stack read from the engine at open. */
  Stack load(String name, long id) {
    Stack stack = new Stack(name, id);
    stacks.put(name, stack);
    lastId.accumulateAndGet(id, Math::max);
    return stack;
  }

  /** A snapshot of every stack, sorted by name, for a dump. */
  List<StackState> snapshot() {
    List<StackState> states = new ArrayList<>();
    for (String name : names()) {
      Stack stack = stacks.get(name);
      if (stack != null) {
        states.add(stack.state());
      }
    }
    return states;
  }

  private Stack stack(String name) {
    Stack stack = stacks.get(name);
    if (stack == null) {
      throw new NameNotFoundException(name);
    }
    return stack;
  }

  /** A stack's items (bottom first) and reservations (oldest first), as a dump holds them. */
  record StackState(String name, List<@Nullable Object> items, List<Reservation> reservations) {}

  /**
   * One stack. A caller may have looked it up just before it was removed, so every operation checks
   * under the lock that it is still open: nothing lands in a removed stack.
   */
  final class Stack {
    private final String name;
    private final long id;
    private final ArrayList<@Nullable Object> items = new ArrayList<>();
    // Ticket to the reservation and the sequence number that keys its record.
    private final Map<String, Held> reservations = new LinkedHashMap<>();
    private long lastSequence;
    private boolean removed;

    Stack(String name, long id) {
      this.name = name;
      this.id = id;
    }

    /** Adds the item read from the engine at {@code index}, which must be the next one. */
    synchronized void loadItem(long index, @Nullable Object value) {
      if (index != items.size()) {
        throw new CorruptRecordException(
            "stack '" + name + "' has item " + index + " where item " + items.size() + " belongs");
      }
      items.add(value);
    }

    /** Adds a reservation read from the engine. */
    synchronized void loadReservation(long sequence, Reservation reservation) {
      reservations.put(reservation.ticket(), new Held(sequence, reservation));
      lastSequence = Math.max(lastSequence, sequence);
    }

    synchronized void close() {
      journal.write(
          new Batch()
              .delete(Keys.named(Keys.STACK, name))
              .deleteRange(Keys.first(Keys.ITEM, id), Keys.end(Keys.ITEM, id))
              .deleteRange(Keys.first(Keys.RESERVATION, id), Keys.end(Keys.RESERVATION, id)));
      removed = true;
      items.clear();
      reservations.clear();
    }

    synchronized int push(@Nullable Object value) {
      checkOpen();
      journal.put(itemKey(items.size()), ValueCodec.encode(value));
      items.add(value);
      return items.size();
    }

    synchronized int pushAll(List<?> values) {
      checkOpen();
      Batch batch = new Batch();
      int index = items.size();
      for (Object value : values) {
        batch.put(itemKey(index++), ValueCodec.encode(value));
      }
      journal.write(batch);
      items.addAll(values);
      return items.size();
    }

    synchronized @Nullable StoredValue pop() {
      checkOpen();
      if (items.isEmpty()) {
        return null;
      }
      journal.delete(itemKey(items.size() - 1));
      return new StoredValue(items.remove(items.size() - 1));
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
      if (removedItems > 0) {
        journal.write(new Batch().deleteRange(itemKey(0), itemKey(removedItems)));
        items.clear();
      }
      return removedItems;
    }

    synchronized @Nullable Reservation reserve(String ticket, Instant deadline) {
      checkOpen();
      if (items.isEmpty()) {
        return null;
      }
      int top = items.size() - 1;
      Reservation reservation = new Reservation(ticket, items.get(top), deadline);
      long sequence = lastSequence + 1;
      journal.write(
          new Batch()
              .delete(itemKey(top))
              .put(reservationKey(sequence), Records.reservation(reservation)));
      lastSequence = sequence;
      items.remove(top);
      reservations.put(ticket, new Held(sequence, reservation));
      return reservation;
    }

    synchronized void hold(Reservation reservation) {
      checkOpen();
      long sequence = lastSequence + 1;
      journal.put(reservationKey(sequence), Records.reservation(reservation));
      lastSequence = sequence;
      reservations.put(reservation.ticket(), new Held(sequence, reservation));
    }

    synchronized boolean ack(String ticket) {
      checkOpen();
      Held held = reservations.get(ticket);
      if (held == null) {
        return false;
      }
      journal.delete(reservationKey(held.sequence()));
      reservations.remove(ticket);
      return true;
    }

    synchronized boolean release(String ticket) {
      checkOpen();
      Held held = reservations.get(ticket);
      if (held == null) {
        return false;
      }
      Object value = held.reservation().value();
      journal.write(
          new Batch()
              .delete(reservationKey(held.sequence()))
              .put(itemKey(items.size()), ValueCodec.encode(value)));
      reservations.remove(ticket);
      items.add(value);
      return true;
    }

    synchronized List<Reservation> reservations() {
      checkOpen();
      List<Reservation> held = new ArrayList<>(reservations.size());
      reservations.values().forEach(each -> held.add(each.reservation()));
      return held;
    }

    synchronized StackState state() {
      List<Reservation> held = new ArrayList<>(reservations.size());
      reservations.values().forEach(each -> held.add(each.reservation()));
      return new StackState(name, new ArrayList<>(items), held);
    }

    private byte[] itemKey(int index) {
      return Keys.member(Keys.ITEM, id, index);
    }

    private byte[] reservationKey(long sequence) {
      return Keys.member(Keys.RESERVATION, id, sequence);
    }

    private void checkOpen() {
      if (removed) {
        throw new NameNotFoundException(name);
      }
    }
  }

  /** A reservation and the sequence number of its record. */
  private record Held(long sequence, Reservation reservation) {}
}
