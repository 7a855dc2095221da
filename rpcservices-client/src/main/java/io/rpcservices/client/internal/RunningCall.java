package io.rpcservices.client.internal;

import io.rpcservices.protocol.RpcResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One call of an exported method being run by a worker. Its response completes once: with the
 * method's result or fault, or with the fault that cancelled it; completing it first interrupts the
 * method's thread.
 */
final class RunningCall {
  private final CompletableFuture<RpcResponse> response;

  RunningCall(CompletableFuture<RpcResponse> response) {
    this.response = response;
  }

  /** The response; it never fails. */
  CompletableFuture<RpcResponse> response() {
    return response;
  }

  /** Answers the call with {@code reason} unless it has its answer, and interrupts the method. */
  void cancel(RpcResponse reason) {
    response.complete(reason);
  }
}
