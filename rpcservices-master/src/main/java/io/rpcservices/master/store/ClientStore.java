package io.rpcservices.master.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The provider's logged-in clients, each with its record and its pending messages. */
public interface ClientStore {
  /**
   * Logs a client in with a fresh record (status {@code login}, no visits), replacing the record of
   * a client already logged in under that name; messages pending for the name are kept.
   */
  void login(String name, String address, Map<String, ?> info, Instant at);

  /** Logs the client out and drops its pending messages; returns whether it was logged in. */
  boolean logout(String name);

  /**
   * Logs the client out if its last visit was before {@code cutoff}, as one atomic step; returns
   * whether it was logged out.
   */
  boolean logoutIfIdle(String name, Instant cutoff);

  /** The client's record, or {@code null} when it is not logged in. */
  @Nullable ClientRecord get(String name);

  /** The names of all logged-in clients, sorted. */
  List<String> names();

  /** The records of all logged-in clients, sorted by name. */
  List<ClientRecord> all();

  /**
   * Records a visit (status, time, one more visit) and takes the pending messages, oldest first.
   *
   * @throws NameNotFoundException if the client is not logged in
   */
  List<ClientMessage> visit(String name, String status, Instant at);

  /** Sets the time of the client's last visit; returns whether it is logged in. */
  boolean touch(String name, Instant at);

  /** Adds a pending message for the client; returns whether it is logged in. */
  boolean send(String name, ClientMessage message);
}
