package io.rpcservices.client;

/**
 * How a client talks to the master. Every protocol reaches the same services with the same values,
 * faults and deadlines.
 *
 * <pre>{@code
 * RpcClient json = RpcClient.builder().url("http://127.0.0.1:8000").protocol(Protocol.JSON_RPC).build();
 * RpcClient ws = RpcClient.connect("ws://127.0.0.1:8000/ws");
 * }</pre>
 */
public enum Protocol {
  /** XML-RPC over HTTP, posted to {@code /RPC2} unless the URL names another path. */
  XML_RPC("/RPC2"),
  /** JSON-RPC 2.0 over HTTP, posted to {@code /jsonrpc} unless the URL names another path. */
  JSON_RPC("/jsonrpc"),
  /** JSON-RPC 2.0 over one shared WebSocket to {@code /ws}; needed for event subscriptions. */
  WEBSOCKET("/ws");

  private final String defaultPath;

  Protocol(String defaultPath) {
    this.defaultPath = defaultPath;
  }

  /** The path calls go to when the URL names none, such as {@code /RPC2}. */
  public String defaultPath() {
    return defaultPath;
  }
}
