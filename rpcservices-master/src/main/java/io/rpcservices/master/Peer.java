package io.rpcservices.master;

import io.rpcservices.protocol.RpcResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * The other end of a WebSocket session on {@code /ws}, which speaks JSON-RPC 2.0 in both
 * directions: services may send it notifications (events) and requests (worker invocations). A call
 * that arrives over a session finds its peer in {@link CallContext#peer()}.
 *
 * <pre>{@code
 * public boolean subscribe(CallContext call, String pattern) {
 *   Peer peer = call.peer();
 *   peer.notify("events.event", List.of(event));
 *   peer.closed().thenRun(() -> forget(peer));
 * }
 * }</pre>
 */
public interface Peer {
  /** An id unique within this master, such as {@code ws-7}. */
  String id();

  /** The peer's IP address as text, such as {@code 127.0.0.1}. */
  String remoteAddress();

  /**
   * Sends the notification {@code method(params)}; does nothing once the session is closed. A peer
   * that reads so slowly that its unsent messages pass the body limit is disconnected.
   */
  void notify(String method, List<@Nullable Object> params);

  /**
   * Sends the request {@code method(params)} with the id {@code id}. The future completes with the
   * peer's answer; it fails with {@link java.nio.channels.ClosedChannelException} if the session
   * closes first.
   *
   * @param id the request id; the caller keeps ids unique among its requests to this peer
   */
  CompletableFuture<RpcResponse> request(long id, String method, List<@Nullable Object> params);

  /** Closes the session. */
  void close();

  /** Completes (with {@code null}) when the session has closed. */
  CompletableFuture<@Nullable Void> closed();
}
