package io.rpcservices.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stub of one named stack. Stubs are immutable and safe to share between threads; {@link
 * #withTimeout} returns one with another deadline. Every call faults with {@link
 * StackNotFoundError} once the stack has been removed.
 *
 * <pre>{@code
 * Stack stack = client.stack().createStack("jobs");
 * stack.push(Map.of("url", "https://example.org"));
 * Object job = stack.pop(Duration.ofSeconds(30)); // waits up to 30 s for an item
 * }</pre>
 */
public final class Stack {
  private final RpcClient client;
  private final String name;

  Stack(RpcClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** The stack's name. */
  public String getName() {
    return name;
  }

  /** Pushes {@code data} on top and returns the new size. */
  public int push(@Nullable Object data) {
    return client.invoke("stack.push", v -> Values.toInt(v, "stack.push"), name, data);
  }

  /** Pushes every item in order, so that the last ends on top, and returns the new size. */
  public int pushAll(List<? extends @Nullable Object> items) {
    return client.invoke(
        "stack.pushAll", v -> Values.toInt(v, "stack.pushAll"), name, new ArrayList<>(items));
  }

  /**
   * Removes and returns the top item.
   *
   * @throws StackIndexError if the stack is empty
   */
  public @Nullable Object pop() {
    return client.invoke("stack.pop", v -> v, name);
  }

  /**
   * Removes and returns the top item, waiting up to {@code timeout} for one; the call's deadline is
   * extended by the wait.
   *
   * @throws StackIndexError if the stack is still empty after the wait
   */
  public @Nullable Object pop(Duration timeout) {
    return client.invokeWaiting(
        checkWait("timeout", timeout), "stack.pop", v -> v, name, Values.seconds(timeout));
  }

  /**
   * Returns the top item without removing it.
   *
   * @throws StackIndexError if the stack is empty
   */
  public @Nullable Object peek() {
    return client.invoke("stack.peek", v -> v, name);
  }

  /** The number of items. */
  public int getSize() {
    return client.invoke("stack.getSize", v -> Values.toInt(v, "stack.getSize"), name);
  }

  /** Whether the stack holds no item. */
  public boolean isEmpty() {
    return client.invoke("stack.isEmpty", v -> Values.toBoolean(v, "stack.isEmpty"), name);
  }

  /** Removes every item and returns how many there were. */
  public int truncate() {
    return client.invoke("stack.truncate", v -> Values.toInt(v, "stack.truncate"), name);
  }

  /** Removes the stack itself. */
  public boolean remove() {
    return client.invoke("stack.remove", v -> Values.toBoolean(v, "stack.remove"), name);
  }

  /**
   * Reserves the top item for {@code lease}: it stays invisible to others until {@link
   * Reservation#ack()} removes it or {@link Reservation#release()} puts it back; when the lease
   * runs out it goes back on top by itself.
   *
   * @throws StackIndexError if the stack is empty
   */
  public Reservation reserve(Duration lease) {
    return client.invoke(
        "stack.reserve", this::reservation, name, Values.seconds(checkLease(lease)));
  }

  /**
   * Reserves the top item for {@code lease}, waiting up to {@code timeout} for one; the call's
   * deadline is extended by the wait.
   *
   * @throws StackIndexError if the stack is still empty after the wait
   */
  public Reservation reserve(Duration lease, Duration timeout) {
    return client.invokeWaiting(
        checkWait("timeout", timeout),
        "stack.reserve",
        this::reservation,
        name,
        Values.seconds(checkLease(lease)),
        Values.seconds(timeout));
  }

  /** Removes a reserved item for good; false if its lease had already run out. */
  public boolean ack(String ticket) {
    return client.invoke("stack.ack", v -> Values.toBoolean(v, "stack.ack"), name, ticket);
  }

  /** Puts a reserved item back on top; false if its lease had already run out. */
  public boolean release(String ticket) {
    return client.invoke("stack.release", v -> Values.toBoolean(v, "stack.release"), name, ticket);
  }

  /** A stub of the same stack whose calls have {@code timeout} as their deadline. */
  public Stack withTimeout(Duration timeout) {
    return new Stack(client.withTimeout(timeout), name);
  }

  /** The deadline of this stub's calls (extended by the wait for waiting calls). */
  public Duration timeout() {
    return client.timeout();
  }

  /** Stubs are equal when they name the same stack at the same URL with the same deadline. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Stack that
        && name.equals(that.name)
        && client.url().equals(that.client.url())
        && client.timeout().equals(that.client.timeout());
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, client.url(), client.timeout());
  }

  @Override
  public String toString() {
    return "Stack[" + name + " at " + client.url() + "]";
  }

  private Reservation reservation(@Nullable Object value) {
    Map<String, @Nullable Object> struct = Values.toStruct(value, "stack.reserve");
    return new Reservation(
        this, Values.toText(struct.get("ticket"), "stack.reserve"), struct.get("data"));
  }

  private static Duration checkLease(Duration lease) {
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease: " + lease + " (expected: > 0)");
    }
    return lease;
  }

  static Duration checkWait(String what, Duration wait) {
    if (wait.isNegative()) {
      throw new IllegalArgumentException(what + ": " + wait + " (expected: >= 0)");
    }
    return wait;
  }
}
