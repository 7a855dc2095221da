package io.rpcservices.master.service.stack;

import io.rpcservices.master.service.internal.Seconds;
import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.master.store.StackStore;
import io.rpcservices.master.store.StoredValue;
import io.rpcservices.protocol.Help;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@code stack} service: named LIFO stacks of any values (DESIGN.md, "Built-in
 * services"). Every public method is a wire method. Every call except {@code create}, {@code
 * hasStack} and {@code getAllNames} faults 101 (StackNotFoundError) on an unknown stack.
 *
 * <p>Waiting calls ({@code pop} and {@code reserve} with a timeout) hold no thread: they answer
 * through a future that a later push, release or lease expiry completes. Waits longer than {@link
 * Seconds#MAX_WAIT} seconds are cut to it. A reserved item is invisible (not counted by {@code
 * getSize}, not removed by {@code truncate}) until it is acknowledged, released, or its lease runs
 * out and it goes back on top.
 *
 * <pre>{@code
 * StackService stack = new StackService(new InMemoryStateStore().stacks(), scheduler);
 * stack.create("jobs");
 * stack.push("jobs", "job 1");
 * stack.pop("jobs", 30).join(); // "job 1"
 * }</pre>
 */
public final class StackService {
  private final StackStore stacks;
  private final StackWaiters waiters;

  /**
   * A stack service over {@code stacks}. Reservations already in the store (after a restart) get
   * their lease expiry scheduled again.
   *
   * @param scheduler runs wait timeouts and lease expiry; its tasks never block
   */
  public StackService(StackStore stacks, ScheduledExecutorService scheduler) {
    this.stacks = stacks;
    this.waiters = new StackWaiters(stacks, scheduler, Clock.systemUTC());
    waiters.resumeLeases();
  }

  /** Creates the stack unless it exists; returns its name. */
  @Help("Creates the stack unless it exists; returns its name.")
  public String create(String name) {
    stacks.create(name);
    return name;
  }

  /** Puts {@code data} on top of the stack, or hands it to the oldest waiting caller. */
  @Help(
      "Puts data on top of the stack (or hands it to the oldest waiting pop); returns the new"
          + " size.")
  public int push(String name, @Nullable Object data) {
    return onStack(name, () -> waiters.push(name, Collections.singletonList(data)));
  }

  /** Puts the items on top of the stack in order, the last on top, as one step. */
  @Help(
      "Puts the items of the array on top of the stack in order, the last on top, as one step;"
          + " waiting pops get the top items. Returns the new size.")
  public int pushAll(String name, List<@Nullable Object> items) {
    return onStack(name, () -> waiters.push(name, items));
  }

  /** Removes and returns the top item; fault 100 when the stack is empty. */
  @Help("Removes and returns the top item; fault 100 (StackIndexError) when the stack is empty.")
  public @Nullable Object pop(String name) {
    return top(name, stacks::pop);
  }

  /** Removes and returns the top item, waiting up to {@code timeoutSeconds} for one. */
  @Help(
      "Removes and returns the top item, waiting up to timeoutSeconds (at most 3600) for one;"
          + " fault 100 (StackIndexError) when none came.")
  public CompletableFuture<@Nullable Object> pop(String name, double timeoutSeconds) {
    Duration wait = Seconds.waitTime("timeoutSeconds", timeoutSeconds);
    return onStack(name, () -> waiters.pop(name, wait));
  }

  /** Returns the top item without removing it; fault 100 when the stack is empty. */
  @Help("Returns the top item without removing it; fault 100 (StackIndexError) when empty.")
  public @Nullable Object peek(String name) {
    return top(name, stacks::peek);
  }

  /** The number of items on the stack, not counting reserved ones. */
  @Help("Returns the number of items on the stack, not counting reserved ones.")
  public int getSize(String name) {
    return onStack(name, () -> stacks.size(name));
  }

  /** Whether the stack has no items. */
  @Help("Returns whether the stack has no items (reserved ones do not count).")
  public boolean isEmpty(String name) {
    return getSize(name) == 0;
  }

  /** Removes every item from the stack; returns how many there were. */
  @Help("Removes every item (reserved ones stay reserved); returns how many were removed.")
  public int truncate(String name) {
    return onStack(name, () -> stacks.truncate(name));
  }

  /** Removes the stack, its items and reservations; waiting callers get fault 101. */
  @Help(
      "Removes the stack with its items and reservations; waiting pops get fault 101. Returns"
          + " true.")
  public boolean remove(String name) {
    if (!waiters.remove(name)) {
      throw StackFaults.notFound(name);
    }
    return true;
  }

  /** Whether a stack of this name exists. */
  @Help("Returns whether a stack of this name exists.")
  public boolean hasStack(String name) {
    return stacks.exists(name);
  }

  /** The names of all stacks, sorted. */
  @Help("Returns the names of all stacks, sorted.")
  public List<String> getAllNames() {
    return stacks.names();
  }

  /** Reserves the top item for {@code leaseSeconds}; fault 100 when the stack is empty. */
  @Help(
      "Takes the top item into a reservation for leaseSeconds (at most 86400) and returns {ticket,"
          + " data}; fault 100 (StackIndexError) when the stack is empty. stack.ack removes the"
          + " item for good, stack.release or the end of the lease puts it back on top.")
  public Map<String, @Nullable Object> reserve(String name, double leaseSeconds) {
    return reserve(name, leaseSeconds, 0).join();
  }

  /** Reserves the top item for {@code leaseSeconds}, waiting up to {@code timeoutSeconds}. */
  @Help(
      "Like reserve(name, leaseSeconds), waiting up to timeoutSeconds (at most 3600) for an item;"
          + " fault 100 (StackIndexError) when none came.")
  public CompletableFuture<Map<String, @Nullable Object>> reserve(
      String name, double leaseSeconds, double timeoutSeconds) {
    Duration lease = Seconds.lease("leaseSeconds", leaseSeconds);
    Duration wait = Seconds.waitTime("timeoutSeconds", timeoutSeconds);
    return onStack(name, () -> waiters.reserve(name, lease, wait));
  }

  /** Removes a reserved item for good; returns whether it was still reserved. */
  @Help(
      "Removes the reserved item for good; returns whether it was still reserved (false when its"
          + " lease ran out or it was acknowledged or released already).")
  public boolean ack(String name, String ticket) {
    return onStack(name, () -> waiters.ack(name, ticket));
  }

  /** Puts a reserved item back on top; returns whether it was still reserved. */
  @Help("Puts the reserved item back on top of the stack; returns whether it was still reserved.")
  public boolean release(String name, String ticket) {
    return onStack(name, () -> waiters.release(name, ticket));
  }

  /** What {@code operation} on the stack {@code name} gives; fault 101 if there is no such stack. */
  private static <T> T onStack(String name, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (NameNotFoundException e) {
      throw StackFaults.notFound(name);
    }
  }

  /** The value of the item that {@code take} gives from the stack; fault 100 if it is empty. */
  private static @Nullable Object top(String name, Function<String, @Nullable StoredValue> take) {
    StoredValue item = onStack(name, () -> take.apply(name));
    if (item == null) {
      throw StackFaults.empty(name);
    }
    return item.value();
  }
}
