package io.rpcservices.client;

import org.jspecify.annotations.Nullable;

/**
 * An item reserved by {@link Stack#reserve}: invisible to others until it is acknowledged or
 * released, or its lease runs out.
 *
 * <pre>{@code
 * Reservation job = stack.reserve(Duration.ofMinutes(5));
 * process(job.data());
 * job.ack();
 * }</pre>
 *
 * @param stack the stack the item was reserved on
 * @param ticket the ticket that names the reservation
 * @param data the item
 */
public record Reservation(Stack stack, String ticket, @Nullable Object data) {

  /** Removes the item for good; false if its lease had already run out. */
  public boolean ack() {
    return stack.ack(ticket);
  }

  /** Puts the item back on top; false if its lease had already run out. */
  public boolean release() {
    return stack.release(ticket);
  }
}
