package io.rpcservices.client;

import io.rpcservices.client.internal.WebSocketTransport;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The events service: publish data under a subject, and subscribe to the subjects that match a
 * pattern, where each {@code *} matches any run of characters ({@code crawler.*} matches {@code
 * crawler.page} and {@code crawler.page.saved}).
 *
 * <pre>{@code
 * Subscription pages = client.events().subscribe("crawler.*", event -> log(event.data()));
 * client.events().publish("crawler.page", Map.of("url", "https://example.org/"));
 * pages.close();
 * }</pre>
 *
 * <p>Listeners receive events over a WebSocket: the client's own if it speaks {@link
 * Protocol#WEBSOCKET}, else one opened to the master's {@code /ws} with the first subscription and
 * shared by the client and its copies. While listeners are subscribed, a lost WebSocket is reopened
 * and the subscriptions renewed; events published in between are not received.
 */
public final class Events {
  private final RpcClient client;

  Events(RpcClient client) {
    this.client = client;
  }

  /** Publishes {@code data} under {@code subject}; returns the number of deliveries. */
  public int publish(String subject, @Nullable Object data) {
    return client.invoke("events.publish", v -> Values.toInt(v, "events.publish"), subject, data);
  }

  /**
   * Subscribes {@code listener} to the events whose subject matches {@code pattern}, and returns
   * once the master has confirmed it.
   *
   * @throws RemoteFaultException if the master refuses the pattern
   * @throws TransportException if the WebSocket cannot be opened
   */
  public Subscription subscribe(String pattern, EventListener listener) {
    WebSocketTransport webSocket = client.connections().events();
    WebSocketTransport.Listening listening = webSocket.listen(pattern, listener);
    if (listening.first()) {
      try {
        RpcClient.await(
            RpcClient.sendVia(
                webSocket,
                client.timeout(),
                "events.subscribe",
                List.of(pattern),
                v -> Values.toBoolean(v, "events.subscribe")));
      } catch (RuntimeException e) {
        listening.subscription().close();
        throw e;
      }
    }
    return listening.subscription();
  }

  /**
   * Subscribes the provider client {@code name} to the events whose subject matches {@code
   * pattern}: each one arrives among its messages from {@code provider.visit}, sent by {@code
   * events}, with the message {@code {subject, data}}.
   *
   * @throws ClientNotFoundError if {@code name} is not logged in
   */
  public boolean subscribeClient(String name, String pattern) {
    return client.invoke(
        "events.subscribeClient",
        v -> Values.toBoolean(v, "events.subscribeClient"),
        name,
        pattern);
  }

  /** Ends a subscription made with {@link #subscribeClient}; returns whether there was one. */
  public boolean unsubscribeClient(String name, String pattern) {
    return client.invoke(
        "events.unsubscribeClient",
        v -> Values.toBoolean(v, "events.unsubscribeClient"),
        name,
        pattern);
  }

  /** This service with {@code timeout} as the deadline of its calls. */
  public Events withTimeout(Duration timeout) {
    return new Events(client.withTimeout(timeout));
  }
}
