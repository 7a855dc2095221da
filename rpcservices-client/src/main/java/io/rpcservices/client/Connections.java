package io.rpcservices.client;

import io.rpcservices.client.internal.HttpTransport;
import io.rpcservices.client.internal.Transport;
import io.rpcservices.client.internal.WebSocketTransport;
import io.rpcservices.protocol.Limits;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * The transports that a client and every copy of it share: the one its calls go through, and the
 * WebSocket its event subscriptions use (the same one for a WebSocket client, else opened with the
 * first subscription).
 */
final class Connections {
  private final Endpoint endpoint;
  private final Limits limits;
  private final @Nullable Executor executor;
  private final Transport calls;
  // Guarded by this: the WebSocket for events of an HTTP client, once opened.
  private @Nullable WebSocketTransport events;

  Connections(Endpoint endpoint, Limits limits, @Nullable Executor executor) {
    this.endpoint = endpoint;
    this.limits = limits;
    this.executor = executor;
    this.calls =
        switch (endpoint.protocol()) {
          case XML_RPC -> HttpTransport.xmlRpc(endpoint.uri(), limits, executor);
          case JSON_RPC -> HttpTransport.jsonRpc(endpoint.uri(), limits, executor);
          case WEBSOCKET -> new WebSocketTransport(endpoint.uri(), limits, executor);
        };
  }

  Protocol protocol() {
    return endpoint.protocol();
  }

  Transport calls() {
    return calls;
  }

  /** The WebSocket that event subscriptions use. */
  synchronized WebSocketTransport events() {
    if (calls instanceof WebSocketTransport webSocket) {
      return webSocket;
    }
    if (events == null) {
      events = new WebSocketTransport(Endpoint.webSocketOf(endpoint.uri()), limits, executor);
    }
    return events;
  }

  void close() {
    calls.close();
    WebSocketTransport opened;
    synchronized (this) {
      opened = events;
    }
    if (opened != null) {
      opened.close();
    }
  }
}
