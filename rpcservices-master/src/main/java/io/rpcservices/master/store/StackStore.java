package io.rpcservices.master.store;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Named LIFO stacks, each with its items and its reservations. Every method that takes a stack
 * name, except {@link #create}, {@link #exists} and {@link #remove}, throws {@link
 * NameNotFoundException} when there is no stack of that name. Sizes count the items on the stack,
 * not the reserved ones.
 */
public interface StackStore {
  /** Creates an empty stack unless one exists; returns whether it was created. */
  boolean create(String name);

  /** Whether a stack of this name exists. */
  boolean exists(String name);

  /** The names of all stacks, sorted. */
  List<String> names();

  /** Removes the stack with its items and reservations; returns whether it existed. */
  boolean remove(String name);

  /** Puts {@code value} on top; returns the new size. */
  int push(String name, @Nullable Object value);

  /** Puts {@code values} on top in order, so that the last ends on top; returns the new size. */
  int pushAll(String name, List<?> values);

  /** Removes and returns the top item, or returns {@code null} when the stack is empty. */
  @Nullable StoredValue pop(String name);

  /** Returns the top item without removing it, or {@code null} when the stack is empty. */
  @Nullable StoredValue peek(String name);

  /** The number of items on the stack. */
  int size(String name);

  /** Removes every item (reservations stay); returns how many there were. */
  int truncate(String name);

  /**
   * Takes the top item off the stack into a reservation with {@code ticket} and {@code deadline};
   * returns it, or {@code null} when the stack is empty.
   */
  @Nullable Reservation reserve(String name, String ticket, Instant deadline);

  /** Keeps {@code reservation}, an item that goes to a consumer without being pushed first. */
  void hold(String name, Reservation reservation);

  /** Drops the reservation for good; returns whether it was still held. */
  boolean ack(String name, String ticket);

  /** Puts the reserved item back on top; returns whether it was still held. */
  boolean release(String name, String ticket);

  /** The reservations held on the stack, oldest first. */
  List<Reservation> reservations(String name);
}
