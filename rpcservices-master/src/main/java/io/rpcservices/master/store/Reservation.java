package io.rpcservices.master.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stack item held for one consumer until it is acknowledged, released, or its lease runs out.
 *
 * @param ticket the unique ticket that acknowledges or releases it
 * @param value the item
 * @param deadline when the lease runs out and the item goes back on top of its stack
 */
public record Reservation(String ticket, @Nullable Object value, Instant deadline) {
  /** Checks that the ticket and deadline are present. */
  public Reservation {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(deadline, "deadline");
  }
}
