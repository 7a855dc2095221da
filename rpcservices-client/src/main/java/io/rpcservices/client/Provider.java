package io.rpcservices.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stub of one logged-in provider client: it visits the master to report its status and collect
 * its messages, and sends messages to the others. Stubs are immutable and safe to share between
 * threads.
 *
 * <pre>{@code
 * Provider me = client.provider().login("monitor");
 * me.sendMessage("crawler-1", "stop");
 * for (Message message : me.visit("watching", Duration.ofSeconds(30))) {
 *   handle(message.from(), message.message());
 * }
 * }</pre>
 */
public final class Provider {
  private final RpcClient client;
  private final String name;

  Provider(RpcClient client, String name) {
    this.client = client;
    this.name = name;
  }

  /** The client's name. */
  public String getName() {
    return name;
  }

  /**
   * Records {@code status} and the visit, and returns the pending messages (which are drained).
   *
   * @throws ClientNotFoundError if this client is no longer logged in
   */
  public List<Message> visit(String status) {
    return client.invoke("provider.visit", Provider::messages, name, status);
  }

  /**
   * Like {@link #visit(String)}, but waits up to {@code wait} for a message if none is pending; the
   * call's deadline is extended by the wait.
   */
  public List<Message> visit(String status, Duration wait) {
    return client.invokeWaiting(
        Stack.checkWait("wait", wait),
        "provider.visit",
        Provider::messages,
        name,
        status,
        Values.seconds(wait));
  }

  /**
   * Sends {@code message} to {@code recipient}, from this client.
   *
   * @throws ClientNotFoundError if {@code recipient} is not logged in
   */
  public void sendMessage(String recipient, @Nullable Object message) {
    client.invoke("provider.sendMessage", v -> v, recipient, message, name);
  }

  /** Sends {@code message} to every logged-in client and returns how many it reached. */
  public int broadcast(@Nullable Object message) {
    return client.invoke(
        "provider.broadcast", v -> Values.toInt(v, "provider.broadcast"), message, name);
  }

  /** Logs this client out. */
  public boolean logout() {
    return client.invoke("provider.logout", v -> Values.toBoolean(v, "provider.logout"), name);
  }

  /** The names of the logged-in clients other than this one. */
  public List<String> getAllOtherClientNames() {
    List<String> names =
        client.invoke(
            "provider.getAllClientNames", v -> Values.toTextArray(v, "provider.getAllClientNames"));
    names.remove(name);
    return names;
  }

  /** A stub of the same client whose calls have {@code timeout} as their deadline. */
  public Provider withTimeout(Duration timeout) {
    return new Provider(client.withTimeout(timeout), name);
  }

  /** The deadline of this stub's calls (extended by the wait for waiting visits). */
  public Duration timeout() {
    return client.timeout();
  }

  /** Stubs are equal when they name the same client at the same URL with the same deadline. */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Provider that
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
    return "Provider[" + name + " at " + client.url() + "]";
  }

  private static List<Message> messages(@Nullable Object value) {
    List<Message> messages = new ArrayList<>();
    for (Object item : Values.toArray(value, "provider.visit")) {
      messages.add(Message.of(item, "provider.visit"));
    }
    return messages;
  }
}
