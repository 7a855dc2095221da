package io.rpcservices.master.store;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A message waiting for a provider client's next visit.
 *
 * @param from the sender's name, {@code null} when the sender gave none
 * @param message the message, any value
 * @param sentAt when it was sent
 */
public record ClientMessage(@Nullable String from, @Nullable Object message, Instant sentAt) {
  /** Checks that the time is present. */
  public ClientMessage {
    Objects.requireNonNull(sentAt, "sentAt");
  }
}
