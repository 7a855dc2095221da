package io.rpcservices.master.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the provider knows about a logged-in client.
 *
 * @param name the name it logged in with
 * @param address the IP address it logged in from
 * @param info the struct it gave at login (host, pid, role ...), empty when it gave none
 * @param loginTime when it logged in
 * @param lastVisit when it last visited (or logged in)
 * @param status the status it gave at its last visit
 * @param visits how many visits it made since it logged in
 * @param pendingMessages how many messages wait for its next visit
 */
public record ClientRecord(
    String name,
    String address,
    Map<String, @Nullable Object> info,
    Instant loginTime,
    Instant lastVisit,
    String status,
    int visits,
    int pendingMessages) {
  /** Checks the fields and makes {@code info} unmodifiable. */
  public ClientRecord {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
    Objects.requireNonNull(loginTime, "loginTime");
    Objects.requireNonNull(lastVisit, "lastVisit");
    Objects.requireNonNull(status, "status");
  }
}
