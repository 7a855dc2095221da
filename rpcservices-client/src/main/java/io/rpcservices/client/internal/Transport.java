package io.rpcservices.client.internal;

import io.rpcservices.protocol.Limits;
import io.rpcservices.protocol.RpcRequest;
import io.rpcservices.protocol.RpcResponse;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * How a client's calls reach the master: XML-RPC or JSON-RPC over HTTP, or JSON-RPC over a
 * WebSocket. Implementations are safe to share between threads.
 */
public interface Transport {

  /** The URL calls go to, such as {@code http://127.0.0.1:8000/RPC2}. */
  URI endpoint();

  /** The limits replies are held to. */
  Limits limits();

  /**
   * Sends {@code request}. The future completes with the decoded response, or exceptionally with a
   * {@link io.rpcservices.client.TransportException} or, once {@code timeout} has passed, an {@link
   * io.rpcservices.client.RpcTimeoutException}; cancelling it abandons the call.
   *
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  CompletableFuture<RpcResponse> send(RpcRequest request, Duration timeout);

  /** Whether {@link #sendBatch} sends JSON-RPC batches; if not, batches use system.multicall. */
  boolean sendsBatches();

  /**
   * Sends {@code requests} as one JSON-RPC batch; the future completes with one response per
   * request, in their order.
   *
   * @throws UnsupportedOperationException if {@link #sendsBatches()} is false
   * @throws IllegalArgumentException at once, for a parameter outside the value table
   */
  CompletableFuture<List<RpcResponse>> sendBatch(List<RpcRequest> requests, Duration timeout);

  /** Releases the connections; calls sent afterwards fail. */
  void close();
}
