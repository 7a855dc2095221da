package io.rpcservices.master.service.provider;

import io.rpcservices.master.CallContext;
import io.rpcservices.master.service.internal.Seconds;
import io.rpcservices.master.store.ClientMessage;
import io.rpcservices.master.store.ClientRecord;
import io.rpcservices.master.store.ClientStore;
import io.rpcservices.master.store.NameNotFoundException;
import io.rpcservices.protocol.Help;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@code provider} service: a registry of clients, their status, and messages between
 * them (DESIGN.md, "Built-in services"). Every public method is a wire method.
 *
 * <p>A client that has not visited within the client timeout is logged out by {@link #cleanUp},
 * which {@link io.rpcservices.master.service.BuiltInServices} also runs on a schedule; a client
 * waiting in {@code visit} counts as visiting. Messages can be any value; they wait for the
 * client's next visit. {@code broadcast} does not send to the sender itself. Times are UTC.
 *
 * <pre>{@code
 * ProviderService provider =
 *     new ProviderService(new InMemoryStateStore().clients(), Duration.ofMinutes(10), scheduler);
 * provider.login(new CallContext("127.0.0.1"), "crawler-1", Map.of("role", "crawler"));
 * provider.visit("crawler-1", "idle", 30).join(); // waits for a message
 * }</pre>
 */
public final class ProviderService {
  private final ClientStore clients;
  private final Duration clientTimeout;
  private final Clock clock;
  private final Mailboxes mailboxes;

  /**
   * A provider service over {@code clients}.
   *
   * @param clientTimeout how long a client may go without a visit before it is logged out
   * @param scheduler runs the timeouts of waiting visits; its tasks never block
   */
  public ProviderService(
      ClientStore clients, Duration clientTimeout, ScheduledExecutorService scheduler) {
    this(clients, clientTimeout, scheduler, Clock.systemUTC());
  }

  ProviderService(
      ClientStore clients,
      Duration clientTimeout,
      ScheduledExecutorService scheduler,
      Clock clock) {
    if (clientTimeout.isNegative() || clientTimeout.isZero()) {
      throw new IllegalArgumentException("clientTimeout: " + clientTimeout + " (expected: > 0)");
    }
    this.clients = clients;
    this.clientTimeout = clientTimeout;
    this.clock = clock;
    this.mailboxes = new Mailboxes(clients, scheduler, clock);
  }

  /** Logs a client in under {@code name}, replacing an earlier login of that name. */
  @Help(
      "Logs a client in under name (replacing an earlier login of that name, keeping its pending"
          + " messages); returns true.")
  public boolean login(CallContext call, String name) {
    return login(call, name, Map.of());
  }

  /** Logs a client in under {@code name}, keeping {@code info} with its record. */
  @Help(
      "Logs a client in under name, keeping the info struct (host, pid, role ...) with its record;"
          + " returns true.")
  public boolean login(CallContext call, String name, Map<String, @Nullable Object> info) {
    clients.login(name, call.remoteAddress(), info, clock.instant());
    return true;
  }

  /** Records the client's status and visit; returns and drops its pending messages. */
  @Help(
      "Records the client's status and the visit; returns its pending messages as an array of"
          + " {from, message, sentAt} and drops them. Fault 300 when not logged in.")
  public List<Object> visit(String name, String status) {
    try {
      return WireRecords.messages(clients.visit(name, status, clock.instant()));
    } catch (NameNotFoundException e) {
      throw ProviderFaults.notLoggedIn(name);
    }
  }

  /** Like {@link #visit(String, String)}, waiting up to {@code waitSeconds} for a message. */
  @Help(
      "Like visit(name, status), but with no message pending waits up to waitSeconds (at most"
          + " 3600) for one; answers an empty array when none came.")
  public CompletableFuture<List<Object>> visit(String name, String status, double waitSeconds) {
    Duration wait = Seconds.waitTime("waitSeconds", waitSeconds);
    try {
      return mailboxes.visit(name, status, wait);
    } catch (NameNotFoundException e) {
      throw ProviderFaults.notLoggedIn(name);
    }
  }

  /** Logs the client out, dropping its pending messages. */
  @Help("Logs the client out and drops its pending messages; returns true. Fault 300 when not in.")
  public boolean logout(String name) {
    if (!mailboxes.logout(name)) {
      throw ProviderFaults.notLoggedIn(name);
    }
    return true;
  }

  /** Sends {@code message} to {@code recipient}, without a sender. */
  @Help("Sends message (any value) to the client recipient; returns true. Fault 300 when not in.")
  public boolean sendMessage(String recipient, @Nullable Object message) {
    return send(recipient, message, null);
  }

  /** Sends {@code message} to {@code recipient} from {@code sender}. */
  @Help("Sends message (any value) from sender to the client recipient; returns true.")
  public boolean sendMessage(String recipient, @Nullable Object message, String sender) {
    return send(recipient, message, sender);
  }

  /** Sends {@code message} to every logged-in client; returns how many. */
  @Help("Sends message to every logged-in client; returns the number of recipients.")
  public int broadcast(@Nullable Object message) {
    return broadcastFrom(message, null);
  }

  /**
   * Sends {@code message} from {@code sender} to every other logged-in client; returns how many.
   */
  @Help(
      "Sends message from sender to every logged-in client except the sender; returns the number"
          + " of recipients.")
  public int broadcast(@Nullable Object message, String sender) {
    return broadcastFrom(message, sender);
  }

  /** The names of all logged-in clients, sorted. */
  @Help("Returns the names of all logged-in clients, sorted.")
  public List<String> getAllClientNames() {
    return clients.names();
  }

  /** Every logged-in client's record, by name. */
  @Help(
      "Returns a struct of every logged-in client's record by name; a record has name, host, pid,"
          + " address, loginTime, lastVisit, status, visits, pendingMessages and info.")
  public Map<String, Object> getAllClients() {
    Map<String, Object> records = new LinkedHashMap<>();
    for (ClientRecord record : clients.all()) {
      records.put(record.name(), WireRecords.client(record));
    }
    return records;
  }

  /** The client's record. */
  @Help("Returns the client's record; fault 300 when not logged in.")
  public Map<String, @Nullable Object> getClient(String name) {
    ClientRecord record = clients.get(name);
    if (record == null) {
      throw ProviderFaults.notLoggedIn(name);
    }
    return WireRecords.client(record);
  }

  /** Whether a client of this name is logged in. */
  @Help("Returns whether a client of this name is logged in.")
  public boolean hasClient(String name) {
    return clients.get(name) != null;
  }

  /** Logs out every client that has not visited within the client timeout; returns how many. */
  @Help("Logs out every client that has not visited within the client timeout; returns how many.")
  public int cleanUp() {
    Instant cutoff = clock.instant().minus(clientTimeout);
    int loggedOut = 0;
    for (ClientRecord record : clients.all()) {
      if (record.lastVisit().isBefore(cutoff) && mailboxes.logoutIfIdle(record.name(), cutoff)) {
        loggedOut++;
      }
    }
    return loggedOut;
  }

  private boolean send(String recipient, @Nullable Object message, @Nullable String sender) {
    if (!mailboxes.send(recipient, new ClientMessage(sender, message, clock.instant()))) {
      throw ProviderFaults.notLoggedIn(recipient);
    }
    return true;
  }

  private int broadcastFrom(@Nullable Object message, @Nullable String sender) {
    ClientMessage sent = new ClientMessage(sender, message, clock.instant());
    int recipients = 0;
    for (String name : clients.names()) {
      if (!name.equals(sender) && mailboxes.send(name, sent)) {
        recipients++;
      }
    }
    return recipients;
  }
}
